import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, ScopedReferences, TransactionRunner } from '@linli/platform';
import { VoteResultDto } from '../dto/vote-result.dto';
import { VoteClosing } from '../vote-closing';
import { VoteRecord } from '../vote-record';
import { VotesCode, VotesException } from '../votes.exception';
import { VotesRepository } from '../votes.repository';

/**
 * `POST /deliberation/votes/:id/close` (deliberation.decide in the vote's scope). Past its end time
 * the vote closes (as the job would); before it, only once every eligible voter has voted
 * (409 `deliberation.vote-still-open` otherwise). A closed vote answers 409 `deliberation.vote-not-open`.
 */
@Injectable()
export class CloseVoteUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly votes: VotesRepository,
    private readonly closing: VoteClosing,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, voteId: string): Promise<VoteResultDto> {
    await this.references.reachOne(user, Permission.DeliberationDecide, 'vote', voteId);
    return this.transactions.run(async (manager) => {
      const vote = (await this.votes.readOne(manager, voteId, { lock: 'update' })) as VoteRecord;
      if (vote.status === 'closed') throw new VotesException(VotesCode.VoteNotOpen, { detail: '表决已结束' });
      const now = this.clock.now();
      if (now < vote.closesAt) {
        const tally = await this.closing.tally(manager, vote);
        if (tally.cast < vote.eligible)
          throw new VotesException(VotesCode.VoteStillOpen, {
            extensions: { eligible: vote.eligible, cast: tally.cast, closesAt: vote.closesAt.toISOString() },
          });
      }
      const closed = await this.closing.close(manager, [vote], { userId: user.userId }, now);
      return closed.get(voteId) as VoteResultDto;
    });
  }
}
