import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated, AuthenticatedUser, CurrentUser, PageQueryDto, UuidParam } from '@linli/platform';
import { NoticePageDto } from './dto/notice.dto';
import { NoticesService } from './notices.service';

@ApiTags('deliberation/notices')
@Controller('deliberation/units')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get(':id/notices')
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'The unit’s public notice board (公开栏): topics past resolution at the unit or above it',
    description:
      'Decisions, notice ends, execution progress and milestones, evaluation results; the latest step change first. Residents living at or below the unit and staff with deliberation.read there.',
  })
  @ApiOkResponse({ type: NoticePageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: the unit is unknown or not yours to read' })
  board(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: PageQueryDto,
  ): Promise<NoticePageDto> {
    return this.notices.board(user, id, query);
  }
}
