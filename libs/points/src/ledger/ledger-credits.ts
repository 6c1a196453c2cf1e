import { Injectable } from '@nestjs/common';
import { Clock, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { assertAmount, assertInTransaction, assertKey, assertReason } from './ledger-checks';
import { CreditCommand, CreditResult, LockedAccount } from './ledger-records';
import { LedgerCode, LedgerException } from './ledger.exception';
import { ENTRY_COLUMNS, EntryRow, toEntry } from './ledger-rows';
import { accountRefKey } from './points-owner';

/** Adding points: an entry and a lot per credit (or a pending lot), idempotent per account and key. */
@Injectable()
export class LedgerCredits {
  constructor(
    private readonly clock: Clock,
    private readonly locks: AccountLocks,
  ) {}

  /** Adds points: an entry and a lot, or a pending lot that `confirmPending` turns into both later. */
  async credit(manager: EntityManager, command: CreditCommand): Promise<CreditResult> {
    assertInTransaction(manager, 'PointsLedger.credit');
    assertAmount(command.amount, 'credit');
    assertKey(command.idempotencyKey, 'credit');
    assertReason(command.reason, 'credit');
    const account = await this.locks.lockAccount(manager, command.owner, command.kind);
    const [previous] = await queryRows<{ lot_id: string | null; status: string | null; entry: EntryRow | null }>(
      manager,
      `SELECT l.id AS lot_id, l.status, to_jsonb(e) AS entry
         FROM (SELECT $1::uuid AS account_id, $2::varchar AS idempotency_key) k
         LEFT JOIN point_lots l ON l.account_id = k.account_id AND l.idempotency_key = k.idempotency_key
         LEFT JOIN point_entries e ON e.account_id = k.account_id AND e.idempotency_key = k.idempotency_key`,
      [account.id, command.idempotencyKey],
    );
    if (previous.entry && previous.entry.kind !== 'credit') throw new LedgerException(LedgerCode.IdempotencyConflict);
    if (previous.lot_id) {
      const entry = previous.entry
        ? toEntry({ ...previous.entry, occurred_at: new Date(previous.entry.occurred_at) })
        : null;
      return {
        accountId: account.id,
        lotId: previous.lot_id,
        entry,
        pending: previous.status === 'pending',
        replayed: true,
      };
    }
    const now = this.clock.now();
    const occurredAt = command.occurredAt ?? now;
    const rule = command.rule ?? null;
    if (command.pending) {
      const [lot] = await queryRows<{ id: string }>(
        manager,
        `WITH account AS (UPDATE point_accounts SET pending = pending + $2, updated_at = now() WHERE id = $1 RETURNING id)
         INSERT INTO point_lots (account_id, amount, remaining, status, earned_at, expires_at, reason, rule_id, rule_version, source_event_id, idempotency_key, confirm_key, reject_key)
         SELECT account.id, $2, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM account
         RETURNING id`,
        [
          account.id,
          command.amount,
          occurredAt,
          command.expiresAt ?? null,
          command.reason,
          rule?.ruleId ?? null,
          rule?.version ?? null,
          command.sourceEventId ?? null,
          command.idempotencyKey,
          command.pending.confirmKey ?? null,
          command.pending.rejectKey ?? null,
        ],
      );
      return { accountId: account.id, lotId: lot.id, entry: null, pending: true, replayed: false };
    }
    const [result] = await this.writeCredits(manager, [account.id], [{ ...command, occurredAt }], now);
    return result;
  }

  /**
   * Adds points to several accounts at once, in the commands' order: per command an entry and an
   * available lot, each entry's balance after counting the earlier credits of its account, every
   * balance changed by one statement. For credits known to be new: an idempotency key applied
   * before makes the statement fail (use `credit`, which answers the first result, when unsure).
   * Pending points go through `credit`. Accounts in `locked` (from `lockAccounts` in this
   * transaction) are not locked again.
   */
  async creditMany(
    manager: EntityManager,
    commands: CreditCommand[],
    locked: ReadonlyMap<string, LockedAccount> = new Map(),
  ): Promise<CreditResult[]> {
    assertInTransaction(manager, 'PointsLedger.creditMany');
    if (commands.length === 0) return [];
    for (const command of commands) {
      assertAmount(command.amount, 'credit');
      assertKey(command.idempotencyKey, 'credit');
      assertReason(command.reason, 'credit');
      if (command.pending) throw new Error('creditMany: pending points go through credit()');
    }
    const missing = commands
      .map((command) => ({ owner: command.owner, kind: command.kind }))
      .filter((ref) => !locked.has(accountRefKey(ref)));
    const accounts =
      missing.length > 0 ? new Map([...locked, ...(await this.locks.lockAccounts(manager, missing))]) : locked;
    const accountIds = commands.map(
      (command) => (accounts.get(accountRefKey({ owner: command.owner, kind: command.kind })) as LockedAccount).id,
    );
    return this.writeCredits(manager, accountIds, commands, this.clock.now());
  }

  /** The entries and lots of new credits to locked accounts (`accountIds[i]` for `commands[i]`), in one statement. */
  private async writeCredits(
    manager: EntityManager,
    accountIds: string[],
    commands: CreditCommand[],
    now: Date,
  ): Promise<CreditResult[]> {
    const rows = await queryRows<EntryRow & { lot_id: string; n: number }>(
      manager,
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS i(n int, account_id uuid, amount bigint, reason text, rule_id uuid, rule_version int, source_event_id uuid, actor_user_id uuid,
                idempotency_key varchar, occurred_at timestamptz, expires_at timestamptz)),
       account AS (
         UPDATE point_accounts a SET balance = a.balance + t.total, updated_at = now()
           FROM (SELECT account_id, sum(amount) AS total FROM input GROUP BY account_id) t
          WHERE a.id = t.account_id
         RETURNING a.id, a.balance - t.total AS opening),
       entry AS (
         INSERT INTO point_entries (account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, actor_user_id, idempotency_key, occurred_at)
         SELECT i.account_id, 'credit', i.amount, account.opening + sum(i.amount) OVER (PARTITION BY i.account_id ORDER BY i.n),
                i.reason, i.rule_id, i.rule_version, i.source_event_id, i.actor_user_id, i.idempotency_key, i.occurred_at
           FROM input i JOIN account ON account.id = i.account_id
          ORDER BY i.n
         RETURNING ${ENTRY_COLUMNS}),
       lot AS (
         INSERT INTO point_lots (account_id, entry_id, amount, remaining, status, earned_at, available_from, expires_at, reason, rule_id, rule_version, source_event_id, idempotency_key)
         SELECT entry.account_id, entry.id, entry.amount, entry.amount, 'available', entry.occurred_at, $2, i.expires_at,
                entry.reason, entry.rule_id, entry.rule_version, entry.source_event_id, entry.idempotency_key
           FROM entry JOIN input i ON i.account_id = entry.account_id AND i.idempotency_key = entry.idempotency_key
          ORDER BY i.n
         RETURNING id, account_id, idempotency_key)
       SELECT entry.*, lot.id AS lot_id, i.n
         FROM entry
         JOIN lot ON lot.account_id = entry.account_id AND lot.idempotency_key = entry.idempotency_key
         JOIN input i ON i.account_id = entry.account_id AND i.idempotency_key = entry.idempotency_key`,
      [
        // One JSON parameter: cheaper to send than a dozen arrays, and no bind-parameter limit.
        JSON.stringify(
          commands.map((c, n) => ({
            n,
            account_id: accountIds[n],
            amount: c.amount,
            reason: c.reason,
            rule_id: c.rule?.ruleId ?? null,
            rule_version: c.rule?.version ?? null,
            source_event_id: c.sourceEventId ?? null,
            actor_user_id: c.actorUserId ?? null,
            idempotency_key: c.idempotencyKey,
            occurred_at: c.occurredAt ?? now,
            expires_at: c.expiresAt ?? null,
          })),
        ),
        now,
      ],
    );
    if (rows.length !== commands.length)
      throw new Error(
        `points ledger: ${commands.length} credits asked, ${rows.length} written (an idempotency key given twice?)`,
      );
    const results: CreditResult[] = new Array(commands.length);
    for (const row of rows)
      results[Number(row.n)] = {
        accountId: row.account_id,
        lotId: row.lot_id,
        entry: toEntry(row),
        pending: false,
        replayed: false,
      };
    return results;
  }
}
