import { Injectable } from '@nestjs/common';
import { PiiCrypto, scopeCovers } from '@linli/platform';
import { Gender } from '../../people/person.entity';
import { UNIT_KIND_DISPLAY, UnitKind } from '../../units/unit-kind';
import { columnLabels } from '../columns/column-labels';
import { ImportTable } from '../columns/import-row';
import { ImportContext } from '../import-context';
import {
  HOUSEHOLD_CODE_MAX_LENGTH,
  normalizeMainlandMobile,
  normalizeResidentIdNumber,
} from '../../people/person-fields';
import { RowErrors } from '../validation/row-errors';
import { RowReader } from '../validation/row-reader';
import { PeopleImportPlan, PersonImportRow } from './people-import.plan';

/** Blind-index kinds: the same strings as the people area, so lookups find imported people. */
export const PHONE_INDEX_KIND = 'phone';
export const ID_NUMBER_INDEX_KIND = 'id-number';

/** A person lives in a community, grid, complex or building (as precise as known). */
const RESIDENCE_KINDS: readonly UnitKind[] = ['community', 'grid', 'complex', 'building'];

const GENDERS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['male', 'male'],
  ['female', 'female'],
  ['男', 'male'],
  ['女', 'female'],
  ['m', 'male'],
  ['f', 'female'],
]);

const LABELS = columnLabels('people');

type ParsedPerson = Omit<PersonImportRow, 'residence'> & { residenceUnitCode?: string; reader: RowReader };

/**
 * Checks a people file: required fields, phone (mainland mobile) and ID number (18 characters with
 * the GB 11643 check digit), gender and date formats, duplicates within the file, residence units
 * that exist and lie in the caller's scope, people already in the tree outside that scope, and ID
 * numbers already registered to somebody else.
 */
@Injectable()
export class PeopleImportValidator {
  constructor(private readonly pii: PiiCrypto) {}

  async validate(table: ImportTable, context: ImportContext, errors: RowErrors): Promise<PeopleImportPlan> {
    const parsed: ParsedPerson[] = [];
    const byExternalId = new Map<string, number>();
    const byIdNumber = new Map<string, number>();
    for (const row of table.rows) {
      const reader = new RowReader(row, table, errors, LABELS);
      const externalId = reader.text('externalId', { required: true, maxLength: 64 });
      const name = reader.text('name', { required: true, maxLength: 100 });
      const phone = this.phone(reader);
      const idNumber = this.idNumber(reader);
      const gender = reader.choice('gender', GENDERS, { hint: '男、女（male、female）' });
      const birthDate = reader.date('birthDate');
      const residenceUnitCode = reader.text('residenceUnitCode', { required: true, maxLength: 64 });
      const householdCode = reader.text('householdCode', { maxLength: HOUSEHOLD_CODE_MAX_LENGTH });
      if (externalId !== undefined) {
        const first = byExternalId.get(externalId);
        if (first !== undefined) reader.error('externalId', `人员编号“${externalId}”与第 ${first} 行重复`);
        else byExternalId.set(externalId, row.row);
      }
      if (idNumber) {
        const first = byIdNumber.get(idNumber.value);
        if (first !== undefined) reader.error('idNumber', `身份证号与第 ${first} 行重复`);
        else byIdNumber.set(idNumber.value, row.row);
      }
      if (externalId === undefined || name === undefined) continue;
      parsed.push({
        row: row.row,
        externalId,
        name,
        phone,
        idNumber,
        gender,
        birthDate,
        householdCode,
        residenceUnitCode,
        reader,
      });
    }

    const units = await this.loadUnits(context, parsed);
    const people = await this.loadPeople(context, parsed);
    const idOwners = await this.loadIdNumberOwners(context, parsed);
    const rows: PersonImportRow[] = [];
    for (const person of parsed) {
      const { reader, residenceUnitCode, ...fields } = person;
      const current = people.get(person.externalId);
      if (current !== undefined && !scopeCovers(context.scope, current)) {
        reader.error('externalId', `人员编号“${person.externalId}”已被您管辖范围以外的人员使用`);
      }
      if (person.idNumber) {
        const owner = idOwners.get(person.idNumber.index);
        if (owner !== undefined && owner !== person.externalId) reader.error('idNumber', '该身份证号已登记给其他人员');
      }
      if (residenceUnitCode === undefined) continue;
      const unit = units.get(residenceUnitCode);
      if (!unit || !scopeCovers(context.scope, unit.path)) {
        reader.error('residenceUnitCode', `居住单元编码“${residenceUnitCode}”不存在或不在您的管辖范围内`);
        continue;
      }
      if (!RESIDENCE_KINDS.includes(unit.kind)) {
        reader.error(
          'residenceUnitCode',
          `居住单元须为社区、网格、小区或楼栋，而“${residenceUnitCode}”是“${UNIT_KIND_DISPLAY[unit.kind]}”`,
        );
        continue;
      }
      if (!reader.failed) rows.push({ ...fields, residence: { id: unit.id, path: unit.path } });
    }
    return { rowCount: table.rows.length, rows: errors.count > 0 ? [] : rows };
  }

  private phone(reader: RowReader): PersonImportRow['phone'] {
    const text = reader.text('phone');
    if (text === undefined) return undefined;
    const value = normalizeMainlandMobile(text);
    if (value === undefined) {
      reader.error('phone', `手机号“${text}”格式不正确（须为 11 位手机号码）`);
      return undefined;
    }
    return { value, index: this.pii.blindIndex(PHONE_INDEX_KIND, value) };
  }

  private idNumber(reader: RowReader): PersonImportRow['idNumber'] {
    const text = reader.text('idNumber');
    if (text === undefined) return undefined;
    const value = normalizeResidentIdNumber(text);
    if (value === undefined) {
      reader.error('idNumber', '身份证号格式不正确（须为 18 位，出生日期有效且校验位正确）');
      return undefined;
    }
    return { value, index: this.pii.blindIndex(ID_NUMBER_INDEX_KIND, value) };
  }

  private async loadUnits(
    context: ImportContext,
    parsed: ParsedPerson[],
  ): Promise<Map<string, { id: string; kind: UnitKind; path: string }>> {
    const codes = [
      ...new Set(parsed.flatMap((person) => (person.residenceUnitCode ? [person.residenceUnitCode] : []))),
    ];
    const rows: { id: string; code: string; kind: UnitKind; path: string }[] = await context.manager.query(
      'SELECT id, code, kind, path FROM units WHERE code = ANY($1::text[])',
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }

  /** External id → the person's current residence path. */
  private async loadPeople(context: ImportContext, parsed: ParsedPerson[]): Promise<Map<string, string>> {
    const rows: { external_id: string; residence_path: string }[] = await context.manager.query(
      'SELECT external_id, residence_path FROM people WHERE external_id = ANY($1::text[])',
      [parsed.map((person) => person.externalId)],
    );
    return new Map(rows.map((row) => [row.external_id, row.residence_path]));
  }

  /** ID-number index → the external id of the person holding it ('' when that person has none). */
  private async loadIdNumberOwners(context: ImportContext, parsed: ParsedPerson[]): Promise<Map<string, string>> {
    const indexes = parsed.flatMap((person) => (person.idNumber ? [person.idNumber.index] : []));
    if (indexes.length === 0) return new Map();
    const rows: { external_id: string | null; id_number_index: string }[] = await context.manager.query(
      'SELECT external_id, id_number_index FROM people WHERE id_number_index = ANY($1::text[])',
      [indexes],
    );
    return new Map(rows.map((row) => [row.id_number_index, row.external_id ?? '']));
  }
}
