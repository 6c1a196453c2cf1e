import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NotFoundProblem,
  Permission,
  RoleGrants,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { PersonEntity } from '../../people/person.entity';
import { UnitEntity } from '../../units/unit.entity';
import { CreateStaffRoleDto } from '../dto/create-staff-role.dto';
import { StaffRoleDto } from '../dto/staff-role.dto';
import { STAFF_ROLE_GRANT, STAFF_ROLE_UNIT_KIND } from '../staff-role-rules';
import { StaffRoleEntity } from '../staff-role.entity';
import { StaffRoleCode, StaffRoleException } from '../staff-roles.exception';
import { StaffRolesService } from '../staff-roles.service';

/**
 * Appoints a person residing in the caller's staff-roles.manage scope to a staff role at a unit of
 * the right kind in that scope. When the person has an account
 * (`users.person_id`), the role brings its scope grant (see `STAFF_ROLE_GRANT`) in the same
 * transaction, audited as grants.created like any other grant; the grant's id is kept on the role
 * so that ending the role removes exactly that grant. If the account already holds that role at
 * that unit (granted by hand), that grant stays the hand-made one and the staff role keeps no grant.
 */
@Injectable()
export class AppointStaffRoleUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly staffRoles: StaffRolesService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
    private readonly grants: RoleGrants,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateStaffRoleDto): Promise<StaffRoleDto> {
    // The unit and the person (where they reside) both lie in the caller's staff-roles.manage scope.
    await this.references.reach(user, Permission.StaffRolesManage, { unit: command.unitId, person: command.personId });
    const unit = await this.dataSource
      .getRepository(UnitEntity)
      .findOne({ select: { id: true, kind: true, path: true }, where: { id: command.unitId } });
    if (!unit) throw new NotFoundProblem('该单位');
    if (unit.kind !== STAFF_ROLE_UNIT_KIND[command.role]) throw new StaffRoleException(StaffRoleCode.UnitKind);

    const role = await this.transactions.run(async (manager) => {
      const person = await manager
        .getRepository(PersonEntity)
        .findOne({ select: { id: true }, where: { id: command.personId } });
      if (!person) throw new NotFoundProblem('该人员');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(StaffRoleEntity)
        .values({
          personId: person.id,
          role: command.role,
          unitId: unit.id,
          unitPath: unit.path,
          grantId: null,
          startedAt: this.clock.now(),
          endedAt: null,
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (!id) throw new StaffRoleException(StaffRoleCode.Exists);

      const grantRole = STAFF_ROLE_GRANT[command.role];
      const granted = grantRole
        ? await this.grants.grantToPerson(manager, {
            personId: person.id,
            role: grantRole,
            unitId: unit.id,
            unitPath: unit.path,
            createdBy: user.userId,
            cause: { staffRoleId: id },
          })
        : null;
      const grantId = granted?.grantId ?? null;
      if (grantId) await manager.getRepository(StaffRoleEntity).update({ id }, { grantId });
      await this.audit.record(
        {
          action: 'staff-roles.created',
          targetType: 'staff-role',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { personId: person.id, role: command.role, grantId },
        },
        manager,
      );
      return manager.getRepository(StaffRoleEntity).findOneByOrFail({ id });
    });
    return (await this.staffRoles.present([role]))[0];
  }
}
