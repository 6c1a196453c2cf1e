import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { VoteClosing } from './vote-closing';

export const CLOSE_VOTES_SCHEDULE = 'deliberation.close-votes';

/**
 * Hourly (the shortest recorded period): closes every open vote whose end time has come, in
 * batches, each closed once (the update is guarded on `status = 'open'` and due votes are taken
 * with their row locks, so two schedulers never close one twice). Between the end time and the run,
 * reads already show the final figures (no ballot is accepted after the end time).
 */
@Injectable()
export class CloseVotesJob {
  constructor(
    private readonly closing: VoteClosing,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: CLOSE_VOTES_SCHEDULE, cron: '0 * * * *', period: 'hour' })
  async closeDue(context: ScheduleContext): Promise<{ period: string; closed: number }> {
    return { period: context.period.key, closed: await this.closing.closeDue(this.clock.now(), CLOSE_VOTES_SCHEDULE) };
  }
}
