import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, Permission, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CreateMilestoneDto, MilestoneDto } from './dto/milestone.dto';
import { SetResponsibleDto } from './dto/progress.dto';
import { CreateReviewDto, ReviewDto } from './dto/review.dto';
import { TopicDto } from './dto/topic.dto';
import { TopicAccess } from './topic-access';
import { TopicExecutionRepository } from './topic-execution.repository';
import { TopicRecord } from './topic-record';
import { TopicReviewsRepository } from './topic-reviews.repository';
import { TopicStepChanger } from './topic-step-changer';
import { TopicsCode, TopicsException } from './topics.exception';
import { TopicsRepository } from './topics.repository';

/** Staff's single-row work on a topic: joint reviews, milestones, the responsible party, withdrawal. */
@Injectable()
export class TopicWorkService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly reviews: TopicReviewsRepository,
    private readonly execution: TopicExecutionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async review(user: AuthenticatedUser, topicId: string, command: CreateReviewDto): Promise<ReviewDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
      TopicStepChanger.assertAllows(topic, 'review');
      const review = await this.reviews.insertReview(manager, {
        topicId,
        round: topic.reviewRound,
        party: command.party,
        opinion: command.opinion.trim(),
        feasible: command.feasible,
        userId: user.userId,
        at: this.clock.now(),
      });
      if (!review)
        throw new TopicsException(TopicsCode.ReviewRecorded, {
          extensions: { party: command.party, round: topic.reviewRound },
        });
      await this.record(manager, 'deliberation.review-recorded', topic, {
        party: command.party,
        round: topic.reviewRound,
        feasible: command.feasible,
      });
      return ReviewDto.from(review);
    });
  }

  async addMilestone(user: AuthenticatedUser, topicId: string, command: CreateMilestoneDto): Promise<MilestoneDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
      TopicStepChanger.assertAllows(topic, 'milestone');
      const milestone = await this.execution.insertMilestone(manager, {
        topicId,
        title: command.title.trim(),
        dueOn: command.dueOn,
        userId: user.userId,
        at: this.clock.now(),
      });
      await this.record(manager, 'deliberation.milestone-added', topic, {
        milestoneId: milestone.id,
        dueOn: command.dueOn,
      });
      return MilestoneDto.from(milestone);
    });
  }

  async milestoneDone(user: AuthenticatedUser, topicId: string, milestoneId: string): Promise<MilestoneDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
      TopicStepChanger.assertAllows(topic, 'milestone');
      const milestone = await this.execution.markDone(manager, topicId, milestoneId, this.clock.now());
      if (!milestone) throw new NotFoundProblem('该节点');
      await this.record(manager, 'deliberation.milestone-done', topic, { milestoneId });
      return MilestoneDto.from(milestone);
    });
  }

  async setResponsible(user: AuthenticatedUser, topicId: string, command: SetResponsibleDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
      TopicStepChanger.assertAllows(topic, 'progress');
      await this.execution.setResponsible(manager, topicId, command.party.trim(), this.clock.now());
      await this.record(manager, 'deliberation.responsible-set', topic, { party: command.party.trim() });
      return TopicDto.from((await this.topics.readOne(manager, topicId)) as TopicRecord);
    });
  }

  async withdraw(user: AuthenticatedUser, topicId: string, reason: string): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationDecide, topicId);
      TopicStepChanger.assertAllows(topic, 'withdraw');
      await this.topics.withdraw(manager, topicId, this.clock.now());
      await this.record(manager, 'deliberation.topic-withdrawn', topic, { step: topic.step, reason: reason.trim() });
      return TopicDto.from((await this.topics.readOne(manager, topicId)) as TopicRecord);
    });
  }

  private async record(
    manager: EntityManager,
    action: string,
    topic: TopicRecord,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        targetType: 'deliberation-topic',
        targetId: topic.id,
        unitId: topic.unitId,
        unitPath: topic.unitPath,
        data,
      },
      manager,
    );
  }
}
