import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AdvanceTopicDto } from '../dto/topic-actions.dto';
import { TopicDto } from '../dto/topic.dto';
import { TopicAccess } from '../topic-access';
import { TopicRecord } from '../topic-record';
import { TopicReviewsRepository } from '../topic-reviews.repository';
import { TopicStepChanger } from '../topic-step-changer';
import { STEP_DEFINITIONS, TopicStep } from '../topic-steps';
import { TopicViews } from '../topic-views';
import { TopicsCode, TopicsException } from '../topics.exception';

function unmet(detail: string, extensions: Record<string, unknown>): TopicsException {
  return new TopicsException(TopicsCode.StepConditionUnmet, { detail, extensions });
}

/**
 * `POST /topics/:id/advance`: to the next step, when the step's exit condition holds (checked
 * under the topic's row lock): collection ends at will; joint review once every required party
 * answered in the current round; resolution once a decision is recorded; public notice only after
 * its end (never earlier, for anyone) and with no objection pending. Execution and evaluation end
 * by their jobs, never by hand.
 */
@Injectable()
export class AdvanceTopicUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly topicAccess: TopicAccess,
    private readonly reviews: TopicReviewsRepository,
    private readonly steps: TopicStepChanger,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, topicId: string, command: AdvanceTopicDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationDecide, topicId);
      if (topic.status !== 'active' || topic.step === 'closed')
        throw new TopicsException(TopicsCode.TopicInactive, {
          extensions: { topicStatus: topic.status, step: topic.step },
        });
      const now = this.clock.now();
      await this.assertExit(manager, topic, now);
      const next = STEP_DEFINITIONS[topic.step].next as TopicStep;
      const moved = await this.steps.move(
        manager,
        topic,
        next,
        { userId: user.userId, reason: command.reason ?? null },
        now,
      );
      return TopicDto.from(moved);
    });
  }

  private async assertExit(manager: EntityManager, topic: TopicRecord, now: Date): Promise<void> {
    const step = topic.step;
    switch (STEP_DEFINITIONS[step].exit) {
      case 'always':
        return;
      case 'reviews-complete': {
        const missingParties = TopicViews.missingParties(
          topic,
          await this.reviews.reviews(manager, topic.id, topic.reviewRound),
        );
        if (missingParties.length > 0)
          throw unmet('尚有联审单位未提交意见', { step, missingParties, round: topic.reviewRound });
        return;
      }
      case 'decided':
        if (!topic.decision) throw unmet('尚未记录决议（表决通过或会议决定）', { step, missing: 'decision' });
        return;
      case 'notice-ended': {
        if (!topic.noticeEndsAt || now < new Date(topic.noticeEndsAt))
          throw unmet('公示期未满，不能提前结束', {
            step,
            noticeEndsAt: topic.noticeEndsAt ? new Date(topic.noticeEndsAt).toISOString() : null,
          });
        const pendingObjections = await this.reviews.pendingObjections(manager, topic.id);
        if (pendingObjections > 0) throw unmet('尚有异议未处理', { step, pendingObjections });
        return;
      }
      case 'execution-ended':
        throw unmet(
          topic.executionEndedAt
            ? '执行已完成，评估将按期自动开启'
            : '执行尚未完成（进度未达100%），评估将在执行完成后按期自动开启',
          { step, progressPercent: topic.progressPercent, byJob: true },
        );
      default:
        throw unmet('评估按期自动结束', { step, byJob: true });
    }
  }
}
