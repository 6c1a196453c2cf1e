import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { LapsedClaims } from './lapsed-claims.service';

export const RELEASE_LAPSED_CLAIMS_SCHEDULE = 'volunteers.release-lapsed-claims';

/** Every hour at :05 (business time zone, recorded in `job_runs`): claims past their lapse time are released and the demands reopened. */
@Injectable()
export class ReleaseLapsedClaimsJob {
  constructor(
    private readonly clock: Clock,
    private readonly lapsed: LapsedClaims,
  ) {}

  @Scheduled({ name: RELEASE_LAPSED_CLAIMS_SCHEDULE, cron: '5 * * * *', period: 'hour' })
  async releaseLapsedClaims(context: ScheduleContext): Promise<{ period: string; released: number }> {
    return { period: context.period.key, ...(await this.lapsed.releaseDue(this.clock.now())) };
  }
}
