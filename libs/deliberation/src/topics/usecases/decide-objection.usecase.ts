import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, Permission, TransactionRunner } from '@linli/platform';
import { selfAuthorization } from '../../deliberation.exception';
import { DecideObjectionDto, ObjectionDecisionDto, ObjectionDto } from '../dto/objection.dto';
import { TopicAccess } from '../topic-access';
import { TopicReviewsRepository } from '../topic-reviews.repository';
import { TopicStepChanger } from '../topic-step-changer';
import { TopicsCode, TopicsException } from '../topics.exception';
import { TopicsRepository } from '../topics.repository';

/**
 * `POST /topics/:id/objections/:objectionId/decision` during public notice. Upheld: the topic
 * returns to joint review in a new round (every party answers again) and its decision is cleared,
 * so it is resolved and published anew. Dismissed: the notice goes on. Nobody decides their own
 * objection.
 */
@Injectable()
export class DecideObjectionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly reviews: TopicReviewsRepository,
    private readonly steps: TopicStepChanger,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    topicId: string,
    objectionId: string,
    command: DecideObjectionDto,
  ): Promise<ObjectionDecisionDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationDecide, topicId);
      const objection = await this.reviews.objection(manager, topicId, objectionId);
      if (!objection) throw new NotFoundProblem('该异议');
      if (user.personId !== null && objection.authorPersonId === user.personId)
        throw selfAuthorization('不能处理本人提出的异议');
      if (objection.status !== 'pending')
        throw new TopicsException(TopicsCode.ObjectionDecided, { extensions: { objectionStatus: objection.status } });
      TopicStepChanger.assertAllows(topic, 'objection');
      const now = this.clock.now();
      const note = command.note.trim();
      const decided = await this.reviews.decideObjection(manager, objectionId, {
        status: command.upheld ? 'upheld' : 'dismissed',
        note,
        userId: user.userId,
        at: now,
      });
      await this.audit.record(
        {
          action: command.upheld ? 'deliberation.objection-upheld' : 'deliberation.objection-dismissed',
          targetType: 'deliberation-topic',
          targetId: topicId,
          unitId: topic.unitId,
          unitPath: topic.unitPath,
          data: { objectionId, note },
        },
        manager,
      );
      let after = topic;
      if (command.upheld) {
        await this.topics.setDecision(manager, topicId, null, now);
        after = await this.steps.move(
          manager,
          topic,
          'review',
          { userId: user.userId, reason: `异议成立：${note}` },
          now,
        );
      }
      return { ...ObjectionDto.from(decided), topicStep: after.step, reviewRound: after.reviewRound };
    });
  }
}
