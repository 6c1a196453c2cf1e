import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountLocks } from './account-locks';
import { LedgerCredits } from './ledger-credits';
import { LedgerDebits } from './ledger-debits';
import {
  CreditCommand,
  CreditResult,
  DebitCommand,
  DebitResult,
  LedgerEntry,
  LockedAccount,
  PendingMatch,
  ResolvedPendingLot,
  ReversalResult,
  ReverseOptions,
} from './ledger-records';
import { LedgerReversals } from './ledger-reversals';
import { LotExpiries } from './lot-expiries';
import { PendingPoints } from './pending-points';
import { AccountKind, AccountRef, PointsOwner } from './points-owner';

/**
 * The points ledger, the only code that changes balances: its one entry point for the rest of the
 * lib, each operation done by the class that holds it (locking, credits, debits, reversals, pending
 * points, expiry). Every method works in the caller's transaction and first locks the accounts it
 * touches (always in the same order), so the balance, its entries and its lots change together and
 * concurrent spends of one account queue up; the database refuses a negative balance anyway (check
 * constraints).
 *
 * - A credit writes an entry and a lot (or only a pending lot, see `CreditCommand.pending`).
 * - A debit draws from the lots that expire first (then the oldest) and records each draw, so that
 *   `reverse` gives back exactly those lots: a redemption is a debit, its cancellation a reversal.
 * - Every write carries an idempotency key unique per account: applying it again writes nothing and
 *   answers the first result.
 */
@Injectable()
export class PointsLedger {
  constructor(
    private readonly locks: AccountLocks,
    private readonly credits: LedgerCredits,
    private readonly debits: LedgerDebits,
    private readonly reversals: LedgerReversals,
    private readonly pendingPoints: PendingPoints,
    private readonly expiries: LotExpiries,
  ) {}

  /**
   * Creates the accounts that do not exist yet and locks all of them until the transaction ends,
   * in one statement and in the one global order. Call it first when a transaction touches several
   * accounts; the ledger's own methods lock again harmlessly.
   */
  lockAccounts(manager: EntityManager, refs: AccountRef[]): Promise<Map<string, LockedAccount>> {
    return this.locks.lockAccounts(manager, refs);
  }

  lockAccount(manager: EntityManager, owner: PointsOwner, kind: AccountKind): Promise<LockedAccount> {
    return this.locks.lockAccount(manager, owner, kind);
  }

  /** Adds points: an entry and a lot, or a pending lot that `confirmPending` turns into both later. */
  credit(manager: EntityManager, command: CreditCommand): Promise<CreditResult> {
    return this.credits.credit(manager, command);
  }

  /** Adds points to several accounts at once, in the commands' order, for credits known to be new (see `LedgerCredits.creditMany`). */
  creditMany(
    manager: EntityManager,
    commands: CreditCommand[],
    locked?: ReadonlyMap<string, LockedAccount>,
  ): Promise<CreditResult[]> {
    return this.credits.creditMany(manager, commands, locked);
  }

  /** Takes points: 409 `points.insufficient` for what the balance does not cover; draws from the lots that expire first, then the oldest. */
  debit(manager: EntityManager, command: DebitCommand): Promise<DebitResult> {
    return this.debits.debit(manager, command);
  }

  /** Undoes a credit or a debit with a reversing entry, once; 409 `points.not-reversible` for expiries and reversals. */
  reverse(manager: EntityManager, entryId: string, options?: ReverseOptions): Promise<ReversalResult> {
    return this.reversals.reverse(manager, entryId, options);
  }

  /** The accounts holding pending lots that `keys` would confirm or reject, to lock them with the others first. */
  accountsWithPending(manager: EntityManager, keys: string[]): Promise<AccountRef[]> {
    return this.pendingPoints.accountsWithPending(manager, keys);
  }

  /** Turns matching pending lots into available points: one credit entry each. */
  confirmPending(manager: EntityManager, match: PendingMatch): Promise<ResolvedPendingLot[]> {
    return this.pendingPoints.confirmPending(manager, match);
  }

  /** Voids matching pending lots: the points vanish, no entry is written. */
  rejectPending(manager: EntityManager, match: PendingMatch): Promise<ResolvedPendingLot[]> {
    return this.pendingPoints.rejectPending(manager, match);
  }

  /** Expires what is left of a lot due at `now` with one expiry entry; null when there is nothing to expire. */
  expireLot(manager: EntityManager, lotId: string, now: Date): Promise<LedgerEntry | null> {
    return this.expiries.expireLot(manager, lotId, now);
  }
}
