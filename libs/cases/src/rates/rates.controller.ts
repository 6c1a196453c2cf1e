import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Permission, RequirePermission, UuidParam } from '@linli/platform';
import { CaseRankingListDto, CaseRankingsQueryDto, CaseRatesDto, CaseRatesQueryDto } from './dto/case-rates.dto';
import { RankingsService } from './rankings.service';
import { RatesService } from './rates.service';

@ApiTags('cases/rates')
@Controller('cases')
export class RatesController {
  constructor(
    private readonly rates: RatesService,
    private readonly rankings: RankingsService,
  ) {}

  @Get('units/:id/case-rates')
  @RequirePermission(Permission.CasesRead)
  @ApiOperation({
    summary:
      'The three rates of 接诉即办 (response, resolution, satisfaction), on-time close and rework, and the score, of a subtree',
    description:
      'Cases reported in the period at the unit or below; the on-time close rate over the deadlines that fell in the period and have passed. Formulas in docs/modules/cases.md.',
  })
  @ApiOkResponse({ type: CaseRatesDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unknown or outside your scope' })
  forUnit(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Query() query: CaseRatesQueryDto,
  ): Promise<CaseRatesDto> {
    return this.rates.forUnit(user, id, query.period);
  }

  @Get('rankings')
  @RequirePermission(Permission.CasesRead)
  @ApiOperation({ summary: "A month's ranking of streets or communities (computed on the 1st of the next month)" })
  @ApiOkResponse({ type: CaseRankingListDto })
  @ApiNotFoundResponse({ description: 'resource.not-found: unitId unknown or outside your scope' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: CaseRankingsQueryDto): Promise<CaseRankingListDto> {
    return this.rankings.list(user, query);
  }
}
