import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { DemandDigest } from './demand-digest.service';
import { LapsedClaims } from './lapsed-claims.service';
import { OverdueDemands } from './overdue-demands.service';

export const RELEASE_LAPSED_CLAIMS_SCHEDULE = 'volunteers.release-lapsed-claims';
export const ESCALATE_OVERDUE_DEMANDS_SCHEDULE = 'volunteers.escalate-overdue-demands';
export const WEEKLY_DEMAND_DIGEST_SCHEDULE = 'volunteers.weekly-demand-digest';

/** The demands area's schedules (business time zone), each run recorded in `job_runs`. */
@Injectable()
export class DemandsJobs {
  constructor(
    private readonly clock: Clock,
    private readonly lapsed: LapsedClaims,
    private readonly overdue: OverdueDemands,
    private readonly digest: DemandDigest,
  ) {}

  /** Every hour at :05: claims past their lapse time are released and the demands reopened. */
  @Scheduled({ name: RELEASE_LAPSED_CLAIMS_SCHEDULE, cron: '5 * * * *', period: 'hour' })
  async releaseLapsedClaims(context: ScheduleContext): Promise<{ period: string; released: number }> {
    return { period: context.period.key, ...(await this.lapsed.releaseDue(this.clock.now())) };
  }

  /** Every hour at :15: open demands past their deadline expire; their community's secretaries are told once per demand. */
  @Scheduled({ name: ESCALATE_OVERDUE_DEMANDS_SCHEDULE, cron: '15 * * * *', period: 'hour' })
  async escalateOverdueDemands(context: ScheduleContext): Promise<{ period: string; expired: number; escalated: number; notified: number }> {
    return { period: context.period.key, ...(await this.overdue.escalateDue(this.clock.now())) };
  }

  /** Mondays 09:00: one digest of open demands per community, to its secretaries. */
  @Scheduled({ name: WEEKLY_DEMAND_DIGEST_SCHEDULE, cron: '0 9 * * 1', period: 'week' })
  async weeklyDemandDigest(context: ScheduleContext): Promise<{ period: string; communities: number; notified: number }> {
    return { period: context.period.key, ...(await this.digest.send(context.period)) };
  }
}
