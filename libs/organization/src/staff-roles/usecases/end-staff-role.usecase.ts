import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  RoleGrants,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { StaffRoleEntity } from '../staff-role.entity';
import { StaffRoleCode, StaffRoleException } from '../staff-roles.exception';

/** Ends a staff role (`ended_at`; the row stays as history) and removes the grant it brought, and only that one, in the same transaction. */
@Injectable()
export class EndStaffRoleUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly grants: RoleGrants,
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const roles = manager.getRepository(StaffRoleEntity);
      const role = await roles.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!role || !this.scope.canReach(user, Permission.StaffRolesManage, role.unitPath))
        throw new NotFoundProblem('该职务');
      if (role.endedAt !== null) throw new StaffRoleException(StaffRoleCode.Ended);
      await roles.update({ id }, { endedAt: this.clock.now() });
      if (role.grantId) await this.grants.revoke(manager, role.grantId, { staffRoleId: id });
      await this.audit.record(
        {
          action: 'staff-roles.ended',
          targetType: 'staff-role',
          targetId: id,
          unitId: role.unitId,
          unitPath: role.unitPath,
          data: { personId: role.personId, role: role.role, grantId: role.grantId },
        },
        manager,
      );
    });
  }
}
