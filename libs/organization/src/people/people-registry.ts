import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AuthenticatedUser,
  FieldProblem,
  NotFoundProblem,
  Permission,
  ScopeService,
  ValidationProblem,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { UnitsService } from '../units/units.service';
import { NewPerson } from './new-person';
import { peopleConflict } from './people.exception';
import { normalizeMainlandMobile, normalizeResidentIdNumber, RESIDENCE_UNIT_KINDS } from './person-fields';
import { PersonPii } from './person-pii';
import { PersonEntity } from './person.entity';

/** One row of the bulk insert, as `jsonb_to_recordset` reads it. */
interface PersonRow {
  id: string;
  name: string;
  phone_cipher: string | null;
  phone_index: string | null;
  phone_masked: string | null;
  id_number_cipher: string | null;
  id_number_index: string | null;
  id_number_masked: string | null;
  gender: string | null;
  birth_date: string | null;
  residence_unit_id: string;
  residence_path: string;
  household_code: string | null;
  external_id: string | null;
}

/**
 * The people register as the rest of the organization module uses it: registering people in the
 * caller's transaction (one or many in one statement; the HTTP create is one) and finding one, within
 * the caller's scope or not. Other domains read people through organization's directory
 * (`PeopleDirectory`), never through this class.
 */
@Injectable()
export class PeopleRegistry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly units: UnitsService,
    private readonly pii: PersonPii,
  ) {}

  /** The person; 404 when unknown. */
  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PersonEntity> {
    const person = await manager.getRepository(PersonEntity).findOneBy({ id });
    if (!person) throw new NotFoundProblem('该人员');
    return person;
  }

  /** The person if the caller holds `permission` where they reside; 404 when unknown or out of scope alike. */
  async findReachable(
    user: AuthenticatedUser,
    permission: Permission,
    id: string,
    manager?: EntityManager,
  ): Promise<PersonEntity> {
    const person = await this.get(id, manager);
    this.scope.assertCanReach(user, permission, person.residencePath, '该人员');
    return person;
  }

  /**
   * Registers people in the caller's transaction and returns their ids in input order: validates
   * and normalizes phone and ID number (400 naming `rows[i].field`), anchors the residence units
   * (404 unknown; 400 `organization.unit-kind` unless building, complex, grid or community),
   * encrypts, and inserts every row in one statement. 409 for an ID number or external id that is
   * already registered. Scope and audit are the caller's business.
   */
  async createMany(manager: EntityManager, people: NewPerson[]): Promise<string[]> {
    if (people.length === 0) return [];
    const problems: FieldProblem[] = [];
    const normalized = people.map((person, i) => {
      const phone = person.phone == null ? null : (normalizeMainlandMobile(person.phone) ?? null);
      const idNumber = person.idNumber == null ? null : (normalizeResidentIdNumber(person.idNumber) ?? null);
      if (person.phone != null && phone === null)
        problems.push({
          field: `rows[${i}].phone`,
          constraint: 'isMainlandMobile',
          message: 'phone must be a mainland mobile number',
        });
      if (person.idNumber != null && idNumber === null) {
        problems.push({
          field: `rows[${i}].idNumber`,
          constraint: 'isResidentIdNumber',
          message: 'idNumber must be a valid resident ID number',
        });
      }
      return { phone, idNumber };
    });
    if (problems.length > 0) throw new ValidationProblem(problems);
    const units = await this.units.anchorMany(
      manager,
      people.map((person) => person.residenceUnitId),
    );
    const rows: PersonRow[] = people.map((person, i) => {
      const unit = units.get(person.residenceUnitId);
      if (!unit) throw new NotFoundProblem('居住单位');
      this.units.assertKind(unit, RESIDENCE_UNIT_KINDS, 'residenceUnitId');
      const phone = this.pii.protectPhone(normalized[i].phone);
      const idNumber = this.pii.protectIdNumber(normalized[i].idNumber);
      return {
        id: randomUUID(),
        name: person.name,
        phone_cipher: phone.phoneCipher,
        phone_index: phone.phoneIndex,
        phone_masked: phone.phoneMasked,
        id_number_cipher: idNumber.idNumberCipher,
        id_number_index: idNumber.idNumberIndex,
        id_number_masked: idNumber.idNumberMasked,
        gender: person.gender ?? null,
        birth_date: person.birthDate ?? null,
        residence_unit_id: unit.id,
        residence_path: unit.path,
        household_code: person.householdCode ?? null,
        external_id: person.externalId ?? null,
      };
    });
    try {
      // One statement with one parameter, whatever the number of rows.
      await manager.query(
        `INSERT INTO people (id, name, phone_cipher, phone_index, phone_masked, id_number_cipher, id_number_index, id_number_masked,
                             gender, birth_date, residence_unit_id, residence_path, household_code, external_id)
         SELECT r.id, r.name, r.phone_cipher, r.phone_index, r.phone_masked, r.id_number_cipher, r.id_number_index, r.id_number_masked,
                r.gender, r.birth_date, r.residence_unit_id, r.residence_path, r.household_code, r.external_id
           FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name varchar, phone_cipher text, phone_index varchar, phone_masked varchar,
                id_number_cipher text, id_number_index varchar, id_number_masked varchar, gender varchar, birth_date date,
                residence_unit_id uuid, residence_path text, household_code varchar, external_id varchar)`,
        [JSON.stringify(rows)],
      );
    } catch (error) {
      throw peopleConflict(error);
    }
    return rows.map((row) => row.id);
  }
}
