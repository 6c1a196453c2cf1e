import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  PageQueryDto,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationAccess } from '../access/deliberation-access';
import { DeliberationCode, DeliberationException } from '../deliberation.exception';
import { ObjectionDto, CreateObjectionDto } from './dto/objection.dto';
import { CreateOpinionDto, OpinionDto, OpinionPageDto, SupportDto } from './dto/opinion.dto';
import { CreateRatingDto } from './dto/rating.dto';
import { TopicDto } from './dto/topic.dto';
import { TopicAccess } from './topic-access';
import { TopicExecutionRepository } from './topic-execution.repository';
import { TopicOpinionsRepository } from './topic-opinions.repository';
import { TopicRecord } from './topic-record';
import { TopicReviewsRepository } from './topic-reviews.repository';
import { TopicStepChanger } from './topic-step-changer';
import { TopicsCode, TopicsException } from './topics.exception';
import { TopicsRepository } from './topics.repository';

/**
 * What residents of a topic's unit do with it, each in its own step: opinions and support in
 * collection, objections in public notice, ratings in evaluation. Staff may record a resident's
 * opinion for them (deliberation.manage, naming the person).
 */
@Injectable()
export class TopicParticipationService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly opinions: TopicOpinionsRepository,
    private readonly reviews: TopicReviewsRepository,
    private readonly execution: TopicExecutionRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async addOpinion(user: AuthenticatedUser, topicId: string, command: CreateOpinionDto): Promise<OpinionDto> {
    return this.transactions.run(async (manager) => {
      const { topic, personId } =
        command.personId !== undefined
          ? await this.recordedFor(manager, user, topicId, command.personId)
          : await this.topicAccess
              .residentLocked(manager, user, topicId)
              .then(({ topic: found, resident }) => ({ topic: found, personId: resident.personId }));
      TopicStepChanger.assertAllows(topic, 'opinion');
      const opinion = await this.opinions.insertOpinion(manager, {
        topicId,
        authorPersonId: personId,
        authorUserId: user.userId,
        content: command.content.trim(),
        at: this.clock.now(),
      });
      if (command.personId !== undefined)
        await this.audit.record(
          {
            action: 'deliberation.opinion-recorded',
            targetType: 'deliberation-topic',
            targetId: topicId,
            unitId: topic.unitId,
            unitPath: topic.unitPath,
            data: { opinionId: opinion.id, personId },
          },
          manager,
        );
      return OpinionDto.from(opinion);
    });
  }

  /** Staff recording for a resident: the topic and the person in the caller's manage scope, the person living within the unit. */
  private async recordedFor(
    manager: EntityManager,
    user: AuthenticatedUser,
    topicId: string,
    personId: string,
  ): Promise<{ topic: TopicRecord; personId: string }> {
    await this.references.reach(user, Permission.DeliberationManage, { person: personId }, manager);
    const topic = await this.topicAccess.staffLocked(manager, user, Permission.DeliberationManage, topicId);
    const person = (await this.directory.people.byIds([personId], manager)).get(personId);
    if (!person || !DeliberationAccess.livesWithin(person.residencePath, topic.unitPath))
      throw new DeliberationException(DeliberationCode.ResidentsOnly);
    return { topic, personId };
  }

  async opinionsOf(user: AuthenticatedUser, topicId: string, page: PageQueryDto): Promise<OpinionPageDto> {
    const topic = await this.topicAccess.visible(user, topicId);
    const found = await this.opinions.page(topic.id, page);
    return { items: found.items.map(OpinionDto.from), nextCursor: found.nextCursor };
  }

  async support(user: AuthenticatedUser, topicId: string): Promise<SupportDto> {
    return this.transactions.run(async (manager) => {
      const { topic, resident } = await this.topicAccess.residentLocked(manager, user, topicId);
      TopicStepChanger.assertAllows(topic, 'support');
      const added = await this.opinions.support(manager, topicId, resident.personId, this.clock.now());
      return { topicId, supporterCount: topic.supporterCount + (added ? 1 : 0), supported: true };
    });
  }

  async object(user: AuthenticatedUser, topicId: string, command: CreateObjectionDto): Promise<ObjectionDto> {
    return this.transactions.run(async (manager) => {
      const { topic, resident } = await this.topicAccess.residentLocked(manager, user, topicId);
      TopicStepChanger.assertAllows(topic, 'objection');
      const objection = await this.reviews.insertObjection(manager, {
        topicId,
        authorPersonId: resident.personId,
        authorUserId: user.userId,
        content: command.content.trim(),
        at: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'deliberation.objection-raised',
          targetType: 'deliberation-topic',
          targetId: topicId,
          unitId: topic.unitId,
          unitPath: topic.unitPath,
          data: { objectionId: objection.id },
        },
        manager,
      );
      return ObjectionDto.from(objection);
    });
  }

  async rate(user: AuthenticatedUser, topicId: string, command: CreateRatingDto): Promise<TopicDto> {
    return this.transactions.run(async (manager) => {
      const { topic, resident } = await this.topicAccess.residentLocked(manager, user, topicId);
      TopicStepChanger.assertAllows(topic, 'rating');
      const now = this.clock.now();
      if (topic.evaluationClosesAt && now >= new Date(topic.evaluationClosesAt))
        throw new TopicsException(TopicsCode.ActionNotAllowed, {
          detail: '评估期已结束',
          extensions: {
            step: topic.step,
            action: 'rating',
            evaluationClosesAt: new Date(topic.evaluationClosesAt).toISOString(),
          },
        });
      const rated = await this.execution.rate(manager, {
        topicId,
        personId: resident.personId,
        score: command.score,
        comment: command.comment?.trim() || null,
        at: now,
      });
      if (!rated) throw new TopicsException(TopicsCode.AlreadyRated);
      return TopicDto.from((await this.topics.readOne(manager, topicId)) as TopicRecord);
    });
  }
}
