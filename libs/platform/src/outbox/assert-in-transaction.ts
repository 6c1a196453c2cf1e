import { EntityManager } from 'typeorm';

/** Outbox writes only make sense inside the caller's transaction; anything else is a wiring mistake. */
export function assertInTransaction(manager: EntityManager, caller: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`${caller} needs the EntityManager of an open transaction (TransactionRunner.run(manager => …))`);
  }
}
