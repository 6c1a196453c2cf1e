import { Injectable } from '@nestjs/common';
import { Scheduled, ScheduleContext } from '@linli/platform';
import { DemandDigest } from './demand-digest.service';

export const WEEKLY_DEMAND_DIGEST_SCHEDULE = 'volunteers.weekly-demand-digest';

/** Mondays 09:00 (business time zone, recorded per week in `job_runs`): one digest of open demands per community, to its secretaries. */
@Injectable()
export class WeeklyDemandDigestJob {
  constructor(private readonly digest: DemandDigest) {}

  @Scheduled({ name: WEEKLY_DEMAND_DIGEST_SCHEDULE, cron: '0 9 * * 1', period: 'week' })
  async weeklyDemandDigest(
    context: ScheduleContext,
  ): Promise<{ period: string; communities: number; notified: number }> {
    return { period: context.period.key, ...(await this.digest.send(context.period)) };
  }
}
