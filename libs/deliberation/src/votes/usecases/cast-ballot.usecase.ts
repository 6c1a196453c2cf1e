import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { DeliberationAccess } from '../../access/deliberation-access';
import { DeliberationCode, DeliberationException, selfAuthorization } from '../../deliberation.exception';
import { BallotDto } from '../dto/ballot.dto';
import { CastBallotDto } from '../dto/cast-ballot.dto';
import { acceptsBallots, VoteRecord } from '../vote-record';
import { VotesCode, VotesException } from '../votes.exception';
import { VotesRepository } from '../votes.repository';

/**
 * `POST /deliberation/votes/:id/ballots`. Without `personId`: the caller's own ballot, online (an
 * account linked to a person on the vote's roll). With `personId`: staff (deliberation.manage in
 * the vote's scope) record that person's PAPER ballot with its evidence reference, never their
 * own. Only while the vote is open. One ballot per voter key (a person, or a household for a
 * household vote), held by the database: `INSERT … ON CONFLICT (vote_id, voter_key) DO NOTHING`,
 * so of concurrent attempts exactly one is counted and the others answer 409
 * `deliberation.already-voted`. The answer never carries counts.
 */
@Injectable()
export class CastBallotUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly access: DeliberationAccess,
    private readonly votes: VotesRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, voteId: string, command: CastBallotDto): Promise<BallotDto> {
    const paper = command.personId !== undefined;
    const visible = await this.votes.readOne(this.dataSource.manager, voteId);
    if (!visible) throw new NotFoundProblem('该表决');
    let personId: string;
    if (paper) {
      await this.references.reachOne(user, Permission.DeliberationManage, 'vote', voteId);
      if (!command.evidenceRef?.trim()) throw new VotesException(VotesCode.EvidenceRequired);
      await this.references.reachOne(user, Permission.DeliberationManage, 'person', command.personId as string);
      if (command.personId === user.personId) throw selfAuthorization('不能为本人代录纸质选票');
      personId = command.personId as string;
    } else if (user.personId) {
      personId = user.personId;
    } else {
      await this.access.assertCanSee(user, visible.unitPath, '该表决');
      throw new DeliberationException(DeliberationCode.PersonNotLinked);
    }
    // The roll is frozen: being on it is what entitles to vote (whoever cannot see the vote gets 404).
    const voterKey = await this.votes.voterKey(this.dataSource.manager, voteId, personId);
    if (voterKey === undefined) {
      if (!paper) await this.access.assertCanSee(user, visible.unitPath, '该表决');
      throw new VotesException(VotesCode.NotOnRoll);
    }
    const option = command.option.trim();
    if (!visible.options.includes(option))
      throw new VotesException(VotesCode.VoteOptionUnknown, { extensions: { options: visible.options } });

    return this.transactions.run(async (manager) => {
      // Key-share mode: ballots go side by side; a closing waits for those in flight.
      const vote = (await this.votes.readOne(manager, voteId, { lock: 'share' })) as VoteRecord;
      const now = this.clock.now();
      if (!acceptsBallots(vote, now))
        throw new VotesException(VotesCode.VoteNotOpen, {
          extensions: { opensAt: vote.opensAt.toISOString(), closesAt: vote.closesAt.toISOString() },
        });
      const ballot = await this.votes.insertBallot(manager, {
        voteId,
        voterKey,
        personId,
        option,
        channel: paper ? 'paper' : 'online',
        evidenceRef: paper ? (command.evidenceRef as string).trim() : null,
        recordedByUserId: paper ? user.userId : null,
        castAt: now,
      });
      if (!ballot) {
        const existing = await this.votes.ballotOf(manager, voteId, voterKey);
        throw new VotesException(
          VotesCode.AlreadyVoted,
          existing && existing.personId !== personId ? { detail: '本户已投票' } : undefined,
        );
      }
      if (paper) {
        await this.audit.record(
          {
            action: 'deliberation.paper-ballot-recorded',
            targetType: 'deliberation-vote',
            targetId: voteId,
            unitId: vote.unitId,
            unitPath: vote.unitPath,
            data: { personId, evidenceRef: ballot.evidenceRef },
          },
          manager,
        );
      }
      return BallotDto.from(ballot);
    });
  }
}
