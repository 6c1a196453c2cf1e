import { LedgerEntry, LockedAccount } from './ledger-records';
import { PointEntryKind } from './point-entry-kind';
import { AccountKind, OwnerType } from './points-owner';

/** The ledger's rows as the database answers them (bigints as text), and their typed forms. */

export interface EntryRow {
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

export interface AccountRow {
  id: string;
  owner_type: OwnerType;
  owner_id: string;
  kind: AccountKind;
  balance: string;
  pending: string;
}

export interface LotRow {
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

export const ENTRY_COLUMNS =
  'id, account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at';

export function toEntry(row: EntryRow): LedgerEntry {
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

export function toAccount(row: AccountRow): LockedAccount {
  return {
    id: row.id,
    owner: { type: row.owner_type, id: row.owner_id },
    kind: row.kind,
    balance: Number(row.balance),
    pending: Number(row.pending),
  };
}
