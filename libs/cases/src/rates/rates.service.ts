import { Injectable } from '@nestjs/common';
import { DirectoryUnit, OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopeService,
  ValidationProblem,
} from '@linli/platform';
import { CasesSettings } from '../settings/cases-settings.service';
import { CaseRateWeights, caseRates } from './case-rates';
import { CaseRatesDto } from './dto/case-rates.dto';
import { PeriodCounts, RatesRepository } from './rates.repository';

/** The rates of any subtree for any period (`GET /cases/units/:id/case-rates`), and of many units at once for the ranking. */
@Injectable()
export class RatesService {
  constructor(
    private readonly rates: RatesRepository,
    private readonly settings: CasesSettings,
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
  ) {}

  async forUnit(user: AuthenticatedUser, unitId: string, periodKey?: string): Promise<CaseRatesDto> {
    const unit = (await this.directory.units.byIds([unitId])).get(unitId);
    if (!unit || !this.scope.canReach(user, Permission.CasesRead, unit.path)) throw new NotFoundProblem('该单位');
    const period = this.period(periodKey);
    const counts = await this.rates.within(unit.path, period, this.clock.now());
    return this.view(unit, period.key, counts, await this.weights());
  }

  async weights(): Promise<CaseRateWeights> {
    const values = await this.settings.values();
    return {
      response: values['weights.response'],
      resolution: values['weights.resolution'],
      satisfaction: values['weights.satisfaction'],
      onTime: values['weights.on-time'],
      rework: values['weights.rework'],
    };
  }

  view(unit: DirectoryUnit, period: string, counts: PeriodCounts, weights: CaseRateWeights): CaseRatesDto {
    const rates = caseRates(counts, weights);
    const gridFoundShare = counts.received > 0 ? counts.gridFound / counts.received : null;
    return {
      unitId: unit.id,
      unitName: unit.name,
      period,
      ...counts,
      ...rates,
      gridFoundShare,
      weights,
      summary: summaryOf(unit.name, period, counts, rates.resolutionRate, gridFoundShare),
    };
  }

  private period(key: string | undefined) {
    if (!key) return this.calendar.periodOf(this.clock.now(), 'month');
    try {
      return this.calendar.parse(key);
    } catch {
      throw new ValidationProblem([
        { field: 'period', constraint: 'isPeriod', message: 'period must be a period key, e.g. 2026-11' },
      ]);
    }
  }
}

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);

/** The sources' kind of report: "共受理 36,000 件，办结 34,500 件，解决率 95.74%，网格员发现 60.00%". */
function summaryOf(
  unitName: string,
  period: string,
  counts: PeriodCounts,
  resolutionRate: number | null,
  gridFoundShare: number | null,
): string {
  const n = (value: number) => value.toLocaleString('en-US');
  return `${unitName}（${period}）共受理诉求 ${n(counts.received)} 件，办结 ${n(counts.resolved)} 件，解决率 ${percent(resolutionRate)}，网格员发现 ${percent(gridFoundShare)}`;
}
