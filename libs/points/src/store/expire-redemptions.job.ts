import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { RedemptionExpiry } from './redemption-expiry.service';

export const EXPIRE_REDEMPTIONS_SCHEDULE = 'points.expire-redemptions';

/** The store's daily job (business time zone), its runs recorded in `job_runs`. */
@Injectable()
export class ExpireRedemptionsJob {
  constructor(
    private readonly clock: Clock,
    private readonly expiry: RedemptionExpiry,
  ) {}

  /** 00:20: reservations older than the pickup window are expired with a refund. */
  @Scheduled({ name: EXPIRE_REDEMPTIONS_SCHEDULE, cron: '20 0 * * *', period: 'day' })
  async run(context: ScheduleContext): Promise<{ period: string; expired: number }> {
    const { expired } = await this.expiry.expireDue(this.clock.now());
    return { period: context.period.key, expired };
  }
}
