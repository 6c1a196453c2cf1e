import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Outbox, Permission, TransactionRunner } from '@linli/platform';
import { DeliberationEvent } from '../../deliberation-events';
import { ReportProgressDto } from '../dto/progress.dto';
import { TopicDto } from '../dto/topic.dto';
import { TopicAccess } from '../topic-access';
import { TopicExecutionRepository } from '../topic-execution.repository';
import { TopicRecord } from '../topic-record';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicsCode, TopicsException } from '../topics.exception';
import { TopicsRepository } from '../topics.repository';

/**
 * `PATCH /topics/:id/progress` during execution: a report (percent, note, evidence) that never goes
 * below the last one. Reaching 100 % ends execution (once): `execution_ended_at` is set, from which
 * the evaluation job counts its delay, and `deliberation.topic.executed` is published.
 */
@Injectable()
export class ReportProgressUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly execution: TopicExecutionRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, topicId: string, command: ReportProgressDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
      TopicStepChanger.assertAllows(topic, 'progress');
      if (command.percent < topic.progressPercent)
        throw new TopicsException(TopicsCode.ProgressBackwards, {
          extensions: { percent: command.percent, current: topic.progressPercent },
        });
      const now = this.clock.now();
      const ends = command.percent === 100 && topic.executionEndedAt === null;
      const report = await this.execution.insertProgress(manager, {
        topicId,
        percent: command.percent,
        note: command.note.trim(),
        evidence: command.evidence ?? [],
        userId: user.userId,
        at: now,
      });
      const responsibleParty = command.responsibleParty?.trim();
      await this.execution.setProgress(manager, topicId, {
        percent: command.percent,
        responsibleParty,
        endedAt: ends ? now : null,
        at: now,
      });
      await this.audit.record(
        {
          action: 'deliberation.progress-reported',
          targetType: 'deliberation-topic',
          targetId: topicId,
          unitId: topic.unitId,
          unitPath: topic.unitPath,
          data: { reportId: report.id, percent: command.percent, evidence: report.evidence.length },
        },
        manager,
      );
      const after = (await this.topics.readOne(manager, topicId)) as TopicRecord;
      if (ends)
        await this.outbox.publish(manager, {
          type: DeliberationEvent.TopicExecuted,
          unitId: topic.unitId,
          actors: [],
          data: { topicId, title: topic.title, responsibleParty: after.responsibleParty },
        });
      return TopicDto.from(after);
    });
  }
}
