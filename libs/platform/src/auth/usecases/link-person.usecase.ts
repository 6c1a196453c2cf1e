import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { isUniqueViolation } from '../../database/sql-errors';
import { TransactionRunner } from '../../database/transaction-runner';
import { NotFoundProblem } from '../../errors/common-problems';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { UserDto } from '../dto/user.dto';
import { UserEntity } from '../entities/user.entity';
import { PersonLinks } from '../person-links';
import { UsersService } from '../users.service';

/**
 * Links an account of the admin's scope to a person of the admin's scope, or unlinks it; audited
 * `users.person-linked` (with the previous person, if any) and `users.person-unlinked`. A person has
 * at most one account (409 `users.person-already-linked`). Linking to the same person again, or
 * unlinking an unlinked account, changes nothing and writes nothing.
 */
@Injectable()
export class LinkPersonUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly users: UsersService,
    private readonly personLinks: PersonLinks,
    private readonly audit: AuditLog,
  ) {}

  async link(caller: AuthenticatedUser, userId: string, personId: string): Promise<UserDto> {
    await this.users.findManageable(caller, userId);
    await this.personLinks.assertLinkable(caller, personId);
    try {
      await this.transactions.run(async (manager) => {
        const user = await this.lock(manager, userId);
        if (user.personId === personId) return;
        await manager.getRepository(UserEntity).update({ id: user.id }, { personId });
        await this.audit.record(
          {
            action: 'users.person-linked',
            targetType: 'user',
            targetId: user.id,
            unitId: user.unitId,
            unitPath: user.unitPath,
            data: { personId, previousPersonId: user.personId },
          },
          manager,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_person_id_key')) throw new AuthException(AuthCode.PersonAlreadyLinked);
      throw error;
    }
    this.accounts.forget(userId);
    return this.users.get(caller, userId);
  }

  async unlink(caller: AuthenticatedUser, userId: string): Promise<void> {
    await this.users.findManageable(caller, userId);
    await this.transactions.run(async (manager) => {
      const user = await this.lock(manager, userId);
      if (user.personId === null) return;
      await manager.getRepository(UserEntity).update({ id: user.id }, { personId: null });
      await this.audit.record(
        {
          action: 'users.person-unlinked',
          targetType: 'user',
          targetId: user.id,
          unitId: user.unitId,
          unitPath: user.unitPath,
          data: { personId: user.personId },
        },
        manager,
      );
    });
    this.accounts.forget(userId);
  }

  private async lock(manager: EntityManager, userId: string): Promise<UserEntity> {
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new NotFoundProblem('该账号');
    return user;
  }
}
