import { Injectable } from '@nestjs/common';
import { Clock, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { LedgerDraws } from './ledger-draws';
import { assertAmount, assertInTransaction, assertKey, assertReason } from './ledger-checks';
import { DebitCommand, DebitResult, LotDraw } from './ledger-records';
import { LedgerCode, LedgerException } from './ledger.exception';
import { ENTRY_COLUMNS, EntryRow, toEntry } from './ledger-rows';

/** Taking points: never more than the balance, from the lots that expire first, every draw recorded. */
@Injectable()
export class LedgerDebits {
  constructor(
    private readonly clock: Clock,
    private readonly locks: AccountLocks,
    private readonly draws: LedgerDraws,
  ) {}

  /**
   * Takes points: refuses (409 `points.insufficient`) what the balance does not cover, draws from the
   * lots that expire first, then the oldest, and records every draw.
   */
  async debit(manager: EntityManager, command: DebitCommand): Promise<DebitResult> {
    assertInTransaction(manager, 'PointsLedger.debit');
    assertAmount(command.amount, 'debit');
    assertKey(command.idempotencyKey, 'debit');
    assertReason(command.reason, 'debit');
    const account = await this.locks.lockAccount(manager, command.owner, command.kind);
    const replay = await this.replayedDebit(manager, account.id, command.idempotencyKey);
    if (replay) return replay;
    if (account.balance < command.amount) {
      throw LedgerException.insufficient(account.balance, command.amount, {
        ownerType: command.owner.type,
        ownerId: command.owner.id,
      });
    }
    // The account lock keeps every other writer of these lots out until we commit.
    const lots = await queryRows<{ id: string; remaining: string; running: string }>(
      manager,
      `SELECT id, remaining, running FROM (
         SELECT id, remaining, sum(remaining) OVER (ORDER BY expires_at NULLS LAST, created_at, id) AS running
           FROM point_lots WHERE account_id = $1 AND status = 'available' AND remaining > 0) drawn
        WHERE running - remaining < $2
        ORDER BY running`,
      [account.id, command.amount],
    );
    const allocations: LotDraw[] = [];
    let left = command.amount;
    for (const lot of lots) {
      const take = Math.min(left, Number(lot.remaining));
      allocations.push({ lotId: lot.id, amount: take });
      left -= take;
    }
    if (left > 0)
      throw new Error(
        `points ledger drift: account ${account.id} has a balance of ${account.balance} but lots cover ${command.amount - left}`,
      );
    const entry = await this.draws.write(manager, {
      accountId: account.id,
      kind: 'debit',
      amount: command.amount,
      reason: command.reason,
      idempotencyKey: command.idempotencyKey,
      sourceEventId: command.sourceEventId ?? null,
      actorUserId: command.actorUserId ?? null,
      occurredAt: command.occurredAt ?? this.clock.now(),
      draws: allocations,
      reversesEntryId: null,
      closeLotsAs: null,
    });
    if (!entry)
      throw LedgerException.insufficient(account.balance, command.amount, {
        ownerType: command.owner.type,
        ownerId: command.owner.id,
      });
    return { accountId: account.id, entry, allocations, replayed: false };
  }

  private async replayedDebit(
    manager: EntityManager,
    accountId: string,
    idempotencyKey: string,
  ): Promise<DebitResult | null> {
    const [previous] = await queryRows<EntryRow & { draws: { lot_id: string; amount: number }[] | null }>(
      manager,
      `SELECT e.${ENTRY_COLUMNS.split(', ').join(', e.')},
              (SELECT json_agg(json_build_object('lot_id', a.lot_id, 'amount', a.amount)) FROM point_allocations a WHERE a.entry_id = e.id) AS draws
         FROM point_entries e WHERE e.account_id = $1 AND e.idempotency_key = $2`,
      [accountId, idempotencyKey],
    );
    if (!previous) return null;
    if (previous.kind !== 'debit') throw new LedgerException(LedgerCode.IdempotencyConflict);
    return {
      accountId,
      entry: toEntry(previous),
      allocations: (previous.draws ?? []).map((d) => ({ lotId: d.lot_id, amount: Number(d.amount) })),
      replayed: true,
    };
  }
}
