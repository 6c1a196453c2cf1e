import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, Permission, RoleGrantEntity, ScopeService, TransactionRunner } from '@linli/platform';
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
  ) {}

  async execute(user: AuthenticatedUser, id: string): Promise<void> {
    await this.transactions.run(async (manager) => {
      const roles = manager.getRepository(StaffRoleEntity);
      const role = await roles.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!role || !this.scope.canReach(user, Permission.StaffRolesManage, role.unitPath)) throw new NotFoundProblem('该职务');
      if (role.endedAt !== null) throw new StaffRoleException(StaffRoleCode.Ended);
      await roles.update({ id }, { endedAt: this.clock.now() });
      if (role.grantId) {
        const grants = manager.getRepository(RoleGrantEntity);
        // The grant may have been revoked by hand already; then there is nothing left to remove.
        const grant = await grants.findOne({ where: { id: role.grantId }, lock: { mode: 'pessimistic_write' } });
        if (grant) {
          await grants.delete({ id: grant.id });
          await this.audit.record(
            {
              action: 'grants.revoked',
              targetType: 'user',
              targetId: grant.userId,
              unitId: grant.unitId,
              unitPath: grant.unitPath,
              data: { grantId: grant.id, role: grant.role, staffRoleId: id },
            },
            manager,
          );
        }
      }
      await this.audit.record(
        { action: 'staff-roles.ended', targetType: 'staff-role', targetId: id, unitId: role.unitId, unitPath: role.unitPath, data: { personId: role.personId, role: role.role, grantId: role.grantId } },
        manager,
      );
    });
  }
}
