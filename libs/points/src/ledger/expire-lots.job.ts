import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { PointsExpiry } from './points-expiry.service';

export const EXPIRE_LOTS_SCHEDULE = 'points.expire-lots';

/** The ledger's daily expiry (business time zone), each run recorded in `job_runs`. */
@Injectable()
export class ExpireLotsJob {
  constructor(
    private readonly clock: Clock,
    private readonly expiry: PointsExpiry,
  ) {}

  /** 00:10: expires what is left of due lots (one entry per lot), then tells owners of lots expiring within 30 days. */
  @Scheduled({ name: EXPIRE_LOTS_SCHEDULE, cron: '10 0 * * *', period: 'day' })
  async run(
    context: ScheduleContext,
  ): Promise<{ period: string; expiredLots: number; expiredPoints: number; notified: number }> {
    const now = this.clock.now();
    const expired = await this.expiry.expireDue(now);
    const { notified } = await this.expiry.notifyExpiring(now);
    return { period: context.period.key, expiredLots: expired.lots, expiredPoints: expired.points, notified };
  }
}
