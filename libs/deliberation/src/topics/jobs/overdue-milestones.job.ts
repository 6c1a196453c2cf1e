import { CommunitySecretaries } from '@linli/organization';
import { Injectable } from '@nestjs/common';
import {
  BusinessCalendar,
  Clock,
  NotificationOutbox,
  Scheduled,
  ScheduleContext,
  TransactionRunner,
} from '@linli/platform';
import { TopicsRepository } from '../topics.repository';
import { TopicJobsTemplate } from './topic-jobs-templates';
import { FIRST_ID, OverdueMilestoneRow, TopicJobsRepository } from './topic-jobs.repository';

export const OVERDUE_MILESTONES_SCHEDULE = 'deliberation.overdue-milestones';

const BATCH = 200;

/**
 * Daily at 00:30 (business time): every milestone of a topic in execution that was due before
 * today and is not done is flagged overdue once (`overdue_flagged_at`), and the secretary of the
 * topic's community is told, in the same transaction as the flag. Each topic's milestones are
 * flagged in a short transaction holding the topic's row lock; the flag is set only where still
 * unset, so two runs racing flag and notify once (the dedupe key per milestone and recipient
 * guards as well).
 */
@Injectable()
export class OverdueMilestonesJob {
  constructor(
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
    private readonly transactions: TransactionRunner,
    private readonly repository: TopicJobsRepository,
    private readonly topics: TopicsRepository,
    private readonly secretaries: CommunitySecretaries,
    private readonly outbox: NotificationOutbox,
  ) {}

  @Scheduled({ name: OVERDUE_MILESTONES_SCHEDULE, cron: '30 0 * * *', period: 'day' })
  async flagOverdue(context: ScheduleContext): Promise<{ period: string; flagged: number; notified: number }> {
    const now = this.clock.now();
    const today = this.calendar.localDate(now);
    let flagged = 0;
    let notified = 0;
    let after = FIRST_ID;
    for (;;) {
      const rows = await this.repository.overdueMilestones(today, after, BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const secretaries = await this.secretaries.of(rows.map((row) => row.topic_unit_path));
      const byTopic = new Map<string, OverdueMilestoneRow[]>();
      for (const row of rows) byTopic.set(row.topic_id, [...(byTopic.get(row.topic_id) ?? []), row]);
      for (const [topicId, milestones] of byTopic) {
        const recipients = secretaries.get(milestones[0].topic_unit_path) ?? [];
        const result = await this.flagTopic(topicId, milestones, recipients, today, now);
        flagged += result.flagged;
        notified += result.notified;
      }
    }
    return { period: context.period.key, flagged, notified };
  }

  private flagTopic(
    topicId: string,
    milestones: OverdueMilestoneRow[],
    recipients: string[],
    today: string,
    now: Date,
  ): Promise<{ flagged: number; notified: number }> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topics.readOne(manager, topicId, { lock: true });
      if (!topic || topic.status !== 'active' || topic.step !== 'execute') return { flagged: 0, notified: 0 };
      const flaggedIds = new Set(
        await this.repository.flagOverdue(
          manager,
          milestones.map((milestone) => milestone.id),
          today,
          now,
        ),
      );
      const jobs = milestones
        .filter((milestone) => flaggedIds.has(milestone.id))
        .flatMap((milestone) =>
          recipients.map((userId) => ({
            recipient: { userId },
            templateKey: TopicJobsTemplate.MilestoneOverdue,
            data: { title: topic.title, milestone: milestone.title, dueOn: milestone.due_on },
            dedupeKey: `${TopicJobsTemplate.MilestoneOverdue}:${milestone.id}:${userId}`,
          })),
        );
      await this.outbox.request(manager, jobs);
      return { flagged: flaggedIds.size, notified: jobs.length };
    });
  }
}
