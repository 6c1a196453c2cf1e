import { Injectable } from '@nestjs/common';
import { AuthenticatedAccounts } from '../authenticated-accounts';
import { AuditLog } from '../../audit/audit-log.service';
import { TransactionRunner } from '../../database/transaction-runner';
import { AuthCode, AuthException } from '../auth.problems';
import { AuthenticatedUser } from '../authenticated-user';
import { CreateGrantDto } from '../dto/create-grant.dto';
import { GrantDto } from '../dto/grant.dto';
import { RoleGrantEntity } from '../entities/role-grant.entity';
import { Permission } from '../permissions';
import { ScopeService } from '../scope.service';
import { UsersService } from '../users.service';

/** An admin grants a role at a unit of their scope to an account of their scope (audited in the same transaction). */
@Injectable()
export class GrantRoleUseCase {
  constructor(
    private readonly accounts: AuthenticatedAccounts,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
  ) {}

  async execute(caller: AuthenticatedUser, userId: string, command: CreateGrantDto): Promise<GrantDto> {
    await this.users.findManageable(caller, userId);
    const unitPath =
      command.unitId === undefined
        ? this.deploymentWide(caller)
        : await this.scope.reachableUnitPath(caller, Permission.UsersManage, command.unitId);
    const unitId = command.unitId ?? null;
    const grant = await this.transactions.run(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(RoleGrantEntity)
        .values({ userId, role: command.role, unitId, unitPath, createdBy: caller.userId })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new AuthException(AuthCode.DuplicateGrant);
      const saved = await manager.getRepository(RoleGrantEntity).findOneByOrFail({ id });
      await this.audit.record(
        {
          action: 'grants.created',
          targetType: 'user',
          targetId: userId,
          unitId,
          unitPath,
          data: { grantId: saved.id, role: saved.role },
        },
        manager,
      );
      return saved;
    });
    this.accounts.forget(userId);
    return GrantDto.from(grant);
  }

  private deploymentWide(caller: AuthenticatedUser): null {
    if (this.scope.scopeFilter(caller, Permission.UsersManage) !== 'all')
      throw new AuthException(AuthCode.DeploymentWideGrantForbidden);
    return null;
  }
}
