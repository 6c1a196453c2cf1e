import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  Clock,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { TopicRecord } from '../../topics/topic-record';
import { TopicStepChanger } from '../../topics/topic-step-changer';
import { TopicsRepository } from '../../topics/topics.repository';
import { CreateVoteDto } from '../dto/create-vote.dto';
import { VoteDto } from '../dto/vote.dto';
import { VoteCreation } from '../vote-creation';
import { VoteViews } from '../vote-views';
import { VotesCode, VotesException } from '../votes.exception';

/**
 * `POST /deliberation/votes` (deliberation.manage at the unit): a vote at a community, grid,
 * complex or building, standalone or on a topic in its resolution step (决议) at that same unit,
 * with the electoral roll frozen in the same transaction.
 */
@Injectable()
export class CreateVoteUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly references: ScopedReferences,
    private readonly directory: OrganizationDirectory,
    private readonly topics: TopicsRepository,
    private readonly creation: VoteCreation,
    private readonly views: VoteViews,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateVoteDto): Promise<VoteDto> {
    await this.scope.reachableUnitPath(user, Permission.DeliberationManage, command.unitId);
    await this.references.reach(user, Permission.DeliberationManage, {
      topic: command.topicId,
      convention: command.conventionId,
    });
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (command.topicId) {
        const topic = (await this.topics.readOne(manager, command.topicId, { lock: true })) as TopicRecord;
        TopicStepChanger.assertAllows(topic, 'vote');
        if (topic.unitId !== unit.id)
          throw new VotesException(VotesCode.VoteUnitMismatch, { extensions: { topicUnitId: topic.unitId } });
      }
      const now = this.clock.now();
      const vote = await this.creation.create(manager, {
        unit,
        topicId: command.topicId ?? null,
        conventionId: command.conventionId ?? null,
        title: command.title,
        options: command.options,
        electorate: command.electorate,
        quorum: command.quorum,
        passRule: command.passRule,
        opensAt: new Date(command.opensAt),
        closesAt: new Date(command.closesAt),
        hideResults: command.hideResults ?? true,
        createdByUserId: user.userId,
        now,
      });
      return this.views.one(manager, user, vote, now);
    });
  }
}
