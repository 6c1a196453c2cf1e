import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { AnalyticsService } from './analytics.service';
import { BlankSpotPageDto } from './dto/blank-spot.dto';
import { BlankSpotsQueryDto } from './dto/blank-spots-query.dto';
import { CoverageDto } from './dto/coverage.dto';
import { UnitStatsDto } from './dto/unit-stats.dto';

@ApiTags('organization/analytics')
@Controller('units')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  @Get(':id/stats')
  @RequirePermission(Permission.AnalyticsRead)
  @ApiOperation({
    summary:
      "Counts of a unit's subtree: units per kind, residents and households, registered people, party members by category and status",
    description:
      "Residents and households: summed over the communities of the subtree for a street, district or city; the unit's own declared values for a community and below.",
  })
  @ApiOkResponse({ type: UnitStatsDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown unit, or outside your analytics.read scope' })
  @ApiBadRequestResponse({ description: 'validation.failed: id is not a UUID' })
  stats(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<UnitStatsDto> {
    return this.analytics.stats(user, id);
  }

  @Get(':id/coverage')
  @RequirePermission(Permission.AnalyticsRead)
  @ApiOperation({
    summary: "Party-organization coverage of a unit's subtree: complexes, buildings, institutions",
    description:
      'Complexes: own branch (a branch, general branch or committee covers it), joint branch only, uncovered. Buildings: covered by a party group or an active central household. Institutions: with their own party organization, per kind.',
  })
  @ApiOkResponse({ type: CoverageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiBadRequestResponse({ description: 'validation.failed' })
  coverage(@CurrentUser() user: AuthenticatedUser, @UuidParam('id') id: string): Promise<CoverageDto> {
    return this.analytics.coverage(user, id);
  }

  @Get(':id/blank-spots')
  @RequirePermission(Permission.AnalyticsRead)
  @ApiOperation({
    summary: "The blank spots of a unit's subtree, in tree order",
    description:
      'Uncovered complexes and buildings, and complexes covered only by joint branches (jointBranchOnly: true). Paginated by `cursor`.',
  })
  @ApiOkResponse({ type: BlankSpotPageDto })
  @ApiNotFoundResponse({ description: 'resource.not-found' })
  @ApiBadRequestResponse({ description: 'validation.failed / pagination.invalid-cursor' })
  blankSpots(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: BlankSpotsQueryDto,
  ): Promise<BlankSpotPageDto> {
    return this.analytics.blankSpots(user, id, query);
  }
}
