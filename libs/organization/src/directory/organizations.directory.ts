import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DualRegistrationKind } from '../dual-registrations/dual-registration.entity';
import { InstitutionKind } from '../institutions/institution-kind';
import { OrganizationKind } from '../party-organizations/organization-kind';
import { StaffRoleKind } from '../staff-roles/staff-role-kind';
import {
  DirectoryDualRegistration,
  DirectoryInstitution,
  DirectoryOrganization,
  DirectoryStaffRole,
  DualRegistrationFilter,
} from './directory-types';
import { knownIds } from './known-ids';

interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  unit_id: string;
  unit_path: string;
  covered_unit_ids: string[];
  secretary_person_id: string | null;
}

const ORGANIZATION_SELECT = `
  SELECT o.id, o.kind, o.name, o.unit_id, o.unit_path,
         ARRAY(SELECT c.unit_id FROM organization_coverage c WHERE c.organization_id = o.id ORDER BY c.unit_path)::text[] AS covered_unit_ids,
         (SELECT f.person_id FROM organization_officers f WHERE f.organization_id = o.id AND f.role = 'secretary' AND f.ended_at IS NULL) AS secretary_person_id
    FROM party_organizations o`;

function toOrganization(row: OrganizationRow): DirectoryOrganization {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    coveredUnitIds: row.covered_unit_ids,
    secretaryPersonId: row.secretary_person_id,
  };
}

/** The organizations, institutions, dual registrations and staff half of organization's directory (see `OrganizationDirectory`). */
@Injectable()
export class OrganizationsDirectory {
  constructor(private readonly dataSource: DataSource) {}

  /** id → party organization (kind, anchor, covered units, current secretary); unknown ids are absent. */
  async byIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DirectoryOrganization>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<OrganizationRow>(manager, `${ORGANIZATION_SELECT} WHERE o.id = ANY($1::uuid[])`, [
      unique,
    ]);
    return new Map(rows.map((row) => [row.id, toOrganization(row)]));
  }

  /** The party organizations anchored in the subtree at `path`, by id. */
  async within(path: string, manager: EntityManager = this.dataSource.manager): Promise<DirectoryOrganization[]> {
    const rows = await queryRows<OrganizationRow>(
      manager,
      `${ORGANIZATION_SELECT} WHERE o.unit_path = $1 OR o.unit_path LIKE $2 ORDER BY o.id`,
      [path, descendantsPattern(path)],
    );
    return rows.map(toOrganization);
  }

  /**
   * unit id → the party organizations whose coverage includes the unit (a complex's own branch, a
   * joint branch of several complexes, a building's party group…), by id; units covered by none are
   * absent. One query for any number of units.
   */
  async covering(
    unitIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DirectoryOrganization[]>> {
    const unique = knownIds(unitIds);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<OrganizationRow>(
      manager,
      `${ORGANIZATION_SELECT} WHERE o.id IN (SELECT organization_id FROM organization_coverage WHERE unit_id = ANY($1::uuid[])) ORDER BY o.id`,
      [unique],
    );
    const wanted = new Set(unique);
    const result = new Map<string, DirectoryOrganization[]>();
    for (const organization of rows.map(toOrganization))
      for (const unitId of organization.coveredUnitIds.filter((id) => wanted.has(id)))
        result.set(unitId, [...(result.get(unitId) ?? []), organization]);
    return result;
  }

  /** id → institution (agency, enterprise, social organization…); unknown ids are absent. */
  async institutions(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DirectoryInstitution>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<{
      id: string;
      kind: InstitutionKind;
      name: string;
      unit_id: string;
      unit_path: string;
      party_organization_id: string | null;
    }>(
      manager,
      'SELECT id, kind, name, unit_id, unit_path, party_organization_id FROM institutions WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          kind: row.kind,
          name: row.name,
          unitId: row.unit_id,
          unitPath: row.unit_path,
          partyOrganizationId: row.party_organization_id,
        },
      ]),
    );
  }

  /** Dual registrations (双报到) in force on `filter.onDate` at any of the communities, of any of the people or organizations named. */
  async dualRegistrations(
    filter: DualRegistrationFilter,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryDualRegistration[]> {
    const communities = knownIds(filter.communityUnitIds ?? []);
    const people = knownIds(filter.personIds ?? []);
    const organizations = knownIds(filter.organizationIds ?? []);
    if (communities.length + people.length + organizations.length === 0) return [];
    const rows = await queryRows<RegistrationRow>(
      manager,
      `${REGISTRATION_SELECT}
        WHERE d.ended_at IS NULL AND d.period_start <= $1::date AND (d.period_end IS NULL OR d.period_end >= $1::date)
          AND ($5::varchar IS NULL OR d.kind = $5)
          AND (d.community_unit_id = ANY($2::uuid[]) OR m.person_id = ANY($3::uuid[]) OR d.organization_id = ANY($4::uuid[]))
        ORDER BY d.community_path, d.id`,
      [filter.onDate, communities, people, organizations, filter.kind ?? null],
    );
    return rows.map(toRegistration);
  }

  /** Active staff roles (grid worker of a grid, building head…) held at any of `unitIds`, optionally only of `roles`. */
  async staffAt(
    unitIds: string[],
    roles?: StaffRoleKind[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryStaffRole[]> {
    const unique = knownIds(unitIds);
    if (unique.length === 0) return [];
    const rows = await queryRows<{ person_id: string; role: StaffRoleKind; unit_id: string; unit_path: string }>(
      manager,
      `SELECT person_id, role, unit_id, unit_path FROM staff_roles
        WHERE ended_at IS NULL AND unit_id = ANY($1::uuid[]) AND ($2::varchar[] IS NULL OR role = ANY($2::varchar[]))
        ORDER BY unit_path, role, person_id`,
      [unique, roles ?? null],
    );
    return rows.map((row) => ({
      personId: row.person_id,
      role: row.role,
      unitId: row.unit_id,
      unitPath: row.unit_path,
    }));
  }

  /**
   * The dual registrations (双报到) not ended, whatever their period, of the communities in the
   * subtree at `path`: what a yearly two-way evaluation there rates. By community path, then id.
   */
  async registrationsWithin(
    path: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryDualRegistration[]> {
    const rows = await queryRows<RegistrationRow>(
      manager,
      `${REGISTRATION_SELECT}
        WHERE d.ended_at IS NULL AND (d.community_path = $1 OR d.community_path LIKE $2)
        ORDER BY d.community_path, d.id`,
      [path, descendantsPattern(path)],
    );
    return rows.map(toRegistration);
  }
}

const REGISTRATION_SELECT = `
  SELECT d.id, d.kind, d.community_unit_id, d.community_path, d.member_id, m.person_id, d.organization_id, d.institution_id,
         to_char(d.period_start, 'YYYY-MM-DD') AS period_start, to_char(d.period_end, 'YYYY-MM-DD') AS period_end
    FROM dual_registrations d LEFT JOIN party_members m ON m.id = d.member_id`;

interface RegistrationRow {
  id: string;
  kind: DualRegistrationKind;
  community_unit_id: string;
  community_path: string;
  member_id: string | null;
  person_id: string | null;
  organization_id: string | null;
  institution_id: string | null;
  period_start: string;
  period_end: string | null;
}

function toRegistration(row: RegistrationRow): DirectoryDualRegistration {
  return {
    id: row.id,
    kind: row.kind,
    communityUnitId: row.community_unit_id,
    communityPath: row.community_path,
    memberId: row.member_id,
    personId: row.person_id,
    organizationId: row.organization_id,
    institutionId: row.institution_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}
