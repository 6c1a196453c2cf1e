import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { StructureCheckPageDto } from './dto/structure-check-page.dto';
import { StructureCheckQueryDto } from './dto/structure-check-query.dto';
import { StructureCheckService } from './structure-check.service';

@ApiTags('organization/structure-check')
@Controller('units')
export class StructureCheckController {
  constructor(private readonly structureCheck: StructureCheckService) {}

  @Get(':id/structure-check')
  @RequirePermission(Permission.AnalyticsRead)
  @ApiOperation({
    summary: "The structure check of a unit's subtree, computed now",
    description:
      'Rules: branch.missing, branch.committee-missing, branch.oversized, organization.should-be-general-branch, organization.should-be-committee, joint-branch.too-many-units, officer.term-ending, officer.term-ended, grid.no-worker, community.understaffed (thresholds per deployment). Paginated; `totals` counts every rule over the whole subtree.',
  })
  @ApiOkResponse({ type: StructureCheckPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit, or outside your analytics.read scope' })
  @ApiBadRequestResponse({ description: 'validation.failed / pagination.invalid-cursor' })
  check(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: StructureCheckQueryDto,
  ): Promise<StructureCheckPageDto> {
    return this.structureCheck.check(user, id, query);
  }
}
