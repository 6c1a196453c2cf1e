import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { TimedStepMoves } from './timed-step-moves';
import { TopicJobsRepository } from './topic-jobs.repository';

export const CLOSE_EVALUATIONS_SCHEDULE = 'deliberation.close-evaluations';

/**
 * Hourly: a topic whose evaluation window has closed is closed (已办结); its result (the average of
 * the residents' ratings) is then public on the notice board.
 */
@Injectable()
export class CloseEvaluationsJob {
  constructor(
    private readonly clock: Clock,
    private readonly repository: TopicJobsRepository,
    private readonly moves: TimedStepMoves,
  ) {}

  @Scheduled({ name: CLOSE_EVALUATIONS_SCHEDULE, cron: '20 * * * *', period: 'hour' })
  async closeEvaluations(context: ScheduleContext): Promise<{ period: string; moved: number; skipped: number }> {
    const now = this.clock.now();
    const result = await this.moves.run(
      {
        job: CLOSE_EVALUATIONS_SCHEDULE,
        to: 'closed',
        reason: '评估期结束，议题办结',
        candidates: (after, limit) => this.repository.evaluationsClosed(now, after, limit),
        stillDue: async (_manager, topic) =>
          topic.status === 'active' &&
          topic.step === 'evaluate' &&
          topic.evaluationClosesAt !== null &&
          topic.evaluationClosesAt.getTime() <= now.getTime(),
      },
      now,
    );
    return { period: context.period.key, ...result };
  }
}
