import { Injectable } from '@nestjs/common';
import { BusinessCalendar, Clock, NotificationOutbox, Scheduled, ScheduleContext } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationSettings } from '../../settings/deliberation-settings.service';
import { TopicRecord } from '../topic-record';
import { TimedStepMoves } from './timed-step-moves';
import { TopicJobsTemplate } from './topic-jobs-templates';
import { TopicJobsRepository } from './topic-jobs.repository';

export const OPEN_EVALUATIONS_SCHEDULE = 'deliberation.open-evaluations';

const DAY_MS = 86_400_000;

/**
 * Hourly: `evaluation.delay-days` days after a topic's execution ended, its evaluation (residents'
 * rating) opens; the step changer sets the window (`evaluation.period-days`). The topic's creator
 * is told, in the same transaction.
 */
@Injectable()
export class OpenEvaluationsJob {
  constructor(
    private readonly clock: Clock,
    private readonly repository: TopicJobsRepository,
    private readonly moves: TimedStepMoves,
    private readonly settings: DeliberationSettings,
    private readonly outbox: NotificationOutbox,
    private readonly calendar: BusinessCalendar,
  ) {}

  @Scheduled({ name: OPEN_EVALUATIONS_SCHEDULE, cron: '10 * * * *', period: 'hour' })
  async openEvaluations(context: ScheduleContext): Promise<{ period: string; moved: number; skipped: number }> {
    const now = this.clock.now();
    const endedBy = new Date(now.getTime() - (await this.settings.value('evaluation.delay-days')) * DAY_MS);
    const result = await this.moves.run(
      {
        job: OPEN_EVALUATIONS_SCHEDULE,
        to: 'evaluate',
        reason: '执行完成，开启评估',
        candidates: (after, limit) => this.repository.executionsEnded(endedBy, after, limit),
        stillDue: async (_manager, topic) =>
          topic.status === 'active' &&
          topic.step === 'execute' &&
          topic.executionEndedAt !== null &&
          topic.executionEndedAt.getTime() <= endedBy.getTime(),
        afterMove: (manager, moved) => this.tellCreator(manager, moved),
      },
      now,
    );
    return { period: context.period.key, ...result };
  }

  private tellCreator(manager: EntityManager, topic: TopicRecord): Promise<void> {
    return this.outbox.requestOne(manager, {
      recipient: { userId: topic.createdByUserId },
      templateKey: TopicJobsTemplate.EvaluationOpened,
      data: {
        title: topic.title,
        closesOn: topic.evaluationClosesAt ? this.calendar.localDate(topic.evaluationClosesAt) : '',
      },
      dedupeKey: `${TopicJobsTemplate.EvaluationOpened}:${topic.id}:${topic.evaluationOpensAt?.toISOString() ?? ''}`,
    });
  }
}
