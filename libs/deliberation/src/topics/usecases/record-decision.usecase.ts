import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  Outbox,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DeliberationEvent } from '../../deliberation-events';
import { RecordDecisionDto } from '../dto/decision.dto';
import { TopicDto } from '../dto/topic.dto';
import { TopicAccess } from '../topic-access';
import { TopicDecisionBasisRepository } from '../topic-decision-basis.repository';
import { TopicDecision, TopicRecord } from '../topic-record';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicsCode, TopicsException } from '../topics.exception';
import { TopicsRepository } from '../topics.repository';

/**
 * `POST /topics/:id/decision` (决议) in resolution, with its basis: a vote on this topic, closed and
 * passed, or a meeting that had the topic on its agenda and whose minutes adopted a decision on it.
 * Publishes `deliberation.topic.resolved`. One decision per resolution (an upheld objection clears it).
 */
@Injectable()
export class RecordDecisionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly basis: TopicDecisionBasisRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, topicId: string, command: RecordDecisionDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationDecide, topicId);
      const voteId = command.basis === 'vote' ? command.voteId : undefined;
      const meetingId = command.basis === 'meeting' ? command.meetingId : undefined;
      await this.references.reach(user, Permission.DeliberationRead, { vote: voteId, meeting: meetingId }, manager);
      TopicStepChanger.assertAllows(topic, 'decision');
      if (topic.decision) throw new TopicsException(TopicsCode.DecisionRecorded);
      const valid = voteId
        ? await this.basis.votePassed(manager, voteId, topicId)
        : (await this.basis.meetingDecision(manager, meetingId as string, topicId)) !== undefined;
      if (!valid)
        throw new TopicsException(TopicsCode.DecisionBasisInvalid, {
          extensions: { basis: command.basis, ...(voteId ? { voteId } : { meetingId }) },
        });
      const now = this.clock.now();
      const decision: TopicDecision = {
        basis: command.basis,
        ...(voteId ? { voteId } : {}),
        ...(meetingId ? { meetingId } : {}),
        summary: command.summary.trim(),
        decidedAt: now.toISOString(),
        decidedByUserId: user.userId,
      };
      await this.topics.setDecision(manager, topicId, decision, now);
      await this.audit.record(
        {
          action: 'deliberation.topic-resolved',
          targetType: 'deliberation-topic',
          targetId: topicId,
          unitId: topic.unitId,
          unitPath: topic.unitPath,
          data: { basis: command.basis, voteId: voteId ?? null, meetingId: meetingId ?? null },
        },
        manager,
      );
      await this.outbox.publish(manager, {
        type: DeliberationEvent.TopicResolved,
        unitId: topic.unitId,
        actors: [],
        data: {
          topicId,
          title: topic.title,
          basis: command.basis,
          ...(voteId ? { voteId } : {}),
          ...(meetingId ? { meetingId } : {}),
        },
      });
      return TopicDto.from((await this.topics.readOne(manager, topicId)) as TopicRecord);
    });
  }
}
