import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { TimedStepMoves } from './timed-step-moves';
import { TopicJobsRepository } from './topic-jobs.repository';

export const CLOSE_NOTICES_SCHEDULE = 'deliberation.close-notices';

/**
 * Hourly (a run per hour: the period of a recorded run is an hour): a topic in public notice (公示) whose notice period has ended moves on to
 * execution, unless an objection against it is pending: it then stays in notice until staff decide
 * the objection (an upheld one sends it back to joint review).
 */
@Injectable()
export class CloseNoticesJob {
  constructor(
    private readonly clock: Clock,
    private readonly repository: TopicJobsRepository,
    private readonly moves: TimedStepMoves,
  ) {}

  @Scheduled({ name: CLOSE_NOTICES_SCHEDULE, cron: '0 * * * *', period: 'hour' })
  async closeNotices(context: ScheduleContext): Promise<{ period: string; moved: number; skipped: number }> {
    const now = this.clock.now();
    const result = await this.moves.run(
      {
        job: CLOSE_NOTICES_SCHEDULE,
        to: 'execute',
        reason: '公示期满，无待处理异议',
        candidates: (after, limit) => this.repository.noticesEnded(now, after, limit),
        stillDue: async (manager, topic) =>
          topic.status === 'active' &&
          topic.step === 'notice' &&
          topic.noticeEndsAt !== null &&
          topic.noticeEndsAt.getTime() <= now.getTime() &&
          !(await this.repository.hasPendingObjection(manager, topic.id)),
      },
      now,
    );
    return { period: context.period.key, ...result };
  }
}
