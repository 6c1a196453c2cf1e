import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { LedgerDraws } from './ledger-draws';
import { assertInTransaction } from './ledger-checks';
import { LedgerEntry } from './ledger-records';
import { AccountRow, LotRow } from './ledger-rows';

/** Expiring a due lot: what is left of it goes with one expiry entry. */
@Injectable()
export class LotExpiries {
  constructor(
    private readonly locks: AccountLocks,
    private readonly draws: LedgerDraws,
  ) {}

  /**
   * Expires what is left of a lot that is due at `now`, with one expiry entry drawing the remainder.
   * Answers null when the lot is not due, already empty or no longer available (a concurrent run).
   */
  async expireLot(manager: EntityManager, lotId: string, now: Date): Promise<LedgerEntry | null> {
    assertInTransaction(manager, 'PointsLedger.expireLot');
    const [owner] = await queryRows<AccountRow>(
      manager,
      `SELECT a.id, a.owner_type, a.owner_id, a.kind FROM point_lots l JOIN point_accounts a ON a.id = l.account_id WHERE l.id = $1`,
      [lotId],
    );
    if (!owner) return null;
    const account = await this.locks.lockAccount(manager, { type: owner.owner_type, id: owner.owner_id }, owner.kind);
    const [lot] = await queryRows<LotRow & { expiries: number }>(
      manager,
      `SELECT l.id, l.remaining, l.reason, l.expires_at, l.source_event_id,
              (SELECT count(*)::int FROM point_allocations a JOIN point_entries e ON e.id = a.entry_id WHERE a.lot_id = l.id AND e.kind = 'expiry') AS expiries
         FROM point_lots l
        WHERE l.id = $1 AND l.status = 'available' AND l.remaining > 0 AND l.expires_at <= $2`,
      [lotId, now],
    );
    if (!lot) return null;
    const remaining = Number(lot.remaining);
    return this.draws.write(manager, {
      accountId: account.id,
      kind: 'expiry',
      amount: remaining,
      reason: `积分到期失效（${lot.reason}）`,
      // A lot given back by a refund after it expired can expire a second time.
      idempotencyKey: lot.expiries === 0 ? `expiry:${lot.id}` : `expiry:${lot.id}:${lot.expiries + 1}`,
      sourceEventId: lot.source_event_id,
      actorUserId: null,
      occurredAt: lot.expires_at as Date,
      draws: [{ lotId: lot.id, amount: remaining }],
      reversesEntryId: null,
      closeLotsAs: 'expired',
    });
  }
}
