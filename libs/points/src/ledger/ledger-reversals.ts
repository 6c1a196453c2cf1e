import { Injectable } from '@nestjs/common';
import { Clock, NotFoundProblem, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { LedgerDraws } from './ledger-draws';
import { assertInTransaction } from './ledger-checks';
import { ReversalResult, ReverseOptions } from './ledger-records';
import { LedgerCode, LedgerException } from './ledger.exception';
import { ENTRY_COLUMNS, EntryRow, LotRow, toEntry } from './ledger-rows';

/** Undoing a credit or a debit with a reversing entry, once. */
@Injectable()
export class LedgerReversals {
  constructor(
    private readonly clock: Clock,
    private readonly locks: AccountLocks,
    private readonly draws: LedgerDraws,
  ) {}

  /**
   * Undoes a credit or a debit with a reversing entry. A debit's points go back to exactly the lots
   * they came from (an expired or cancelled lot becomes available again and the daily expiry takes
   * it once more); a credit loses what is left of its lot (points already spent stay spent).
   * Reversing twice writes once. 409 `points.not-reversible` for expiries and reversals.
   */
  async reverse(manager: EntityManager, entryId: string, options: ReverseOptions = {}): Promise<ReversalResult> {
    assertInTransaction(manager, 'PointsLedger.reverse');
    const [original] = await queryRows<EntryRow>(manager, `SELECT ${ENTRY_COLUMNS} FROM point_entries WHERE id = $1`, [
      entryId,
    ]);
    if (!original) throw new NotFoundProblem('该积分流水');
    if (original.kind !== 'credit' && original.kind !== 'debit') throw new LedgerException(LedgerCode.NotReversible);
    const account = await this.locks.lockById(manager, original.account_id);
    const idempotencyKey = `reversal:${entryId}`;
    const [previous] = await queryRows<EntryRow>(
      manager,
      `SELECT ${ENTRY_COLUMNS} FROM point_entries WHERE reverses_entry_id = $1`,
      [entryId],
    );
    if (previous) {
      const lots = await queryRows<{ lot_id: string; amount: string }>(
        manager,
        `SELECT lot_id, amount FROM point_allocations WHERE entry_id = $1`,
        [previous.kind === 'reversal' && Number(previous.amount) < 0 ? previous.id : entryId],
      );
      return {
        entry: toEntry(previous),
        lots: lots.map((l) => ({ lotId: l.lot_id, amount: Number(l.amount) })),
        replayed: true,
      };
    }
    const reason = options.reason ?? `撤销：${original.reason}`;
    const occurredAt = options.occurredAt ?? this.clock.now();
    if (original.kind === 'credit') {
      const [lot] = await queryRows<LotRow>(
        manager,
        `SELECT id, remaining, status FROM point_lots WHERE entry_id = $1`,
        [entryId],
      );
      const remaining = Number(lot.remaining);
      if (remaining === 0) {
        if (lot.status === 'cancelled') return { entry: null, lots: [], replayed: true };
        await manager.query(`UPDATE point_lots SET status = 'cancelled' WHERE id = $1 AND status = 'available'`, [
          lot.id,
        ]);
        return { entry: null, lots: [], replayed: false };
      }
      const entry = await this.draws.write(manager, {
        accountId: account.id,
        kind: 'reversal',
        amount: remaining,
        reason,
        idempotencyKey,
        sourceEventId: original.source_event_id,
        actorUserId: options.actorUserId ?? null,
        occurredAt,
        draws: [{ lotId: lot.id, amount: remaining }],
        reversesEntryId: entryId,
        closeLotsAs: 'cancelled',
      });
      if (!entry) throw new Error(`points ledger drift: account ${account.id} cannot give back lot ${lot.id}`);
      return { entry, lots: [{ lotId: lot.id, amount: remaining }], replayed: false };
    }
    const draws = (
      await queryRows<{ lot_id: string; amount: string }>(
        manager,
        `SELECT lot_id, amount FROM point_allocations WHERE entry_id = $1`,
        [entryId],
      )
    ).map((row) => ({ lotId: row.lot_id, amount: Number(row.amount) }));
    const total = -Number(original.amount);
    const [row] = await queryRows<EntryRow>(
      manager,
      `WITH account AS (UPDATE point_accounts SET balance = balance + $2, updated_at = now() WHERE id = $1 RETURNING id, balance),
       entry AS (
         INSERT INTO point_entries (account_id, kind, amount, balance_after, reason, source_event_id, actor_user_id, reverses_entry_id, idempotency_key, occurred_at)
         SELECT account.id, 'reversal', $2, account.balance, $3, $4, $5, $6, $7, $8 FROM account
         RETURNING ${ENTRY_COLUMNS}),
       restored AS (
         UPDATE point_lots l SET remaining = l.remaining + d.amount, status = 'available'
           FROM unnest($9::uuid[], $10::bigint[]) AS d(lot_id, amount), entry
          WHERE l.id = d.lot_id
         RETURNING l.id)
       SELECT entry.*, (SELECT count(*) FROM restored) AS restored FROM entry`,
      [
        account.id,
        total,
        reason,
        original.source_event_id,
        options.actorUserId ?? null,
        entryId,
        idempotencyKey,
        occurredAt,
        draws.map((d) => d.lotId),
        draws.map((d) => d.amount),
      ],
    );
    return { entry: toEntry(row), lots: draws, replayed: false };
  }
}
