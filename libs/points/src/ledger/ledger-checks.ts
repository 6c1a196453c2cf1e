import { EntityManager } from 'typeorm';

const MAX_KEY_LENGTH = 200;

/** Ledger writes lock rows and must commit with their caller's other writes. */
export function assertInTransaction(manager: EntityManager, caller: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`${caller} needs the EntityManager of an open transaction (TransactionRunner.run(manager => …))`);
  }
}

export function assertAmount(amount: number, what: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new Error(`${what}: amount must be a positive whole number, got ${amount}`);
}

export function assertKey(key: string, what: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new Error(`${what}: idempotency key must have 1 to ${MAX_KEY_LENGTH} characters`);
}

export function assertReason(reason: string, what: string): void {
  if (typeof reason !== 'string' || reason.trim().length === 0) throw new Error(`${what}: a reason is required`);
}
