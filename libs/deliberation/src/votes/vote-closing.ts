import { Injectable } from '@nestjs/common';
import { AuditLog, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { VoteRecord } from './vote-record';
import { VoteResult, voteResult } from './vote-rules';
import { VotesNotifier } from './votes-notifier';
import { VotesRepository } from './votes.repository';

const BATCH = 200;

/**
 * Closing votes: the ballots are counted in SQL, the rules of `vote-rules.ts` give the outcome, and
 * the result is stored with the vote (`status = 'closed'`, `result`, `closed_at`) by an update
 * guarded on `status = 'open'`, so a vote is closed once even when two schedulers, or a scheduler
 * and a staff member, close it at the same moment. Ballots hold the vote's row in key-share mode, so
 * a closing waits for the ballots in flight and the ones after it find the vote closed. The
 * vote's creator is told (`deliberation.vote-closed`, once per vote).
 */
@Injectable()
export class VoteClosing {
  constructor(
    private readonly votes: VotesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly notifier: VotesNotifier,
  ) {}

  /** The result as it stands (for a vote past its end, the final one: no ballot can arrive any more). */
  async tally(manager: EntityManager, vote: VoteRecord): Promise<VoteResult> {
    const counts = (await this.votes.counts(manager, [vote.id])).get(vote.id) ?? {};
    return voteResult(vote, counts);
  }

  /** Closes the given votes (locked by the caller); answers those this call closed, with their results. */
  async close(
    manager: EntityManager,
    votes: VoteRecord[],
    by: { userId: string | null; job?: string },
    now: Date,
  ): Promise<Map<string, VoteResult>> {
    const counts = await this.votes.counts(
      manager,
      votes.map((vote) => vote.id),
    );
    const results = votes.map((vote) => ({ voteId: vote.id, result: voteResult(vote, counts.get(vote.id) ?? {}) }));
    const closed = new Set(await this.votes.close(manager, results, now, by.userId));
    const byId = new Map(votes.map((vote) => [vote.id, vote]));
    const answer = new Map<string, VoteResult>();
    for (const { voteId, result } of results) {
      if (!closed.has(voteId)) continue;
      const vote = byId.get(voteId) as VoteRecord;
      answer.set(voteId, result);
      await this.audit.record(
        {
          action: 'deliberation.vote-closed',
          targetType: 'deliberation-vote',
          targetId: voteId,
          unitId: vote.unitId,
          unitPath: vote.unitPath,
          data: { ...result, early: now < vote.closesAt, job: by.job ?? null },
          ...(by.job ? { actorUserId: null } : {}),
        },
        manager,
      );
    }
    await this.notifier.closed(
      manager,
      [...answer].map(([voteId, result]) => {
        const vote = byId.get(voteId) as VoteRecord;
        return { id: voteId, title: vote.title, createdByUserId: vote.createdByUserId, result };
      }),
    );
    return answer;
  }

  /** Every open vote whose end time has come, in batches (one transaction each); answers how many this call closed. */
  async closeDue(now: Date, job: string): Promise<number> {
    let total = 0;
    for (;;) {
      const closed = await this.transactions.run(async (manager) => {
        const due = await this.votes.lockDue(manager, now, BATCH);
        return { seen: due.length, closed: (await this.close(manager, due, { userId: null, job }, now)).size };
      });
      total += closed.closed;
      if (closed.seen < BATCH) return total;
    }
  }
}
