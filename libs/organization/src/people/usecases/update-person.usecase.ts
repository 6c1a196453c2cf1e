import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { lockUnitTree } from '../../units/unit-tree.lock';
import { UnitsService } from '../../units/units.service';
import { PersonDto } from '../dto/person.dto';
import { UpdatePersonDto } from '../dto/update-person.dto';
import { PeopleRegistry } from '../people-registry';
import { peopleConflict } from '../people.exception';
import { PeopleService } from '../people.service';
import { normalizeMainlandMobile, normalizeResidentIdNumber, RESIDENCE_UNIT_KINDS } from '../person-fields';
import { PersonPii } from '../person-pii';
import { PersonEntity } from '../person.entity';

/**
 * `PATCH /people/:id`: needs `people.manage` where the person resides (and where they move to).
 * A residence move rewrites the person's path and their party membership's path in one
 * transaction (and clears the household code unless a new one is given). Audited as people.updated with the names of the changed fields (never their values).
 */
@Injectable()
export class UpdatePersonUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly units: UnitsService,
    private readonly registry: PeopleRegistry,
    private readonly people: PeopleService,
    private readonly pii: PersonPii,
    private readonly references: ScopedReferences,
  ) {}

  async execute(user: AuthenticatedUser, id: string, command: UpdatePersonDto): Promise<PersonDto> {
    const person = await this.transactions.run(async (manager) => {
      // Before reading the residence path, so that no subtree move rewrites it under us.
      await lockUnitTree(manager, 'shared');
      const current = await manager
        .getRepository(PersonEntity)
        .createQueryBuilder('person')
        .where('person.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!current || !this.scope.canReach(user, Permission.PeopleManage, current.residencePath))
        throw new NotFoundProblem('该人员');

      const changes: Partial<PersonEntity> = {};
      if (command.name !== undefined) changes.name = command.name;
      if (command.gender !== undefined) changes.gender = command.gender;
      if (command.birthDate !== undefined) changes.birthDate = command.birthDate;
      if (command.externalId !== undefined) changes.externalId = command.externalId;
      if (command.householdCode !== undefined) changes.householdCode = command.householdCode;
      if (command.phone !== undefined)
        Object.assign(
          changes,
          this.pii.protectPhone(command.phone === null ? null : (normalizeMainlandMobile(command.phone) ?? null)),
        );
      if (command.idNumber !== undefined) {
        Object.assign(
          changes,
          this.pii.protectIdNumber(
            command.idNumber === null ? null : (normalizeResidentIdNumber(command.idNumber) ?? null),
          ),
        );
      }
      const moving = command.residenceUnitId !== undefined && command.residenceUnitId !== current.residenceUnitId;
      if (moving && command.residenceUnitId !== undefined) {
        const unit = await this.units.anchor(manager, command.residenceUnitId);
        await this.references.reachOne(user, Permission.PeopleManage, 'unit', unit.id, manager);
        this.units.assertKind(unit, RESIDENCE_UNIT_KINDS, 'residenceUnitId');
        changes.residenceUnitId = unit.id;
        changes.residencePath = unit.path;
        // A household code names a flat of the old unit: moving without a new one leaves no household.
        if (command.householdCode === undefined && current.householdCode !== null) changes.householdCode = null;
      }
      const fields = (Object.keys(command) as (keyof UpdatePersonDto)[]).filter(
        (field) => command[field] !== undefined && (field !== 'residenceUnitId' || moving),
      );
      if (changes.householdCode === null && command.householdCode === undefined) fields.push('householdCode');
      if (fields.length === 0) return current;

      try {
        await manager.getRepository(PersonEntity).update({ id }, changes);
      } catch (error) {
        throw peopleConflict(error);
      }
      if (moving) {
        await manager.query('UPDATE party_members SET residence_path = $1, updated_at = now() WHERE person_id = $2', [
          changes.residencePath,
          id,
        ]);
      }
      await this.audit.record(
        {
          action: 'people.updated',
          targetType: 'person',
          targetId: id,
          unitId: changes.residenceUnitId ?? current.residenceUnitId,
          unitPath: changes.residencePath ?? current.residencePath,
          data: {
            fields,
            ...(moving
              ? { fromResidenceUnitId: current.residenceUnitId, toResidenceUnitId: changes.residenceUnitId }
              : {}),
          },
        },
        manager,
      );
      return this.registry.get(id, manager);
    });
    return (await this.people.toDtos([person]))[0];
  }
}
