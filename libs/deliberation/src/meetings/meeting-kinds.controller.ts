import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyAuthenticated } from '@linli/platform';
import { MeetingKindListDto } from './dto/meeting-kind.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('deliberation/meetings')
@Controller('deliberation/meeting-kinds')
export class MeetingKindsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @AnyAuthenticated()
  @ApiOperation({
    summary: 'The meeting kinds with their notice days, quorum and decision rules and the texts they come from',
  })
  @ApiOkResponse({ type: MeetingKindListDto })
  list(): MeetingKindListDto {
    return this.meetings.kinds();
  }
}
