import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { DeliberationAccess } from '../access/deliberation-access';
import { CreateTopicDto } from './dto/create-topic.dto';
import { StepHistoryDto, StepChangeDto } from './dto/step-change.dto';
import { TopicDetailDto } from './dto/topic-detail.dto';
import { TopicDto, TopicPageDto } from './dto/topic.dto';
import { TopicsQueryDto } from './dto/topics-query.dto';
import { TopicAccess } from './topic-access';
import { TopicCreation } from './topic-creation';
import { DEFAULT_REQUIRED_PARTIES, DELIBERATION_UNIT_KINDS } from './topic-steps';
import { TopicViews } from './topic-views';
import { TopicsCode, TopicsException } from './topics.exception';
import { TopicsRepository } from './topics.repository';

/** Topics themselves: staff create them; staff in scope and residents of their units read them. */
@Injectable()
export class TopicsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly access: DeliberationAccess,
    private readonly topicAccess: TopicAccess,
    private readonly topics: TopicsRepository,
    private readonly creation: TopicCreation,
    private readonly views: TopicViews,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, command: CreateTopicDto): Promise<TopicDto> {
    await this.scope.reachableUnitPath(user, Permission.DeliberationManage, command.unitId);
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (!(DELIBERATION_UNIT_KINDS as readonly string[]).includes(unit.kind))
        throw new TopicsException(TopicsCode.UnitKind, { extensions: { unitKind: unit.kind } });
      const topic = await this.creation.create(manager, {
        unit: { id: unit.id, path: unit.path },
        title: command.title.trim(),
        description: command.description?.trim() || null,
        category: command.category,
        source: command.source ?? 'grid_worker',
        requiredParties: command.requiredParties ?? [...DEFAULT_REQUIRED_PARTIES],
        proposalId: null,
        createdByUserId: user.userId,
        createdByPersonId: user.personId,
        now: this.clock.now(),
      });
      return TopicDto.from(topic);
    });
  }

  async list(user: AuthenticatedUser, query: TopicsQueryDto): Promise<TopicPageDto> {
    let unitPath: string | undefined;
    if (query.unitId !== undefined) {
      const unit = (await this.directory.units.byIds([query.unitId])).get(query.unitId);
      if (!unit || !(await this.access.canSee(user, unit.path))) throw new NotFoundProblem('该单位');
      unitPath = unit.path;
    }
    const visible = await this.access.visibility(user, 't.unit_path');
    const page = await this.topics.page(
      visible,
      { unitPath, step: query.step, category: query.category, status: query.status },
      query,
    );
    return { items: page.items.map(TopicDto.from), nextCursor: page.nextCursor };
  }

  async get(user: AuthenticatedUser, id: string): Promise<TopicDetailDto> {
    return this.views.detail(user, await this.topicAccess.visible(user, id));
  }

  async history(user: AuthenticatedUser, id: string): Promise<StepHistoryDto> {
    const topic = await this.topicAccess.visible(user, id);
    return { items: (await this.topics.history(undefined, topic.id)).map(StepChangeDto.from) };
  }
}
