import { Client } from 'pg';
import { withTestDb } from '../test-database';
import { ScenarioUnit } from './unit-tree.scenario';

export type FixtureOrganizationKind = 'committee' | 'general_branch' | 'branch' | 'joint_branch' | 'party_group';
export type FixtureMemberCategory = 'resident' | 'retired' | 'in_service' | 'floating' | 'new_employment';
export type FixtureStaffRole = 'grid_worker' | 'building_head' | 'central_household' | 'community_worker';

let serial = 0;

async function people(client: Client, unit: ScenarioUnit, count: number, namePrefix: string): Promise<string[]> {
  if (count === 0) return [];
  const names = Array.from({ length: count }, () => `${namePrefix}${(serial += 1)}`);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO people (name, residence_unit_id, residence_path) SELECT n, $2, $3 FROM unnest($1::text[]) AS n RETURNING id`,
    [names, unit.id, unit.path],
  );
  return rows.map((r) => r.id);
}

/**
 * Rows of the organization tables written straight into the database (no services), for specs
 * that need a known tree: people, organizations with their coverage, members (the organization's
 * member counts kept in step), officers, staff roles, institutions, structure-rule overrides.
 */
export const analyticsFixtures = {
  /** `count` people living at `unit`; returns their ids. */
  people(unit: ScenarioUnit, count: number, namePrefix = '居民'): Promise<string[]> {
    return withTestDb((client) => people(client, unit, count, namePrefix));
  },

  /** An organization anchored at `unit`, covering `covers` (default: the anchor). */
  organization(spec: {
    kind: FixtureOrganizationKind;
    name: string;
    unit: ScenarioUnit;
    covers?: ScenarioUnit[];
    parentId?: string;
  }): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO party_organizations (kind, name, unit_id, unit_path, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [spec.kind, spec.name, spec.unit.id, spec.unit.path, spec.parentId ?? null],
      );
      for (const unit of spec.covers ?? [spec.unit]) {
        await client.query(
          `INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3)`,
          [rows[0].id, unit.id, unit.path],
        );
      }
      return rows[0].id;
    });
  },

  /** Adds a covered unit to an organization. */
  cover(organizationId: string, unit: ScenarioUnit): Promise<void> {
    return withTestDb(async (client) => {
      await client.query(
        `INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3)`,
        [organizationId, unit.id, unit.path],
      );
    });
  },

  /**
   * `count` new people living at `livingAt`, each a member of `organizationId` (null: members
   * are written only if an organization is given; use `organizationId` of any organization).
   */
  members(
    organizationId: string,
    livingAt: ScenarioUnit,
    count: number,
    options: { status?: 'full' | 'probationary'; category?: FixtureMemberCategory; joinedAt?: string } = {},
  ): Promise<{ personIds: string[]; memberIds: string[] }> {
    return withTestDb(async (client) => {
      const personIds = await people(client, livingAt, count, '党员');
      const status = options.status ?? 'full';
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO party_members (person_id, organization_id, category, status, joined_at, residence_path)
         SELECT p, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS p RETURNING id`,
        [
          personIds,
          organizationId,
          options.category ?? 'resident',
          status,
          options.joinedAt ?? '2010-07-01',
          livingAt.path,
        ],
      );
      await client.query(
        `UPDATE party_organizations SET member_count = member_count + $2, full_member_count = full_member_count + $3 WHERE id = $1`,
        [organizationId, count, status === 'full' ? count : 0],
      );
      return { personIds, memberIds: rows.map((r) => r.id) };
    });
  },

  officer(
    organizationId: string,
    personId: string,
    spec: {
      role: 'secretary' | 'deputy_secretary' | 'committee_member';
      termStart: string;
      termEnd?: string | null;
      endedAt?: string | null;
    },
  ): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO organization_officers (organization_id, person_id, role, term_start, term_end, ended_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [organizationId, personId, spec.role, spec.termStart, spec.termEnd ?? null, spec.endedAt ?? null],
      );
      return rows[0].id;
    });
  },

  /** A staff role of `personId` at `unit` (active unless `endedAt`). */
  staffRole(
    personId: string,
    role: FixtureStaffRole,
    unit: ScenarioUnit,
    endedAt: string | null = null,
  ): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO staff_roles (person_id, role, unit_id, unit_path, ended_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [personId, role, unit.id, unit.path, endedAt],
      );
      return rows[0].id;
    });
  },

  /** `count` staff roles of new people living at `unit`. */
  async staff(role: FixtureStaffRole, unit: ScenarioUnit, count: number): Promise<string[]> {
    const personIds = await analyticsFixtures.people(unit, count, '工作人员');
    const ids: string[] = [];
    for (const personId of personIds) ids.push(await analyticsFixtures.staffRole(personId, role, unit));
    return ids;
  },

  institution(spec: { kind: string; name: string; unit: ScenarioUnit; partyOrganizationId?: string }): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO institutions (kind, name, unit_id, unit_path, party_organization_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [spec.kind, spec.name, spec.unit.id, spec.unit.path, spec.partyOrganizationId ?? null],
      );
      return rows[0].id;
    });
  },

  /** Overrides one structure-check threshold for the deployment (`organization_structure_rules`). */
  structureRule(key: string, value: number): Promise<void> {
    return withTestDb(async (client) => {
      await client.query(
        `INSERT INTO organization_structure_rules (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [key, value],
      );
    });
  },
};
