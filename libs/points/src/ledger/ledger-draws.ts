import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { LedgerEntry, LotDraw } from './ledger-records';
import { ENTRY_COLUMNS, EntryRow, toEntry } from './ledger-rows';

/** A negative entry (a debit, an expiry, or the reversal of a credit) and the lots it draws from. */
export interface Draw {
  accountId: string;
  kind: 'debit' | 'expiry' | 'reversal';
  amount: number;
  reason: string;
  idempotencyKey: string;
  sourceEventId: string | null;
  actorUserId: string | null;
  occurredAt: Date;
  draws: LotDraw[];
  reversesEntryId: string | null;
  closeLotsAs: 'expired' | 'cancelled' | null;
}

/** Writing what takes points out of an account: the entry, its draws on lots, the balance. */
@Injectable()
export class LedgerDraws {
  /**
   * One negative entry and its draws in one statement: the balance falls only if it covers the
   * amount (answering null otherwise), each lot gives what it is drawn for, and the draws are
   * recorded. `closeLotsAs` closes the drawn lots (expiry, reversal of a credit).
   */
  async write(manager: EntityManager, draw: Draw): Promise<LedgerEntry | null> {
    const [row] = await queryRows<EntryRow>(
      manager,
      `WITH account AS (
         UPDATE point_accounts SET balance = balance - $2, updated_at = now() WHERE id = $1 AND balance >= $2 RETURNING id, balance),
       entry AS (
         INSERT INTO point_entries (account_id, kind, amount, balance_after, reason, source_event_id, actor_user_id, reverses_entry_id, idempotency_key, occurred_at)
         SELECT account.id, $3, -$2::bigint, account.balance, $4, $5, $6, $7, $8, $9 FROM account
         RETURNING ${ENTRY_COLUMNS}),
       draws AS (
         INSERT INTO point_allocations (entry_id, lot_id, amount)
         SELECT entry.id, d.lot_id, d.amount FROM entry, unnest($10::uuid[], $11::bigint[]) AS d(lot_id, amount)
         RETURNING lot_id),
       drawn AS (
         UPDATE point_lots l
            SET remaining = l.remaining - d.amount, status = COALESCE($12, l.status)
           FROM unnest($10::uuid[], $11::bigint[]) AS d(lot_id, amount), entry
          WHERE l.id = d.lot_id
         RETURNING l.id)
       SELECT entry.*, (SELECT count(*) FROM draws) + (SELECT count(*) FROM drawn) AS written FROM entry`,
      [
        draw.accountId,
        draw.amount,
        draw.kind,
        draw.reason,
        draw.sourceEventId,
        draw.actorUserId,
        draw.reversesEntryId,
        draw.idempotencyKey,
        draw.occurredAt,
        draw.draws.map((d) => d.lotId),
        draw.draws.map((d) => d.amount),
        draw.closeLotsAs,
      ],
    );
    return row ? toEntry(row) : null;
  }
}
