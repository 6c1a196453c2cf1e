import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { Client } from 'pg';

const SEATS = '/api/v1/property/seats';

/**
 * 小区A1: its own branch (secretary 书记甲, a party member) whose secretary chairs the committee (一肩挑),
 * a contract in force, a party-member building head. 小区B1: a joint branch anchored at 社区B whose
 * secretary does not chair its committee; no contract. 小区A2: nothing at all.
 */
describe('property seats and the three carriages: cross-appointment, 一肩挑, party members, what complexes lack', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: { token: string; id: string; personId: string };
  let secretaryB: string;
  let admin: string;
  let complexA2: string;
  const people = new Map<string, string>();
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const person = (name: string) => people.get(name) as string;

  async function resident(client: Client, name: string, building: string, organizationId?: string): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ($1, $2, $3) RETURNING id`,
      [name, unit(building).id, unit(building).path],
    );
    if (organizationId)
      await client.query(
        `INSERT INTO party_members (person_id, organization_id, category, status, joined_at, residence_path)
         VALUES ($1, $2, 'resident', 'full', '2010-07-01', $3)`,
        [rows[0].id, organizationId, unit(building).path],
      );
    people.set(name, rows[0].id);
    return rows[0].id;
  }

  async function organization(client: Client, kind: string, name: string, anchor: string, covers: string[]) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO party_organizations (kind, name, unit_id, unit_path) VALUES ($1, $2, $3, $4) RETURNING id`,
      [kind, name, unit(anchor).id, unit(anchor).path],
    );
    for (const covered of covers)
      await client.query(
        `INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3)`,
        [rows[0].id, unit(covered).id, unit(covered).path],
      );
    return rows[0].id;
  }

  async function committee(client: Client, complex: string, members: string[], userId: string) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO property_committees (complex_id, unit_path, elected_on, term_ends_on, chair_person_id, created_by_user_id)
       VALUES ($1, $2, '2026-01-10', '2031-01-10', $3, $4) RETURNING id`,
      [unit(complex).id, unit(complex).path, members[0], userId],
    );
    for (const member of members)
      await client.query(
        `INSERT INTO property_committee_members (committee_id, person_id, joined_on) VALUES ($1, $2, '2026-01-10')`,
        [rows[0].id, member],
      );
  }

  async function owns(client: Client, complex: string, personIds: string[]) {
    for (const [i, personId] of personIds.entries()) {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO property_parts (complex_id, unit_path, building, number, area_m2) VALUES ($1, $2, '1栋', $3, 90) RETURNING id`,
        [unit(complex).id, unit(complex).path, `${i + 1}01`],
      );
      await client.query(
        `INSERT INTO property_part_owners (part_id, person_id, started_on) VALUES ($1, $2, '2020-01-01')`,
        [rows[0].id, personId],
      );
    }
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    const created = await api.post(
      '/api/v1/units',
      { kind: 'complex', name: '小区A2', parentId: unit('网格A1').id },
      admin,
    );
    expect(created.status).toBe(201);
    complexA2 = created.body.id;
    const staffA = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
    secretaryA = { token: staffA.token, id: staffA.id, personId: '' };
    secretaryB = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区B').id, unitPath: unit('社区B').path })
    ).token;
    await withTestDb(async (client) => {
      const branchA = await organization(client, 'branch', '小区A1党支部', '小区A1', ['小区A1']);
      const jointB = await organization(client, 'joint_branch', '社区B联合党支部', '社区B', ['小区B1', '社区B']);
      const secretaryOfA = await resident(client, '书记甲', '楼栋A1-1', branchA);
      const partyMemberA = await resident(client, '党员乙', '楼栋A1-1', branchA);
      const a1 = [secretaryOfA, partyMemberA];
      for (const name of ['业主丙', '业主丁', '业主戊']) a1.push(await resident(client, name, '楼栋A1-1'));
      const headA = await resident(client, '楼长己', '楼栋A1-1', branchA);
      await resident(client, '租户寅', '楼栋A1-1');
      const secretaryOfB = await resident(client, '书记庚', '楼栋B1-1', jointB);
      const b1: string[] = [];
      for (const name of ['业主辛', '业主壬', '业主癸', '业主子', '业主丑'])
        b1.push(await resident(client, name, '楼栋B1-1'));
      for (const [organizationId, personId] of [
        [branchA, secretaryOfA],
        [jointB, secretaryOfB],
      ])
        await client.query(
          `INSERT INTO organization_officers (organization_id, person_id, role, term_start) VALUES ($1, $2, 'secretary', '2025-01-01')`,
          [organizationId, personId],
        );
      await owns(client, '小区A1', [...a1, headA]);
      await owns(client, '小区B1', [...b1, secretaryOfB]);
      await committee(client, '小区A1', a1, staffA.id);
      await committee(client, '小区B1', b1, staffA.id);
      const company = await client.query<{ id: string }>(
        `INSERT INTO property_companies (name, credit_code, created_by_user_id) VALUES ('安居物业', '91110105MA01ABCD3X', $1) RETURNING id`,
        [staffA.id],
      );
      await client.query(
        `INSERT INTO property_contracts (company_id, complex_id, unit_path, starts_on, created_by_user_id) VALUES ($1, $2, $3, '2025-01-01', $4)`,
        [company.rows[0].id, unit('小区A1').id, unit('小区A1').path, staffA.id],
      );
    });
  });
  afterAll(() => api.close());

  it('records seats of the recorded bodies once, refusing derived bodies, foreign roles, non-owner representatives and your own', async () => {
    const seat = (body: Record<string, unknown>, token = secretaryA.token) =>
      api.post(SEATS, { complexId: unit('小区A1').id, ...body }, token);
    expectProblem(
      await seat({ body: 'party_branch', role: 'secretary', personId: person('党员乙') }),
      400,
      'property.seat-derived',
    );
    expectProblem(
      await seat({ body: 'owners_committee', role: 'member', personId: person('党员乙') }),
      400,
      'property.seat-derived',
    );
    expectProblem(
      await seat({ body: 'building_heads', role: 'chair', personId: person('楼长己') }),
      400,
      'property.seat-role',
    );
    expectProblem(
      await seat({ body: 'owner_representatives', role: 'representative', personId: person('书记庚') }),
      404,
      'resource.not-found',
    ); // 书记庚 lives in 社区B, outside 社区A's scope
    expectProblem(
      await seat({ body: 'owner_representatives', role: 'representative', personId: person('租户寅') }),
      400,
      'property.seat-not-owner',
    );
    expect((await seat({ body: 'deliberation_council', role: 'member', personId: person('租户寅') })).status).toBe(201);
    expectProblem(
      await seat({ body: 'building_heads', role: 'head', personId: person('楼长己') }, secretaryB),
      404,
      'resource.not-found',
    );
    const own = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
      personId: person('业主丙'),
    });
    expectProblem(
      await seat({ body: 'deliberation_council', role: 'member', personId: person('业主丙') }, own.token),
      403,
      'property.self-authorization',
    );

    const racing = await Promise.all(
      Array.from({ length: 10 }, () => seat({ body: 'building_heads', role: 'head', personId: person('楼长己') })),
    );
    expect(racing.map((response) => response.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(racing.find((response) => response.status === 201)?.body).toMatchObject({
      bodyDisplay: '楼栋长',
      roleDisplay: '楼栋长',
      name: '楼长己',
      endedOn: null,
    });
    expect(await countRows(`SELECT count(*) FROM property_seats WHERE person_id = $1`, [person('楼长己')])).toBe(1);
    expect((await seat({ body: 'deliberation_council', role: 'chair', personId: person('业主丁') })).status).toBe(201);
    const listed = await api.get(`${SEATS}?complexId=${unit('小区A1').id}&current=true`, secretaryA.token);
    expect(listed.body.items.map((item: { name: string }) => item.name).sort()).toEqual(
      ['业主丁', '楼长己', '租户寅'].sort(),
    );
    expect((await api.get(`${SEATS}?complexId=${unit('小区A1').id}`, secretaryB)).body.items).toEqual([]);

    const council = listed.body.items.find((item: { name: string }) => item.name === '业主丁');
    expectProblem(await api.post(`${SEATS}/${council.id}/end`, {}, secretaryB), 404, 'resource.not-found');
    const ended = await api.post(`${SEATS}/${council.id}/end`, {}, secretaryA.token);
    expect(ended.status).toBe(200);
    expect(ended.body.endedOn).not.toBeNull();
    expectProblem(await api.post(`${SEATS}/${council.id}/end`, {}, secretaryA.token), 409, 'property.seat-ended');
  });

  it('shows a complex’s positions across its bodies: the secretary who chairs the committee (一肩挑), party members, cross-appointed first', async () => {
    const view = await api.get(`/api/v1/property/complexes/${unit('小区A1').id}/cross-appointment`, secretaryA.token);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      branchName: '小区A1党支部',
      branchCoverage: 'own',
      hasCompany: true,
      yijiantiao: true,
    });
    expect(view.body.people[0]).toMatchObject({
      name: '书记甲',
      partyMember: true,
      bodies: 2,
      positions: [
        { body: 'party_branch', bodyDisplay: '小区党支部', roleDisplay: '书记' },
        { body: 'owners_committee', bodyDisplay: '业主委员会', roleDisplay: '主任' },
      ],
    });
    const b1 = (await api.get(`/api/v1/property/complexes/${unit('小区B1').id}/cross-appointment`, secretaryB)).body;
    expect(b1).toMatchObject({
      branchName: '社区B联合党支部',
      branchCoverage: 'joint',
      hasCompany: false,
      yijiantiao: false,
    });
    expectProblem(
      await api.get(`/api/v1/property/complexes/${unit('小区B1').id}/cross-appointment`, secretaryA.token),
      404,
      'resource.not-found',
    );
  });

  it('sums a subtree: 一肩挑 of the complexes with both, party members in the committees, and every complex lacking something', async () => {
    const street = (await api.get(`/api/v1/property/units/${unit('示范街道').id}/property-overview`, admin)).body;
    expect(street).toMatchObject({
      complexes: 3,
      withOwnBranch: 1,
      withJointBranch: 1,
      withCommittee: 2,
      withCompany: 1,
      yijiantiao: { total: 2, count: 1, rate: 0.5 },
      committeePartyMembers: { total: 10, count: 2, rate: 0.2 },
    });
    expect(street.lacking).toEqual([
      { complexId: complexA2, name: '小区A2', lacks: ['branch', 'committee', 'company'] },
      { complexId: unit('小区B1').id, name: '小区B1', lacks: ['company'] },
    ]);
    const building = street.bodies.find((body: { body: string }) => body.body === 'building_heads');
    expect(building.partyMembers).toEqual({ total: 1, count: 1, rate: 1 });
    expect(street.crossAppointed).toMatchObject({ count: 1 });

    const a = (await api.get(`/api/v1/property/units/${unit('社区A').id}/property-overview`, secretaryA.token)).body;
    const b = (await api.get(`/api/v1/property/units/${unit('社区B').id}/property-overview`, secretaryB)).body;
    for (const figure of ['complexes', 'withOwnBranch', 'withJointBranch', 'withCommittee', 'withCompany'])
      expect(street[figure]).toBe(a[figure] + b[figure]);
    expect(street.committeePartyMembers.total).toBe(a.committeePartyMembers.total + b.committeePartyMembers.total);
    expect(a.yijiantiao).toEqual({ total: 1, count: 1, rate: 1 });
    expectProblem(
      await api.get(`/api/v1/property/units/${unit('社区B').id}/property-overview`, secretaryA.token),
      404,
      'resource.not-found',
    );
  });
});
