import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { VoteDto } from './dto/vote.dto';
import { BallotRecord, VoteRecord } from './vote-record';
import { VotesRepository } from './votes.repository';

/** Votes as the HTTP face shows them: the unit's name, the status at `now`, the result once closed, the caller's ballot. */
@Injectable()
export class VoteViews {
  constructor(
    private readonly votes: VotesRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  static status(vote: VoteRecord, now: Date): VoteDto['status'] {
    if (vote.status === 'closed') return 'closed';
    if (now < vote.opensAt) return 'upcoming';
    return now < vote.closesAt ? 'open' : 'ended';
  }

  async many(manager: EntityManager, user: AuthenticatedUser, votes: VoteRecord[], now: Date): Promise<VoteDto[]> {
    const units = await this.directory.units.byIds(
      votes.map((vote) => vote.unitId),
      manager,
    );
    const ballots = user.personId
      ? await this.votes.ballotsOfPerson(
          manager,
          votes.map((vote) => vote.id),
          user.personId,
        )
      : new Map<string, BallotRecord>();
    return votes.map((vote) => {
      const ballot = ballots.get(vote.id);
      return {
        id: vote.id,
        unitId: vote.unitId,
        unitName: units.get(vote.unitId)?.name ?? '',
        topicId: vote.topicId,
        conventionId: vote.conventionId,
        title: vote.title,
        options: vote.options,
        electorate: vote.electorate,
        quorum: vote.quorum,
        passRule: vote.passRule,
        opensAt: vote.opensAt.toISOString(),
        closesAt: vote.closesAt.toISOString(),
        hideResults: vote.hideResults,
        status: VoteViews.status(vote, now),
        eligible: vote.eligible,
        result: vote.result,
        myBallot: ballot
          ? {
              option: ballot.personId === user.personId ? ballot.option : null,
              channel: ballot.channel,
              castAt: ballot.castAt.toISOString(),
              byYou: ballot.personId === user.personId,
            }
          : null,
        closedAt: vote.closedAt?.toISOString() ?? null,
        createdAt: vote.createdAt.toISOString(),
      };
    });
  }

  async one(manager: EntityManager, user: AuthenticatedUser, vote: VoteRecord, now: Date): Promise<VoteDto> {
    return (await this.many(manager, user, [vote], now))[0];
  }
}
