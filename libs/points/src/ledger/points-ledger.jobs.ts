import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { PointsConsistency } from './points-consistency.service';
import { PointsExpiry } from './points-expiry.service';

export const EXPIRE_LOTS_SCHEDULE = 'points.expire-lots';
export const CONSISTENCY_CHECK_SCHEDULE = 'points.consistency-check';

/** The ledger's daily jobs (business time zone), each run recorded in `job_runs`. */
@Injectable()
export class PointsLedgerJobs {
  constructor(
    private readonly clock: Clock,
    private readonly expiry: PointsExpiry,
    private readonly consistency: PointsConsistency,
  ) {}

  /** 00:10: expires what is left of due lots (one entry per lot), then tells owners of lots expiring within 30 days. */
  @Scheduled({ name: EXPIRE_LOTS_SCHEDULE, cron: '10 0 * * *', period: 'day' })
  async expireLots(context: ScheduleContext): Promise<{ period: string; expiredLots: number; expiredPoints: number; notified: number }> {
    const now = this.clock.now();
    const expired = await this.expiry.expireDue(now);
    const { notified } = await this.expiry.notifyExpiring(now);
    return { period: context.period.key, expiredLots: expired.lots, expiredPoints: expired.points, notified };
  }

  /** 03:40: sum of entries = balance = available lots for every account; the summary is kept in the run record. */
  @Scheduled({ name: CONSISTENCY_CHECK_SCHEDULE, cron: '40 3 * * *', period: 'day' })
  async checkConsistency(): Promise<{ clean: boolean; accounts: number; drifted: number; unbalancedDraws: number; sample: string[] }> {
    const report = await this.consistency.check();
    return {
      clean: report.clean,
      accounts: report.accounts,
      drifted: report.discrepancies.length,
      unbalancedDraws: report.unbalancedDraws,
      sample: report.discrepancies.slice(0, 10).map((d) => `${d.ownerType}:${d.ownerId}:${d.kind} balance ${d.balance}, entries ${d.entries}, lots ${d.availableLots}`),
    };
  }
}
