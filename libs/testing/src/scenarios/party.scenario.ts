import { Client } from 'pg';
import { withTestDb } from '../test-database';

export interface PartyScenarioPerson {
  id: string;
  name: string;
  residenceUnitId: string;
  residencePath: string;
}

export interface ScenarioPartyOrganization {
  id: string;
  kind: string;
  name: string;
  unitId: string;
  unitPath: string;
}

async function unitPath(client: Client, unitId: string): Promise<string> {
  const { rows } = await client.query<{ path: string }>('SELECT path FROM units WHERE id = $1', [unitId]);
  if (!rows[0]) throw new Error(`scenario: unknown unit ${unitId}`);
  return rows[0].path;
}

/** Inserts a person (no personal data) living at a unit, with the unit's path as `residence_path`. */
export function createPerson(spec: { name: string; residenceUnitId: string }): Promise<PartyScenarioPerson> {
  return withTestDb(async (client) => {
    const residencePath = await unitPath(client, spec.residenceUnitId);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO people (name, residence_unit_id, residence_path) VALUES ($1, $2, $3) RETURNING id',
      [spec.name, spec.residenceUnitId, residencePath],
    );
    return { id: rows[0].id, name: spec.name, residenceUnitId: spec.residenceUnitId, residencePath };
  });
}

/** Inserts a party organization anchored at `unitId`, covering `coveredUnitIds` (default: the anchor). */
export function createPartyOrganization(spec: {
  kind: 'committee' | 'general_branch' | 'branch' | 'joint_branch' | 'party_group';
  name: string;
  unitId: string;
  parentId?: string;
  coveredUnitIds?: string[];
  code?: string;
}): Promise<ScenarioPartyOrganization> {
  return withTestDb(async (client) => {
    const path = await unitPath(client, spec.unitId);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO party_organizations (kind, name, code, unit_id, unit_path, parent_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [spec.kind, spec.name, spec.code ?? null, spec.unitId, path, spec.parentId ?? null],
    );
    for (const covered of spec.coveredUnitIds ?? [spec.unitId]) {
      await client.query(
        'INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3)',
        [rows[0].id, covered, await unitPath(client, covered)],
      );
    }
    return { id: rows[0].id, kind: spec.kind, name: spec.name, unitId: spec.unitId, unitPath: path };
  });
}

/** Inserts a party member of an organization (the person's residence path copied) and raises the organization's counts. */
export function createMember(spec: {
  personId: string;
  organizationId: string;
  category?: 'resident' | 'retired' | 'in_service' | 'floating' | 'new_employment';
  status?: 'full' | 'probationary';
  joinedAt?: string;
}): Promise<{ id: string }> {
  const status = spec.status ?? 'full';
  return withTestDb(async (client) => {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO party_members (person_id, organization_id, category, status, joined_at, residence_path)
       SELECT p.id, $2, $3, $4, $5, p.residence_path FROM people p WHERE p.id = $1 RETURNING id`,
      [spec.personId, spec.organizationId, spec.category ?? 'resident', status, spec.joinedAt ?? '2010-07-01'],
    );
    if (!rows[0]) throw new Error(`scenario: unknown person ${spec.personId}`);
    await client.query(
      'UPDATE party_organizations SET member_count = member_count + 1, full_member_count = full_member_count + $2 WHERE id = $1',
      [spec.organizationId, status === 'full' ? 1 : 0],
    );
    await client.query('COMMIT');
    return { id: rows[0].id };
  });
}

/** Inserts an institution (workplace: agency, enterprise…) at a unit, optionally with its party organization. */
export function createInstitution(spec: {
  kind?: 'agency' | 'state_enterprise' | 'private_enterprise' | 'social_organization' | 'new_business';
  name: string;
  unitId: string;
  partyOrganizationId?: string;
}): Promise<{ id: string; unitPath: string }> {
  return withTestDb(async (client) => {
    const path = await unitPath(client, spec.unitId);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO institutions (kind, name, unit_id, unit_path, party_organization_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [spec.kind ?? 'agency', spec.name, spec.unitId, path, spec.partyOrganizationId ?? null],
    );
    return { id: rows[0].id, unitPath: path };
  });
}

/** Inserts an officer (secretary by default) of a party organization; `endedAt` for a former one. */
export function createOfficer(spec: {
  organizationId: string;
  personId: string;
  role?: 'secretary' | 'deputy_secretary' | 'committee_member';
  termStart?: string;
  endedAt?: string;
}): Promise<{ id: string }> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO organization_officers (organization_id, person_id, role, term_start, ended_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [
        spec.organizationId,
        spec.personId,
        spec.role ?? 'secretary',
        spec.termStart ?? '2025-01-01',
        spec.endedAt ?? null,
      ],
    );
    return { id: rows[0].id };
  });
}

/** Inserts a staff role (grid worker of a grid, building head…) of a person at a unit; `endedAt` for a former one. */
export function createStaffRole(spec: {
  personId: string;
  role: 'grid_worker' | 'building_head' | 'central_household' | 'community_worker';
  unitId: string;
  endedAt?: string;
}): Promise<{ id: string }> {
  return withTestDb(async (client) => {
    const path = await unitPath(client, spec.unitId);
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO staff_roles (person_id, role, unit_id, unit_path, ended_at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [spec.personId, spec.role, spec.unitId, path, spec.endedAt ?? null],
    );
    return { id: rows[0].id };
  });
}
