import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Permission, ScopeService } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { MilestoneDto } from './dto/milestone.dto';
import { ObjectionDto } from './dto/objection.dto';
import { ProgressReportDto } from './dto/progress.dto';
import { ReviewDto } from './dto/review.dto';
import { TopicDetailDto } from './dto/topic-detail.dto';
import { TopicDto } from './dto/topic.dto';
import { TopicExecutionRepository } from './topic-execution.repository';
import { TopicOpinionsRepository } from './topic-opinions.repository';
import { TopicRecord } from './topic-record';
import { TopicReviewsRepository } from './topic-reviews.repository';

/** Builds the detail of a topic: what each step gathered, as the caller may see it. */
@Injectable()
export class TopicViews {
  constructor(
    private readonly scope: ScopeService,
    private readonly opinions: TopicOpinionsRepository,
    private readonly reviews: TopicReviewsRepository,
    private readonly execution: TopicExecutionRepository,
  ) {}

  /** The required parties that have not answered in the topic's current review round. */
  static missingParties(topic: TopicRecord, answered: { party: string }[]): string[] {
    const parties = new Set(answered.map((review) => review.party));
    return topic.requiredParties.filter((party) => !parties.has(party));
  }

  async detail(user: AuthenticatedUser, topic: TopicRecord, manager?: EntityManager): Promise<TopicDetailDto> {
    const reviews = await this.reviews.reviews(manager, topic.id, topic.reviewRound);
    const staff = this.scope.canReach(user, Permission.DeliberationRead, topic.unitPath);
    const objections = (await this.reviews.objections(manager, topic.id)).filter(
      (objection) => staff || (user.personId !== null && objection.authorPersonId === user.personId),
    );
    const milestones = (await this.execution.milestones(manager, [topic.id])).get(topic.id) ?? [];
    const progress = await this.execution.progressReports(manager, topic.id);
    return {
      ...TopicDto.from(topic),
      reviews: reviews.map(ReviewDto.from),
      missingParties: TopicViews.missingParties(topic, reviews),
      objections: objections.map(ObjectionDto.from),
      milestones: milestones.map(MilestoneDto.from),
      progress: progress.map(ProgressReportDto.from),
      supportedByMe: user.personId ? await this.opinions.supports(manager, topic.id, user.personId) : false,
    };
  }
}
