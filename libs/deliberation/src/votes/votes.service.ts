import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  Clock,
  decodeTimeIdCursor,
  encodeCursor,
  NotFoundProblem,
  ScopeService,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { DeliberationAccess } from '../access/deliberation-access';
import { TopicsRepository } from '../topics/topics.repository';
import { VoteDto, VotePageDto } from './dto/vote.dto';
import { VoteResultDto } from './dto/vote-result.dto';
import { VotesQueryDto } from './dto/votes-query.dto';
import { VoteClosing } from './vote-closing';
import { hasEnded, VoteRecord } from './vote-record';
import { VoteViews } from './vote-views';
import { VotesCode, VotesException } from './votes.exception';
import { VotesRepository } from './votes.repository';

/**
 * Reading votes: who may see a vote is who may see its unit's deliberation (staff with
 * deliberation.read in scope, residents living within the unit); 404 otherwise. The result is
 * hidden while the vote is open and `hideResults` holds (409 `deliberation.results-hidden`, staff
 * included); once the end time has passed the figures are final (no ballot can arrive) and shown
 * even before the job has recorded them.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly votes: VotesRepository,
    private readonly topics: TopicsRepository,
    private readonly closing: VoteClosing,
    private readonly access: DeliberationAccess,
    private readonly views: VoteViews,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<VoteDto> {
    const vote = await this.visible(user, id);
    return this.views.one(this.dataSource.manager, user, vote, this.clock.now());
  }

  async result(user: AuthenticatedUser, id: string): Promise<VoteResultDto> {
    const vote = await this.visible(user, id);
    if (vote.result) return vote.result;
    const now = this.clock.now();
    const ended = hasEnded(vote, now);
    if (!ended && vote.hideResults)
      throw new VotesException(VotesCode.ResultsHidden, { extensions: { closesAt: vote.closesAt.toISOString() } });
    const tally = await this.closing.tally(this.dataSource.manager, vote);
    if (ended) return tally;
    return {
      eligible: tally.eligible,
      cast: tally.cast,
      counts: tally.counts,
      quorumMet: tally.quorumMet,
      outcome: 'pending',
    };
  }

  /** Newest first; `unitId` narrows to a subtree, `topicId` to one topic (404 when the caller cannot see them). */
  async list(user: AuthenticatedUser, query: VotesQueryDto): Promise<VotePageDto> {
    let unitPath: string | undefined;
    if (query.unitId) {
      unitPath = await this.scope.unitPath(query.unitId);
      if (!(await this.access.canSee(user, unitPath))) throw new NotFoundProblem('该单位');
    }
    if (query.topicId) {
      const topic = await this.topics.readOne(this.dataSource.manager, query.topicId);
      if (!topic || !(await this.access.canSee(user, topic.unitPath))) throw new NotFoundProblem('该议题');
    }
    const limit = query.limit ?? 20;
    const now = this.clock.now();
    const rows = await this.votes.page(await this.access.visibility(user, 'v.unit_path'), {
      unitPath,
      topicId: query.topicId,
      status: query.status,
      now,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.many(this.dataSource.manager, user, page, now),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  private async visible(user: AuthenticatedUser, id: string): Promise<VoteRecord> {
    const vote = await this.votes.readOne(this.dataSource.manager, id);
    if (!vote) throw new NotFoundProblem('该表决');
    await this.access.assertCanSee(user, vote.unitPath, '该表决');
    return vote;
  }
}
