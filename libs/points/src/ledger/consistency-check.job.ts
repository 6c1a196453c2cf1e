import { Injectable } from '@nestjs/common';
import { Scheduled } from '@linli/platform';
import { PointsConsistency } from './points-consistency.service';

export const CONSISTENCY_CHECK_SCHEDULE = 'points.consistency-check';

/** The ledger's daily proof (business time zone), each run recorded in `job_runs`. */
@Injectable()
export class ConsistencyCheckJob {
  constructor(private readonly consistency: PointsConsistency) {}

  /** 03:40: sum of entries = balance = available lots for every account; the summary is kept in the run record. */
  @Scheduled({ name: CONSISTENCY_CHECK_SCHEDULE, cron: '40 3 * * *', period: 'day' })
  async run(): Promise<{
    clean: boolean;
    accounts: number;
    drifted: number;
    unbalancedDraws: number;
    sample: string[];
  }> {
    const report = await this.consistency.check();
    return {
      clean: report.clean,
      accounts: report.accounts,
      drifted: report.discrepancies.length,
      unbalancedDraws: report.unbalancedDraws,
      sample: report.discrepancies
        .slice(0, 10)
        .map(
          (d) =>
            `${d.ownerType}:${d.ownerId}:${d.kind} balance ${d.balance}, entries ${d.entries}, lots ${d.availableLots}`,
        ),
    };
  }
}
