import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { queryRows } from '../../database/query-rows';
import { TransactionRunner } from '../../database/transaction-runner';
import { NotFoundProblem } from '../../errors/common-problems';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { UserDto } from '../dto/user.dto';
import { UserEntity } from '../entities/user.entity';
import { UsersService } from '../users.service';

/**
 * An admin deactivates or reactivates an account of their scope (audited `users.deactivated`,
 * `users.reactivated`). Deactivation bumps the token version too: the account's tokens are refused
 * on their next request (401) and stay dead after a reactivation; login answers 403
 * `auth.account-deactivated`. Nobody deactivates their own account (409
 * `users.own-account-deactivation`), nor the last active deployment-wide administrator (409
 * `users.last-administrator`). Setting the state an account already has changes nothing.
 */
@Injectable()
export class SetAccountActiveUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  async execute(caller: AuthenticatedUser, userId: string, active: boolean): Promise<UserDto> {
    if (!active && userId === caller.userId) throw new AuthException(AuthCode.OwnAccountDeactivation);
    await this.users.findManageable(caller, userId);
    await this.transactions.run(async (manager) => {
      if (!active) await this.keepAnAdministrator(manager, userId);
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundProblem('该账号');
      if (user.isActive === active) return;
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set(active ? { isActive: true } : { isActive: false, tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id: user.id })
        .execute();
      await this.audit.record(
        {
          action: active ? 'users.reactivated' : 'users.deactivated',
          targetType: 'user',
          targetId: user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
        },
        manager,
      );
    });
    this.accounts.forget(userId);
    return this.users.get(caller, userId);
  }

  /**
   * Locks the active deployment-wide administrators (in id order, so concurrent deactivations queue
   * instead of deadlocking; a waiting one re-reads `is_active`) and refuses to deactivate the last.
   */
  private async keepAnAdministrator(manager: EntityManager, userId: string): Promise<void> {
    const [target] = await queryRows<{ admin: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM role_grants WHERE user_id = $1 AND role = 'admin' AND unit_id IS NULL) AS admin`,
      [userId],
    );
    if (!target?.admin) return;
    const admins = await queryRows<{ id: string }>(
      manager,
      `SELECT u.id FROM users u
        WHERE u.is_active AND EXISTS (
          SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role = 'admin' AND g.unit_id IS NULL)
        ORDER BY u.id
        FOR UPDATE OF u`,
      [],
    );
    if (admins.some((admin) => admin.id === userId) && admins.length === 1)
      throw new AuthException(AuthCode.LastActiveAdministrator);
  }
}
