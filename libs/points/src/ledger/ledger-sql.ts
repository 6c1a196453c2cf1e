import { EntityManager } from 'typeorm';

/** Ledger writes lock rows and must commit with their caller's other writes. */
export function assertInTransaction(manager: EntityManager, caller: string): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`${caller} needs the EntityManager of an open transaction (TransactionRunner.run(manager => …))`);
  }
}

