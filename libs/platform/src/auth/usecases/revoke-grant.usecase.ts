import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { AuditLog } from '../../audit/audit-log.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { NotFoundProblem } from '../../errors/common-problems';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { RoleGrantEntity } from '../entities/role-grant.entity';
import { Permission } from '../permissions';
import { RoleGrants } from '../role-grants';
import { ScopeService } from '../scope.service';
import { UsersService } from '../users.service';

/** An admin revokes a grant within their scope; the last deployment-wide administrator cannot be revoked. */
@Injectable()
export class RevokeGrantUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
    private readonly grants: RoleGrants,
  ) {}

  async execute(caller: AuthenticatedUser, userId: string, grantId: string): Promise<void> {
    await this.users.findManageable(caller, userId);
    await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(RoleGrantEntity);
      const grant = await repository.findOne({ where: { id: grantId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!grant || !this.scope.canReach(caller, Permission.UsersManage, grant.unitPath))
        throw new NotFoundProblem('该授权');
      if (grant.role === 'admin' && grant.unitId === null) {
        const remaining = await this.grants.lockOtherDeploymentAdmins(manager, grant.id);
        if (remaining.length === 0) throw new AuthException(AuthCode.LastAdministrator);
      }
      await repository.delete({ id: grant.id });
      await this.audit.record(
        {
          action: 'grants.revoked',
          targetType: 'user',
          targetId: userId,
          unitId: grant.unitId,
          unitPath: grant.unitPath,
          data: { grantId: grant.id, role: grant.role },
        },
        manager,
      );
    });
    this.accounts.forget(userId);
  }
}
