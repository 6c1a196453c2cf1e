import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { assertInTransaction } from './ledger-checks';
import { LockedAccount } from './ledger-records';
import { AccountRow, toAccount } from './ledger-rows';
import { AccountKind, AccountRef, accountRefKey, compareAccountRefs, PointsOwner } from './points-owner';

/**
 * Locking accounts, always in one global order (owner type, owner id, kind), so that concurrent
 * writers of an account queue up and two transactions never wait on each other in a circle.
 */
@Injectable()
export class AccountLocks {
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

  /** One existing account by id, locked until the transaction ends. */
  async lockById(manager: EntityManager, accountId: string): Promise<LockedAccount> {
    const [row] = await queryRows<AccountRow>(
      manager,
      `SELECT id, owner_type, owner_id, kind, balance, pending FROM point_accounts WHERE id = $1 FOR UPDATE`,
      [accountId],
    );
    return toAccount(row);
  }
}
