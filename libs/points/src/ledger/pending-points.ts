import { Injectable } from '@nestjs/common';
import { Clock, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { assertInTransaction } from './ledger-checks';
import { LedgerEntry, LockedAccount, PendingMatch, ResolvedPendingLot } from './ledger-records';
import { AccountRow, ENTRY_COLUMNS, EntryRow, LotRow, toEntry } from './ledger-rows';
import { AccountRef, accountRefKey } from './points-owner';

/** Pending points: lots without an entry until a confirmation writes their credit, or a rejection voids them. */
@Injectable()
export class PendingPoints {
  constructor(
    private readonly clock: Clock,
    private readonly locks: AccountLocks,
  ) {}

  /**
   * The accounts holding pending lots that `keys` would confirm or reject, so that a caller touching
   * other accounts too can lock them all at once (`lockAccounts`) before resolving them.
   */
  async accountsWithPending(manager: EntityManager, keys: string[]): Promise<AccountRef[]> {
    if (keys.length === 0) return [];
    const rows = await queryRows<AccountRow>(
      manager,
      `SELECT DISTINCT a.owner_type, a.owner_id, a.kind
         FROM point_lots l JOIN point_accounts a ON a.id = l.account_id
        WHERE l.status = 'pending' AND (l.confirm_key = ANY($1::varchar[]) OR l.reject_key = ANY($1::varchar[]))`,
      [keys],
    );
    return rows.map((row) => ({ owner: { type: row.owner_type, id: row.owner_id }, kind: row.kind }));
  }

  /** Turns matching pending lots into available points: one credit entry each, written now with the lot's reason and key. */
  async confirmPending(manager: EntityManager, match: PendingMatch): Promise<ResolvedPendingLot[]> {
    assertInTransaction(manager, 'PointsLedger.confirmPending');
    const lots = await this.lockPending(manager, match, 'confirm');
    const now = this.clock.now();
    const resolved: ResolvedPendingLot[] = [];
    for (const { lot, account } of lots) {
      const [row] = await queryRows<EntryRow>(
        manager,
        `WITH account AS (
           UPDATE point_accounts SET balance = balance + $2, pending = pending - $2, updated_at = now() WHERE id = $1 RETURNING id, balance),
         entry AS (
           INSERT INTO point_entries (account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at)
           SELECT account.id, 'credit', $2, account.balance, $3, $4, $5, $6, $7, $8 FROM account
           RETURNING ${ENTRY_COLUMNS}),
         lot AS (
           UPDATE point_lots SET status = 'available', entry_id = entry.id, available_from = $10 FROM entry WHERE point_lots.id = $9 RETURNING point_lots.id)
         SELECT entry.* FROM entry, lot`,
        [
          account.id,
          Number(lot.amount),
          lot.reason,
          lot.rule_id,
          lot.rule_version,
          lot.source_event_id,
          lot.idempotency_key,
          lot.earned_at,
          lot.id,
          now,
        ],
      );
      resolved.push(this.resolved(lot, account, toEntry(row)));
    }
    return resolved;
  }

  /** Voids matching pending lots: the points vanish, no entry is written. */
  async rejectPending(manager: EntityManager, match: PendingMatch): Promise<ResolvedPendingLot[]> {
    assertInTransaction(manager, 'PointsLedger.rejectPending');
    const lots = await this.lockPending(manager, match, 'reject');
    const resolved: ResolvedPendingLot[] = [];
    for (const { lot, account } of lots) {
      await manager.query(
        `WITH lot AS (UPDATE point_lots SET status = 'cancelled', remaining = 0 WHERE id = $2 AND status = 'pending' RETURNING amount)
         UPDATE point_accounts SET pending = pending - lot.amount, updated_at = now() FROM lot WHERE point_accounts.id = $1`,
        [account.id, lot.id],
      );
      resolved.push(this.resolved(lot, account, null));
    }
    return resolved;
  }

  private resolved(lot: LotRow, account: LockedAccount, entry: LedgerEntry | null): ResolvedPendingLot {
    return {
      lotId: lot.id,
      accountId: account.id,
      owner: account.owner,
      kind: account.kind,
      amount: Number(lot.amount),
      reason: lot.reason,
      ruleId: lot.rule_id,
      ruleVersion: lot.rule_version,
      entry,
    };
  }

  /** Pending lots matching `match`, their accounts locked (in the global order) and the lots re-read under the lock. */
  private async lockPending(
    manager: EntityManager,
    match: PendingMatch,
    side: 'confirm' | 'reject',
  ): Promise<{ lot: LotRow; account: LockedAccount }[]> {
    const byKeys = 'keys' in match;
    if (byKeys && match.keys.length === 0) return [];
    const column = side === 'confirm' ? 'l.confirm_key' : 'l.reject_key';
    const condition = byKeys
      ? `${column} = ANY($1::varchar[]) AND ($2::timestamptz IS NULL OR l.earned_at <= $2::timestamptz)`
      : 'l.source_event_id = $1::uuid';
    const select = `SELECT l.id, l.account_id, l.amount, l.remaining, l.status, l.earned_at, l.expires_at, l.reason, l.rule_id, l.rule_version, l.source_event_id, l.idempotency_key,
                           a.owner_type, a.owner_id, a.kind
                      FROM point_lots l JOIN point_accounts a ON a.id = l.account_id
                     WHERE l.status = 'pending' AND ${condition}`;
    const params = byKeys ? [match.keys, match.earnedUpTo ?? null] : [match.sourceEventId];
    const candidates = await queryRows<LotRow & AccountRow>(manager, select, params);
    if (candidates.length === 0) return [];
    const accounts = await this.locks.lockAccounts(
      manager,
      candidates.map((c) => ({ owner: { type: c.owner_type, id: c.owner_id }, kind: c.kind })),
    );
    const lots = await queryRows<LotRow & AccountRow>(
      manager,
      `${select} ORDER BY l.created_at, l.id FOR UPDATE OF l`,
      params,
    );
    return lots.map((lot) => ({
      lot,
      account: accounts.get(
        accountRefKey({ owner: { type: lot.owner_type, id: lot.owner_id }, kind: lot.kind }),
      ) as LockedAccount,
    }));
  }
}
