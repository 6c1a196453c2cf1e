import { Injectable } from '@nestjs/common';
import { Clock, NotFoundProblem, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PointsCode, PointsException } from '../points.exception';
import { assertInTransaction } from './ledger-sql';
import {
  CreditCommand,
  CreditResult,
  DebitCommand,
  DebitResult,
  LedgerEntry,
  LockedAccount,
  LotDraw,
  PendingMatch,
  ResolvedPendingLot,
  ReversalResult,
  ReverseOptions,
} from './ledger-records';
import { PointEntryKind } from './point-entry-kind';
import { AccountKind, AccountRef, accountRefKey, compareAccountRefs, OwnerType, PointsOwner } from './points-owner';

interface EntryRow {
  id: string;
  account_id: string;
  kind: PointEntryKind;
  amount: string;
  balance_after: string;
  reason: string;
  rule_id: string | null;
  rule_version: number | null;
  source_event_id: string | null;
  idempotency_key: string;
  occurred_at: Date;
}

interface AccountRow {
  id: string;
  owner_type: OwnerType;
  owner_id: string;
  kind: AccountKind;
  balance: string;
  pending: string;
}

interface LotRow {
  id: string;
  account_id: string;
  entry_id: string | null;
  amount: string;
  remaining: string;
  status: string;
  earned_at: Date;
  expires_at: Date | null;
  reason: string;
  rule_id: string | null;
  rule_version: number | null;
  source_event_id: string | null;
  idempotency_key: string;
}

const ENTRY_COLUMNS = 'id, account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at';
const MAX_KEY_LENGTH = 200;

function toEntry(row: EntryRow): LedgerEntry {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    amount: Number(row.amount),
    balanceAfter: Number(row.balance_after),
    reason: row.reason,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    sourceEventId: row.source_event_id,
    idempotencyKey: row.idempotency_key,
    occurredAt: row.occurred_at,
  };
}

function toAccount(row: AccountRow): LockedAccount {
  return { id: row.id, owner: { type: row.owner_type, id: row.owner_id }, kind: row.kind, balance: Number(row.balance), pending: Number(row.pending) };
}

function assertAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`${what}: amount must be a positive whole number, got ${amount}`);
}

function assertKey(key: string, what: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) throw new Error(`${what}: idempotency key must have 1 to ${MAX_KEY_LENGTH} characters`);
}

function assertReason(reason: string, what: string): void {
  if (typeof reason !== 'string' || reason.trim().length === 0) throw new Error(`${what}: a reason is required`);
}

/**
 * The points ledger: the only code that changes balances. Every method works in the caller's
 * transaction and first locks the accounts it touches (always in the same order), so the balance,
 * its entries and its lots change together and concurrent spends of one account queue up; the
 * database refuses a negative balance anyway (check constraints).
 *
 * - A credit writes an entry and a lot (or only a pending lot, see `CreditCommand.pending`).
 * - A debit draws from the lots that expire first (then the oldest) and records each draw, so that
 *   `reverse` gives back exactly those lots: a redemption is a debit, its cancellation a reversal.
 * - Every write carries an idempotency key unique per account: applying it again writes nothing and
 *   answers the first result.
 */
@Injectable()
export class PointsLedger {
  constructor(private readonly clock: Clock) {}

  /**
   * Creates the accounts that do not exist yet and locks all of them until the transaction ends,
   * in one statement and in the one global order. Call it first when a transaction touches several
   * accounts; the ledger's own methods lock again harmlessly.
   */
  async lockAccounts(manager: EntityManager, refs: AccountRef[]): Promise<Map<string, LockedAccount>> {
    assertInTransaction(manager, 'PointsLedger.lockAccounts');
    const unique = [...new Map(refs.map((ref) => [accountRefKey(ref), ref])).values()].sort(compareAccountRefs);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<AccountRow>(
      manager,
      `INSERT INTO point_accounts (owner_type, owner_id, kind)
       SELECT u.owner_type, u.owner_id, u.kind
         FROM unnest($1::varchar[], $2::uuid[], $3::varchar[]) WITH ORDINALITY AS u(owner_type, owner_id, kind, n)
        ORDER BY u.n
       ON CONFLICT (owner_type, owner_id, kind) DO UPDATE SET updated_at = now()
       RETURNING id, owner_type, owner_id, kind, balance, pending`,
      [unique.map((r) => r.owner.type), unique.map((r) => r.owner.id), unique.map((r) => r.kind)],
    );
    const accounts = rows.map(toAccount);
    return new Map(accounts.map((account) => [accountRefKey(account), account]));
  }

  async lockAccount(manager: EntityManager, owner: PointsOwner, kind: AccountKind): Promise<LockedAccount> {
    const locked = await this.lockAccounts(manager, [{ owner, kind }]);
    return locked.get(accountRefKey({ owner, kind })) as LockedAccount;
  }

  /** Adds points: an entry and a lot, or a pending lot that `confirmPending` turns into both later. */
  async credit(manager: EntityManager, command: CreditCommand): Promise<CreditResult> {
    assertInTransaction(manager, 'PointsLedger.credit');
    assertAmount(command.amount, 'credit');
    assertKey(command.idempotencyKey, 'credit');
    assertReason(command.reason, 'credit');
    const account = await this.lockAccount(manager, command.owner, command.kind);
    const [previous] = await queryRows<{ lot_id: string | null; status: string | null; entry: EntryRow | null }>(
      manager,
      `SELECT l.id AS lot_id, l.status, to_jsonb(e) AS entry
         FROM (SELECT $1::uuid AS account_id, $2::varchar AS idempotency_key) k
         LEFT JOIN point_lots l ON l.account_id = k.account_id AND l.idempotency_key = k.idempotency_key
         LEFT JOIN point_entries e ON e.account_id = k.account_id AND e.idempotency_key = k.idempotency_key`,
      [account.id, command.idempotencyKey],
    );
    if (previous.entry && previous.entry.kind !== 'credit') throw new PointsException(PointsCode.IdempotencyConflict);
    if (previous.lot_id) {
      const entry = previous.entry ? toEntry({ ...previous.entry, occurred_at: new Date(previous.entry.occurred_at) }) : null;
      return { accountId: account.id, lotId: previous.lot_id, entry, pending: previous.status === 'pending', replayed: true };
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
  async creditMany(manager: EntityManager, commands: CreditCommand[], locked: ReadonlyMap<string, LockedAccount> = new Map()): Promise<CreditResult[]> {
    assertInTransaction(manager, 'PointsLedger.creditMany');
    if (commands.length === 0) return [];
    for (const command of commands) {
      assertAmount(command.amount, 'credit');
      assertKey(command.idempotencyKey, 'credit');
      assertReason(command.reason, 'credit');
      if (command.pending) throw new Error('creditMany: pending points go through credit()');
    }
    const missing = commands.map((command) => ({ owner: command.owner, kind: command.kind })).filter((ref) => !locked.has(accountRefKey(ref)));
    const accounts = missing.length > 0 ? new Map([...locked, ...(await this.lockAccounts(manager, missing))]) : locked;
    const accountIds = commands.map((command) => (accounts.get(accountRefKey({ owner: command.owner, kind: command.kind })) as LockedAccount).id);
    return this.writeCredits(manager, accountIds, commands, this.clock.now());
  }

  /**
   * Takes points: refuses (409 `points.insufficient`) what the balance does not cover, draws from the
   * lots that expire first, then the oldest, and records every draw.
   */
  async debit(manager: EntityManager, command: DebitCommand): Promise<DebitResult> {
    assertInTransaction(manager, 'PointsLedger.debit');
    assertAmount(command.amount, 'debit');
    assertKey(command.idempotencyKey, 'debit');
    assertReason(command.reason, 'debit');
    const account = await this.lockAccount(manager, command.owner, command.kind);
    const replay = await this.replayedDebit(manager, account.id, command.idempotencyKey);
    if (replay) return replay;
    if (account.balance < command.amount) {
      throw PointsException.insufficient(account.balance, command.amount, { ownerType: command.owner.type, ownerId: command.owner.id });
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
    if (left > 0) throw new Error(`points ledger drift: account ${account.id} has a balance of ${account.balance} but lots cover ${command.amount - left}`);
    const entry = await this.writeDraw(manager, {
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
    if (!entry) throw PointsException.insufficient(account.balance, command.amount, { ownerType: command.owner.type, ownerId: command.owner.id });
    return { accountId: account.id, entry, allocations, replayed: false };
  }

  /**
   * Undoes a credit or a debit with a reversing entry. A debit's points go back to exactly the lots
   * they came from (an expired or cancelled lot becomes available again and the daily expiry takes
   * it once more); a credit loses what is left of its lot (points already spent stay spent).
   * Reversing twice writes once. 409 `points.not-reversible` for expiries and reversals.
   */
  async reverse(manager: EntityManager, entryId: string, options: ReverseOptions = {}): Promise<ReversalResult> {
    assertInTransaction(manager, 'PointsLedger.reverse');
    const [original] = await queryRows<EntryRow>(manager, `SELECT ${ENTRY_COLUMNS} FROM point_entries WHERE id = $1`, [entryId]);
    if (!original) throw new NotFoundProblem('该积分流水');
    if (original.kind !== 'credit' && original.kind !== 'debit') throw new PointsException(PointsCode.NotReversible);
    const [accountRow] = await queryRows<AccountRow>(
      manager,
      `SELECT id, owner_type, owner_id, kind, balance, pending FROM point_accounts WHERE id = $1 FOR UPDATE`,
      [original.account_id],
    );
    const account = toAccount(accountRow);
    const idempotencyKey = `reversal:${entryId}`;
    const [previous] = await queryRows<EntryRow>(manager, `SELECT ${ENTRY_COLUMNS} FROM point_entries WHERE reverses_entry_id = $1`, [entryId]);
    if (previous) {
      const lots = await queryRows<{ lot_id: string; amount: string }>(manager, `SELECT lot_id, amount FROM point_allocations WHERE entry_id = $1`, [
        previous.kind === 'reversal' && Number(previous.amount) < 0 ? previous.id : entryId,
      ]);
      return { entry: toEntry(previous), lots: lots.map((l) => ({ lotId: l.lot_id, amount: Number(l.amount) })), replayed: true };
    }
    const reason = options.reason ?? `撤销：${original.reason}`;
    const occurredAt = options.occurredAt ?? this.clock.now();
    if (original.kind === 'credit') {
      const [lot] = await queryRows<LotRow>(manager, `SELECT id, remaining, status FROM point_lots WHERE entry_id = $1`, [entryId]);
      const remaining = Number(lot.remaining);
      if (remaining === 0) {
        if (lot.status === 'cancelled') return { entry: null, lots: [], replayed: true };
        await manager.query(`UPDATE point_lots SET status = 'cancelled' WHERE id = $1 AND status = 'available'`, [lot.id]);
        return { entry: null, lots: [], replayed: false };
      }
      const entry = await this.writeDraw(manager, {
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
    const draws = (await queryRows<{ lot_id: string; amount: string }>(manager, `SELECT lot_id, amount FROM point_allocations WHERE entry_id = $1`, [entryId])).map(
      (row) => ({ lotId: row.lot_id, amount: Number(row.amount) }),
    );
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
        [account.id, Number(lot.amount), lot.reason, lot.rule_id, lot.rule_version, lot.source_event_id, lot.idempotency_key, lot.earned_at, lot.id, now],
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
    const account = await this.lockAccount(manager, { type: owner.owner_type, id: owner.owner_id }, owner.kind);
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
    return this.writeDraw(manager, {
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
  private async lockPending(manager: EntityManager, match: PendingMatch, side: 'confirm' | 'reject'): Promise<{ lot: LotRow; account: LockedAccount }[]> {
    const byKeys = 'keys' in match;
    if (byKeys && match.keys.length === 0) return [];
    const column = side === 'confirm' ? 'l.confirm_key' : 'l.reject_key';
    const condition = byKeys ? `${column} = ANY($1::varchar[]) AND ($2::timestamptz IS NULL OR l.earned_at <= $2::timestamptz)` : 'l.source_event_id = $1::uuid';
    const select = `SELECT l.id, l.account_id, l.amount, l.remaining, l.status, l.earned_at, l.expires_at, l.reason, l.rule_id, l.rule_version, l.source_event_id, l.idempotency_key,
                           a.owner_type, a.owner_id, a.kind
                      FROM point_lots l JOIN point_accounts a ON a.id = l.account_id
                     WHERE l.status = 'pending' AND ${condition}`;
    const params = byKeys ? [match.keys, match.earnedUpTo ?? null] : [match.sourceEventId];
    const candidates = await queryRows<LotRow & AccountRow>(manager, select, params);
    if (candidates.length === 0) return [];
    const accounts = await this.lockAccounts(
      manager,
      candidates.map((c) => ({ owner: { type: c.owner_type, id: c.owner_id }, kind: c.kind })),
    );
    const lots = await queryRows<LotRow & AccountRow>(manager, `${select} ORDER BY l.created_at, l.id FOR UPDATE OF l`, params);
    return lots.map((lot) => ({ lot, account: accounts.get(accountRefKey({ owner: { type: lot.owner_type, id: lot.owner_id }, kind: lot.kind })) as LockedAccount }));
  }

  private async replayedDebit(manager: EntityManager, accountId: string, idempotencyKey: string): Promise<DebitResult | null> {
    const [previous] = await queryRows<EntryRow & { draws: { lot_id: string; amount: number }[] | null }>(
      manager,
      `SELECT e.${ENTRY_COLUMNS.split(', ').join(', e.')},
              (SELECT json_agg(json_build_object('lot_id', a.lot_id, 'amount', a.amount)) FROM point_allocations a WHERE a.entry_id = e.id) AS draws
         FROM point_entries e WHERE e.account_id = $1 AND e.idempotency_key = $2`,
      [accountId, idempotencyKey],
    );
    if (!previous) return null;
    if (previous.kind !== 'debit') throw new PointsException(PointsCode.IdempotencyConflict);
    return {
      accountId,
      entry: toEntry(previous),
      allocations: (previous.draws ?? []).map((d) => ({ lotId: d.lot_id, amount: Number(d.amount) })),
      replayed: true,
    };
  }

  /** The entries and lots of new credits to locked accounts (`accountIds[i]` for `commands[i]`), in one statement. */
  private async writeCredits(manager: EntityManager, accountIds: string[], commands: CreditCommand[], now: Date): Promise<CreditResult[]> {
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
    if (rows.length !== commands.length) throw new Error(`points ledger: ${commands.length} credits asked, ${rows.length} written (an idempotency key given twice?)`);
    const results: CreditResult[] = new Array(commands.length);
    for (const row of rows) results[Number(row.n)] = { accountId: row.account_id, lotId: row.lot_id, entry: toEntry(row), pending: false, replayed: false };
    return results;
  }

  /**
   * One negative entry and its draws in one statement: the balance falls only if it covers the
   * amount (answering null otherwise), each lot gives what it is drawn for, and the draws are
   * recorded. `closeLotsAs` closes the drawn lots (expiry, reversal of a credit).
   */
  private async writeDraw(
    manager: EntityManager,
    draw: {
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
    },
  ): Promise<LedgerEntry | null> {
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
