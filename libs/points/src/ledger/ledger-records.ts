import { PointEntryKind } from './point-entry-kind';
import { AccountKind, PointsOwner } from './points-owner';

/** An account as locked by the ledger. */
export interface LockedAccount {
  id: string;
  owner: PointsOwner;
  kind: AccountKind;
  balance: number;
  pending: number;
}

/** One written entry, as the ledger answers it. */
export interface LedgerEntry {
  id: string;
  accountId: string;
  kind: PointEntryKind;
  amount: number;
  balanceAfter: number;
  reason: string;
  ruleId: string | null;
  ruleVersion: number | null;
  sourceEventId: string | null;
  idempotencyKey: string;
  occurredAt: Date;
}

export interface LotDraw {
  lotId: string;
  amount: number;
}

export interface CreditCommand {
  owner: PointsOwner;
  kind: AccountKind;
  /** Positive whole number. */
  amount: number;
  /** Chinese, what the owner reads. */
  reason: string;
  /** Unique per account: the same key applied again changes nothing and answers the first result. */
  idempotencyKey: string;
  rule?: { ruleId: string; version: number } | null;
  sourceEventId?: string | null;
  actorUserId?: string | null;
  /** When the points were earned (default: now). */
  occurredAt?: Date;
  expiresAt?: Date | null;
  /**
   * Pending points: neither counted nor spendable until `confirmPending`, gone after `rejectPending`.
   * The keys let an event confirm or void them (`volunteers.wish.confirmed/wishId=…`).
   */
  pending?: { confirmKey?: string | null; rejectKey?: string | null } | null;
}

export interface CreditResult {
  accountId: string;
  lotId: string;
  /** The credit entry; null while the points are pending (or were rejected). */
  entry: LedgerEntry | null;
  pending: boolean;
  /** The idempotency key had been applied before: nothing was written now. */
  replayed: boolean;
}

export interface DebitCommand {
  owner: PointsOwner;
  kind: AccountKind;
  /** Positive whole number: how many points to take. */
  amount: number;
  reason: string;
  idempotencyKey: string;
  sourceEventId?: string | null;
  actorUserId?: string | null;
  occurredAt?: Date;
}

export interface DebitResult {
  accountId: string;
  entry: LedgerEntry;
  /** The lots the points were drawn from; a reversal gives exactly these back. */
  allocations: LotDraw[];
  replayed: boolean;
}

export interface ReverseOptions {
  /** Default: `撤销：<the reversed entry's reason>`. */
  reason?: string;
  actorUserId?: string | null;
  occurredAt?: Date;
}

export interface ReversalResult {
  /** The reversing entry; null when a credit had nothing left to remove. */
  entry: LedgerEntry | null;
  /** Lots given back (reversing a debit) or emptied (reversing a credit). */
  lots: LotDraw[];
  replayed: boolean;
}

/**
 * Which pending lots to confirm or reject: by the keys an event resolves (only lots earned at or
 * before `earnedUpTo`, the resolving event's time, so that a late, older event cannot resolve a newer
 * earning), or by the event that created them.
 */
export type PendingMatch = { keys: string[]; earnedUpTo?: Date } | { sourceEventId: string };

export interface ResolvedPendingLot {
  lotId: string;
  accountId: string;
  owner: PointsOwner;
  kind: AccountKind;
  amount: number;
  reason: string;
  ruleId: string | null;
  ruleVersion: number | null;
  /** The credit entry written on confirmation; null for a rejection. */
  entry: LedgerEntry | null;
}
