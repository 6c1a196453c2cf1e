import { Injectable } from '@nestjs/common';
import { Clock, Period, TransactionRunner } from '@linli/platform';
import { FIXED_KIND_DEPTH, OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { MonthlyReportRepository } from './monthly-report.repository';

/** What one computation wrote. */
export interface MonthlyReportRun {
  period: string;
  communities: number;
  computedAt: string;
}

/**
 * Computes the monthly deliberation report of communities for a business-calendar month
 * `[start, end)` and stores one row per community (`deliberation_monthly_reports`, replaced on
 * every run, so a recompute gives the same row). Figures: meetings held (starting in the month),
 * opinions collected, proposals adopted and ratings given in the month; days spent per step by the
 * topics that left it in the month; topics by step: the step each topic still active at computation
 * time was in at the month's end (reconstructed from its step changes; a topic withdrawn or merged
 * since is not counted).
 */
@Injectable()
export class MonthlyReportComputation {
  constructor(
    private readonly repository: MonthlyReportRepository,
    private readonly directory: OrganizationDirectory,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** Every community (or those `within` lets through), all in one consistent snapshot. */
  async compute(
    period: Period,
    within: (communityPath: string) => boolean = () => true,
    manager?: EntityManager,
  ): Promise<MonthlyReportRun> {
    const work = async (tx: EntityManager): Promise<MonthlyReportRun> => {
      const communities = (await this.directory.units.allOfKinds(['community'], tx)).filter((c) => within(c.path));
      const computedAt = this.clock.now();
      const months = await this.repository.compute(tx, communities, FIXED_KIND_DEPTH.community, period);
      await this.repository.upsert(tx, period.key, months, computedAt);
      return { period: period.key, communities: months.length, computedAt: computedAt.toISOString() };
    };
    return manager ? work(manager) : this.transactions.run(work, 'REPEATABLE READ');
  }
}
