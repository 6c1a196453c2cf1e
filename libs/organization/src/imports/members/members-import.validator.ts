import { Injectable } from '@nestjs/common';
import { BusinessCalendar, scopeCovers } from '@linli/platform';
import { MemberCategory, MemberStatus } from '../../members/member-category';
import { columnLabels } from '../columns/column-labels';
import { ImportTable } from '../columns/import-row';
import { ImportContext } from '../import-context';
import { RowErrors } from '../validation/row-errors';
import { RowReader } from '../validation/row-reader';
import {
  MEMBER_CATEGORY_HINT,
  MEMBER_CATEGORY_SPELLINGS,
  MEMBER_STATUS_HINT,
  MEMBER_STATUS_SPELLINGS,
} from './member-spellings';
import { MemberImportRow, MembersImportPlan } from './members-import.plan';

const LABELS = columnLabels('members');

interface ParsedMember {
  reader: RowReader;
  personExternalId: string;
  organizationCode: string;
  category?: MemberCategory;
  status?: MemberStatus;
  joinedAt?: string;
}

interface KnownPerson {
  id: string;
  external_id: string;
  residence_path: string;
  member_organization_id: string | null;
  member_organization_code: string | null;
}

interface KnownOrganization {
  id: string;
  code: string;
  unit_id: string;
  unit_path: string;
}

/**
 * Checks a members file: the person (by external id, imported before) and the party organization
 * (by code) must exist and lie in the caller's scope, category and status are known values, the
 * joining date is a past day, a person appears once; and a member whose organizational relation
 * sits in another organization is refused (that is a transfer, with its own history).
 */
@Injectable()
export class MembersImportValidator {
  constructor(private readonly calendar: BusinessCalendar) {}

  async validate(table: ImportTable, context: ImportContext, errors: RowErrors): Promise<MembersImportPlan> {
    const today = this.calendar.periodOf(context.now, 'day').key;
    const parsed: ParsedMember[] = [];
    const byPerson = new Map<string, number>();
    for (const row of table.rows) {
      const reader = new RowReader(row, table, errors, LABELS);
      const personExternalId = reader.text('personExternalId', { required: true, maxLength: 64 });
      const organizationCode = reader.text('organizationCode', { required: true, maxLength: 64 });
      const category = reader.choice('category', MEMBER_CATEGORY_SPELLINGS, {
        required: true,
        hint: MEMBER_CATEGORY_HINT,
      });
      const status = reader.choice('status', MEMBER_STATUS_SPELLINGS, { required: true, hint: MEMBER_STATUS_HINT });
      const joinedAt = reader.date('joinedAt', { required: true });
      if (joinedAt && joinedAt > today) reader.error('joinedAt', `入党日期 ${joinedAt} 晚于今天`);
      if (personExternalId !== undefined) {
        const first = byPerson.get(personExternalId);
        if (first !== undefined) reader.error('personExternalId', `人员编号“${personExternalId}”与第 ${first} 行重复`);
        else byPerson.set(personExternalId, row.row);
      }
      if (personExternalId === undefined || organizationCode === undefined) continue;
      parsed.push({ reader, personExternalId, organizationCode, category, status, joinedAt });
    }

    const people = await this.loadPeople(context, parsed);
    const organizations = await this.loadOrganizations(context, parsed);
    const rows: MemberImportRow[] = [];
    for (const member of parsed) {
      const { reader } = member;
      const person = people.get(member.personExternalId);
      const organization = organizations.get(member.organizationCode);
      if (!person || !scopeCovers(context.scope, person.residence_path)) {
        reader.error(
          'personExternalId',
          `人员编号“${member.personExternalId}”不存在或不在您的管辖范围内（请先导入人员）`,
        );
      }
      if (!organization || !scopeCovers(context.scope, organization.unit_path)) {
        reader.error('organizationCode', `党组织编码“${member.organizationCode}”不存在或不在您的管辖范围内`);
      }
      if (
        person &&
        organization &&
        person.member_organization_id !== null &&
        person.member_organization_id !== organization.id
      ) {
        const from = person.member_organization_code ? `“${person.member_organization_code}”` : '其他党组织';
        reader.error('organizationCode', `该党员的组织关系在${from}，请通过组织关系转接办理，不能通过导入变更`);
      }
      if (reader.failed || !person || !organization || !member.category || !member.status || !member.joinedAt) continue;
      rows.push({
        row: reader.rowNumber,
        personExternalId: member.personExternalId,
        personId: person.id,
        residencePath: person.residence_path,
        organizationId: organization.id,
        organizationUnitId: organization.unit_id,
        organizationUnitPath: organization.unit_path,
        category: member.category,
        status: member.status,
        joinedAt: member.joinedAt,
      });
    }
    return { rowCount: table.rows.length, rows: errors.count > 0 ? [] : rows };
  }

  private async loadPeople(context: ImportContext, parsed: ParsedMember[]): Promise<Map<string, KnownPerson>> {
    const rows: KnownPerson[] = await context.manager.query(
      `SELECT p.id, p.external_id, p.residence_path, m.organization_id AS member_organization_id, o.code AS member_organization_code
         FROM people p
         LEFT JOIN party_members m ON m.person_id = p.id
         LEFT JOIN party_organizations o ON o.id = m.organization_id
        WHERE p.external_id = ANY($1::text[])`,
      [parsed.map((member) => member.personExternalId)],
    );
    return new Map(rows.map((row) => [row.external_id, row]));
  }

  private async loadOrganizations(
    context: ImportContext,
    parsed: ParsedMember[],
  ): Promise<Map<string, KnownOrganization>> {
    const rows: KnownOrganization[] = await context.manager.query(
      'SELECT id, code, unit_id, unit_path FROM party_organizations WHERE code = ANY($1::text[])',
      [[...new Set(parsed.map((member) => member.organizationCode))]],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }
}
