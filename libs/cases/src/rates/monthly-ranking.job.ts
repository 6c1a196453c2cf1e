import { Injectable } from '@nestjs/common';
import { DirectoryUnit, FIXED_KIND_DEPTH, OrganizationDirectory } from '@linli/organization';
import { Clock, NotificationOutbox, Scheduled, ScheduleContext, TransactionRunner } from '@linli/platform';
import { CaseLevels } from '../cases/case-levels';
import { CasesTemplate } from '../cases/cases-templates';
import { rankByScore } from './case-rates';
import { RankingsRepository } from './rankings.repository';
import { emptyCounts, RatesRepository } from './rates.repository';
import { RatesService } from './rates.service';

export const MONTHLY_RANKING_SCHEDULE = 'cases.monthly-ranking';
const KIND_NAME = { street: '街道', community: '社区' } as const;

/**
 * Monthly, for the month before: the rates of every street and every community (two grouped
 * aggregates each, whatever their number), ranked by score within their kind, stored (a rerun
 * replaces the month), and the heads of the lowest-ranked street and community told, once.
 */
@Injectable()
export class MonthlyRankingJob {
  constructor(
    private readonly rates: RatesRepository,
    private readonly ratesService: RatesService,
    private readonly rankings: RankingsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly levels: CaseLevels,
    private readonly notifications: NotificationOutbox,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: MONTHLY_RANKING_SCHEDULE, cron: '0 4 1 * *', period: 'month', periodOffset: 'previous' })
  async run(context: ScheduleContext): Promise<{ period: string; streets: number; communities: number }> {
    const now = this.clock.now();
    const weights = await this.ratesService.weights();
    const rows: Parameters<RankingsRepository['replace']>[2] = [];
    const lowest: { unit: DirectoryUnit; kind: 'street' | 'community'; score: number; total: number }[] = [];
    for (const kind of ['street', 'community'] as const) {
      const [units, counts] = await Promise.all([
        this.directory.units.allOfKinds([kind]),
        this.rates.byPrefix(FIXED_KIND_DEPTH[kind], context.period, now),
      ]);
      const ranked = rankByScore(
        units.map((unit) => {
          const figures = this.ratesService.view(
            unit,
            context.period.key,
            counts.get(unit.path) ?? emptyCounts(),
            weights,
          );
          return { unit, figures, score: figures.score };
        }),
      );
      for (const item of ranked)
        rows.push({
          unitId: item.unit.id,
          unitPath: item.unit.path,
          kind,
          rank: item.rank,
          score: item.score,
          figures: item.figures,
        });
      const scored = ranked.filter((item) => item.rank !== null);
      const last = scored.reduce<(typeof scored)[number] | undefined>(
        (low, item) => (!low || (item.rank as number) > (low.rank as number) ? item : low),
        undefined,
      );
      if (last && scored.length > 1)
        lowest.push({ unit: last.unit, kind, score: last.score as number, total: scored.length });
    }
    const heads = await this.levels.heads(lowest.map((item) => ({ level: item.kind, path: item.unit.path })));
    await this.transactions.run(async (manager) => {
      await this.rankings.replace(manager, context.period.key, rows, now);
      await this.notifications.request(
        manager,
        lowest.flatMap((item) =>
          (heads.get(item.unit.path) ?? []).map((userId) => ({
            recipient: { userId },
            templateKey: CasesTemplate.RankedLowest,
            data: {
              unitId: item.unit.id,
              unitName: item.unit.name,
              period: context.period.key,
              score: item.score.toFixed(2),
              total: item.total,
              kindName: KIND_NAME[item.kind],
            },
            dedupeKey: `${CasesTemplate.RankedLowest}:${context.period.key}:${item.unit.id}:${userId}`,
          })),
        ),
      );
    });
    return {
      period: context.period.key,
      streets: rows.filter((row) => row.kind === 'street').length,
      communities: rows.filter((row) => row.kind === 'community').length,
    };
  }
}
