import { Injectable } from '@nestjs/common';
import { NotificationOutbox } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { VoteOutcome, VoteResult } from './vote-rules';
import { VotesTemplate } from './votes-templates';

const OUTCOME_DISPLAY: Record<VoteOutcome, string> = {
  passed: '通过',
  rejected: '未通过',
  invalid: '无效（投票人数未达要求）',
};

/** Tells a vote's creator that it closed, in the closing's transaction, once per vote. Nobody is told about ballots. */
@Injectable()
export class VotesNotifier {
  constructor(private readonly outbox: NotificationOutbox) {}

  closed(
    manager: EntityManager,
    votes: { id: string; title: string; createdByUserId: string; result: VoteResult }[],
  ): Promise<void> {
    return this.outbox.request(
      manager,
      votes.map((vote) => ({
        recipient: { userId: vote.createdByUserId },
        templateKey: VotesTemplate.Closed,
        data: {
          title: vote.title,
          eligible: vote.result.eligible,
          cast: vote.result.cast,
          outcome: OUTCOME_DISPLAY[vote.result.outcome],
        },
        dedupeKey: `${VotesTemplate.Closed}:${vote.id}`,
      })),
    );
  }
}
