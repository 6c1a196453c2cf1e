import {
  analyticsFixtures as fx,
  bootApi,
  createLoggedInUser,
  createUnitTree,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
  withTestDb,
} from '@linli/testing';

/**
 * 示范市 › 示范区 › 街道甲 › 社区A, 社区B; 街道乙 › 社区C.
 * 社区A: 网格A1 (小区A1 with 楼A1-1..3, 小区A2 with 楼A2-1, 小区A3, lane 巷A1-1), 网格A2 (小区A4 with 楼A4-1, 小区A5).
 */
function tree(): UnitSpec {
  return {
    kind: 'city',
    name: '示范市',
    children: [
      {
        kind: 'district',
        name: '示范区',
        children: [
          {
            kind: 'street',
            name: '街道甲',
            children: [
              {
                kind: 'community',
                name: '社区A',
                residents: 10000,
                households: 3500,
                children: [
                  {
                    kind: 'grid',
                    name: '网格A1',
                    children: [
                      {
                        kind: 'complex',
                        name: '小区A1',
                        residents: 900,
                        children: [
                          { kind: 'building', name: '楼A1-1' },
                          { kind: 'building', name: '楼A1-2' },
                          { kind: 'building', name: '楼A1-3' },
                        ],
                      },
                      { kind: 'complex', name: '小区A2', children: [{ kind: 'building', name: '楼A2-1' }] },
                      { kind: 'complex', name: '小区A3' },
                      { kind: 'building', name: '巷A1-1' },
                    ],
                  },
                  {
                    kind: 'grid',
                    name: '网格A2',
                    children: [
                      { kind: 'complex', name: '小区A4', children: [{ kind: 'building', name: '楼A4-1' }] },
                      { kind: 'complex', name: '小区A5' },
                    ],
                  },
                ],
              },
              {
                kind: 'community',
                name: '社区B',
                residents: 8000,
                households: 2600,
                children: [
                  {
                    kind: 'grid',
                    name: '网格B1',
                    children: [{ kind: 'complex', name: '小区B1', children: [{ kind: 'building', name: '楼B1-1' }] }],
                  },
                ],
              },
            ],
          },
          {
            kind: 'street',
            name: '街道乙',
            children: [
              {
                kind: 'community',
                name: '社区C',
                residents: 6000,
                households: 2000,
                children: [{ kind: 'grid', name: '网格C1' }],
              },
            ],
          },
        ],
      },
    ],
  };
}

type Units = Map<string, ScenarioUnit>;

/** Organizations, members, staff and institutions with known answers (see the expectations below). */
async function populate(u: Units): Promise<{ jointId: string }> {
  const at = (name: string) => u.get(name) as ScenarioUnit;
  const communityOrg = await fx.organization({ kind: 'committee', name: '社区A党委', unit: at('社区A') });
  const branch = await fx.organization({
    kind: 'branch',
    name: '小区A1党支部',
    unit: at('小区A1'),
    parentId: communityOrg,
  });
  await fx.organization({ kind: 'party_group', name: '楼A1-1党小组', unit: at('楼A1-1'), parentId: branch });
  const jointId = await fx.organization({
    kind: 'joint_branch',
    name: '网格A1联合党支部',
    unit: at('小区A2'),
    covers: [at('小区A2'), at('小区A3')],
  });
  // 小区A5 is covered by a joint branch and by a general branch of its own: it counts as own.
  await fx.organization({ kind: 'joint_branch', name: '网格A2联合党支部', unit: at('小区A5') });
  await fx.organization({ kind: 'general_branch', name: '小区A5党总支', unit: at('小区A5') });

  // Members by residence: 3 resident full + 1 retired full in 楼A1-1, 1 in-service probationary in 小区A1, 2 floating full in 社区B.
  const a11 = await fx.members(branch, at('楼A1-1'), 3, { category: 'resident' });
  await fx.members(branch, at('楼A1-1'), 1, { category: 'retired' });
  await fx.members(branch, at('小区A1'), 1, { category: 'in_service', status: 'probationary' });
  await fx.members(communityOrg, at('社区B'), 2, { category: 'floating' });
  // A central household in 楼A1-2 (active) and one in 楼A1-3 that ended: only 楼A1-2 is covered by it.
  await fx.staffRole(a11.personIds[0], 'central_household', at('楼A1-2'));
  await fx.staffRole(a11.personIds[1], 'central_household', at('楼A1-3'), '2026-01-01T00:00:00Z');
  // Plain residents: 2 at 社区A itself, 5 in 楼A4-1, 4 in 社区C.
  await fx.people(at('社区A'), 2);
  await fx.people(at('楼A4-1'), 5);
  await fx.people(at('社区C'), 4);

  await fx.institution({ kind: 'agency', name: '街道司法所', unit: at('社区A'), partyOrganizationId: communityOrg });
  await fx.institution({ kind: 'private_enterprise', name: '幸福商贸有限公司', unit: at('网格A1') });
  await fx.institution({
    kind: 'social_organization',
    name: '邻里社工服务中心',
    unit: at('社区B'),
    partyOrganizationId: communityOrg,
  });
  return { jointId };
}

const kindCounts = (units: { kind: string; count: number }[]) =>
  Object.fromEntries(units.map((u) => [u.kind, u.count]));

describe('analytics: stats, coverage and blank spots of a subtree', () => {
  let api: TestApi;
  let units: Units;
  let admin: string;
  const id = (name: string) => (units.get(name) as ScenarioUnit).id;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(tree());
    await populate(units);
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(() => api.close());

  it("counts a community's coverage: own branch, joint branch only, uncovered; party groups and active central households; institutions by kind", async () => {
    const response = await api.get(`/api/v1/units/${id('社区A')}/coverage`, admin);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      complexes: { total: 5, ownBranch: 2, jointBranchOnly: 2, uncovered: 1 },
      buildings: { total: 6, covered: 2, uncovered: 4 },
      institutions: {
        total: 2,
        covered: 1,
        byKind: {
          agency: { total: 1, covered: 1 },
          state_enterprise: { total: 0, covered: 0 },
          private_enterprise: { total: 1, covered: 0 },
          social_organization: { total: 0, covered: 0 },
          new_business: { total: 0, covered: 0 },
        },
      },
    });
  });

  it('adds the communities up for a street and the city (read model) and answers the same as counting directly', async () => {
    const city = await api.get(`/api/v1/units/${id('示范市')}/coverage`, admin);
    expect(city.body.complexes).toEqual({ total: 6, ownBranch: 2, jointBranchOnly: 2, uncovered: 2 });
    expect(city.body.buildings).toEqual({ total: 7, covered: 2, uncovered: 5 });
    expect(city.body.institutions).toMatchObject({ total: 3, covered: 2 });
    const street = await api.get(`/api/v1/units/${id('街道甲')}/coverage`, admin);
    expect(street.body.complexes).toEqual({ total: 6, ownBranch: 2, jointBranchOnly: 2, uncovered: 2 });
  });

  it("gives a grid's and a building's coverage from their own subtree", async () => {
    const grid = await api.get(`/api/v1/units/${id('网格A1')}/coverage`, admin);
    expect(grid.body.complexes).toEqual({ total: 3, ownBranch: 1, jointBranchOnly: 2, uncovered: 0 });
    expect(grid.body.buildings).toEqual({ total: 5, covered: 2, uncovered: 3 });
    const building = await api.get(`/api/v1/units/${id('楼A1-2')}/coverage`, admin);
    expect(building.body.buildings).toEqual({ total: 1, covered: 1, uncovered: 0 });
    expect(building.body.complexes).toEqual({ total: 0, ownBranch: 0, jointBranchOnly: 0, uncovered: 0 });
  });

  it("states a community's units, its own declared residents, registered people and members by category and status", async () => {
    const response = await api.get(`/api/v1/units/${id('社区A')}/stats`, admin);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.unit).toMatchObject({ id: id('社区A'), kind: 'community', displayKind: '社区', name: '社区A' });
    expect(body.units.map((u: { kind: string }) => u.kind)).toEqual(['community', 'grid', 'complex', 'building']);
    expect(kindCounts(body.units)).toEqual({ community: 1, grid: 2, complex: 5, building: 6 });
    expect(body.units[2]).toEqual({ kind: 'complex', displayKind: '小区', count: 5 });
    expect(body).toMatchObject({ residents: 10000, households: 3500, residentsBasis: 'own' });
    // 5 members in 小区A1, 2 residents at the community, 5 in 楼A4-1.
    expect(body.people).toBe(12);
    expect(body.partyMembers).toMatchObject({ total: 5, full: 4, probationary: 1 });
    const byCategory = Object.fromEntries(
      body.partyMembers.byCategory.map((c: { category: string }) => [c.category, c]),
    );
    expect(byCategory.resident).toEqual({
      category: 'resident',
      displayCategory: '居民党员',
      total: 3,
      full: 3,
      probationary: 0,
    });
    expect(byCategory.retired).toMatchObject({ total: 1, full: 1 });
    expect(byCategory.in_service).toMatchObject({ total: 1, full: 0, probationary: 1 });
    expect(byCategory.floating).toMatchObject({ total: 0 });
  });

  it('sums the declared residents of the communities for a street and the city, and counts every member living in the subtree', async () => {
    const city = await api.get(`/api/v1/units/${id('示范市')}/stats`, admin);
    expect(kindCounts(city.body.units)).toEqual({
      city: 1,
      district: 1,
      street: 2,
      community: 3,
      grid: 4,
      complex: 6,
      building: 7,
    });
    expect(city.body).toMatchObject({ residents: 24000, households: 8100, residentsBasis: 'communities', people: 18 });
    expect(city.body.partyMembers).toMatchObject({ total: 7, full: 6, probationary: 1 });
    const street = await api.get(`/api/v1/units/${id('街道甲')}/stats`, admin);
    expect(street.body).toMatchObject({ residents: 18000, households: 6100, people: 14 });
    expect(kindCounts(street.body.units)).toEqual({ street: 1, community: 2, grid: 3, complex: 6, building: 7 });
  });

  it('gives a complex its own declared residents', async () => {
    const response = await api.get(`/api/v1/units/${id('小区A1')}/stats`, admin);
    expect(response.body).toMatchObject({ residents: 900, residentsBasis: 'own', people: 5 });
    expect(kindCounts(response.body.units)).toEqual({ complex: 1, building: 3 });
  });

  it('lists the blank spots in tree order with their community, grid and complex, flagging joint-branch-only complexes', async () => {
    const all = await api.get(`/api/v1/units/${id('社区A')}/blank-spots?limit=100`, admin);
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    const names = all.body.items.map((item: { name: string }) => item.name);
    expect([...names].sort()).toEqual(['小区A2', '小区A3', '小区A4', '巷A1-1', '楼A1-3', '楼A2-1', '楼A4-1'].sort());
    const paths = all.body.items.map((item: { path: string }) => item.path);
    expect(paths).toEqual([...paths].sort((a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const byName = Object.fromEntries(all.body.items.map((item: { name: string }) => [item.name, item]));
    expect(byName['小区A2']).toEqual({
      unitId: id('小区A2'),
      kind: 'complex',
      displayKind: '小区',
      name: '小区A2',
      path: (units.get('小区A2') as ScenarioUnit).path,
      jointBranchOnly: true,
      communityId: id('社区A'),
      communityName: '社区A',
      gridId: id('网格A1'),
      gridName: '网格A1',
      complexName: null,
    });
    expect(byName['小区A4']).toMatchObject({ jointBranchOnly: false, gridName: '网格A2' });
    expect(byName['楼A1-3']).toMatchObject({
      kind: 'building',
      displayKind: '楼栋',
      jointBranchOnly: false,
      complexName: '小区A1',
      gridName: '网格A1',
    });
    expect(byName['巷A1-1']).toMatchObject({ complexName: null, gridName: '网格A1' });
  });

  it('pages through the blank spots with a cursor, without gaps or repeats, and filters by kind', async () => {
    const everything = (await api.get(`/api/v1/units/${id('示范市')}/blank-spots?limit=100`, admin)).body.items.map(
      (i: { unitId: string }) => i.unitId,
    );
    expect(everything).toHaveLength(9);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const page = await api.get(`/api/v1/units/${id('示范市')}/blank-spots?${query}`, admin);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.items.map((i: { unitId: string }) => i.unitId));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(everything);

    const buildings = await api.get(`/api/v1/units/${id('示范市')}/blank-spots?kind=building&limit=100`, admin);
    expect(buildings.body.items.every((i: { kind: string }) => i.kind === 'building')).toBe(true);
    expect(buildings.body.items).toHaveLength(5);
  });

  it('refuses a bad kind, a bad cursor and a malformed id with problem+json', async () => {
    const kind = await api.get(`/api/v1/units/${id('社区A')}/blank-spots?kind=grid`, admin);
    expect(kind.status).toBe(400);
    expect(kind.headers['content-type']).toContain('application/problem+json');
    expect(kind.body).toMatchObject({ code: 'validation.failed' });
    const cursor = await api.get(`/api/v1/units/${id('社区A')}/blank-spots?cursor=not-a-cursor`, admin);
    expect(cursor.status).toBe(400);
    expect(cursor.body.code).toBe('pagination.invalid-cursor');
    const malformed = await api.get(`/api/v1/units/not-a-uuid/stats`, admin);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('validation.failed');
  });

  it("answers 404 for a sibling community outside the caller's grant, exactly as for an unknown unit", async () => {
    const secretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: id('社区A'),
      unitPath: (units.get('社区A') as ScenarioUnit).path,
    });
    expect((await api.get(`/api/v1/units/${id('社区A')}/stats`, secretary.token)).status).toBe(200);
    expect((await api.get(`/api/v1/units/${id('楼A1-1')}/coverage`, secretary.token)).status).toBe(200);
    for (const route of ['stats', 'coverage', 'blank-spots']) {
      const sibling = await api.get(`/api/v1/units/${id('社区B')}/${route}`, secretary.token);
      expect(sibling.status).toBe(404);
      expect(sibling.body.code).toBe('resource.not-found');
      const parent = await api.get(`/api/v1/units/${id('街道甲')}/${route}`, secretary.token);
      expect(parent.status).toBe(404);
    }
    const unknown = await api.get(`/api/v1/units/00000000-0000-4000-8000-000000000000/stats`, secretary.token);
    expect(unknown.status).toBe(404);
  });

  it('refuses a role without analytics.read (403) and an anonymous caller (401)', async () => {
    const clerk = await createLoggedInUser(api, { role: 'store_clerk' });
    expect((await api.get(`/api/v1/units/${id('社区A')}/stats`, clerk.token)).status).toBe(403);
    expect((await api.get(`/api/v1/units/${id('社区A')}/stats`)).status).toBe(401);
  });
});

describe('analytics read model: street and city figures stay exact as data changes', () => {
  let api: TestApi;
  let units: Units;
  let admin: string;
  let jointId: string;
  const id = (name: string) => (units.get(name) as ScenarioUnit).id;
  const at = (name: string) => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(tree());
    ({ jointId } = await populate(units));
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(() => api.close());

  const stats = async (name: string) => (await api.get(`/api/v1/units/${id(name)}/stats`, admin)).body;
  const coverage = async (name: string) => (await api.get(`/api/v1/units/${id(name)}/coverage`, admin)).body;

  /** A street's or city's figures must equal the sum of its communities' figures (counted directly). */
  async function expectSumOfCommunities(parent: string, communities: string[]): Promise<void> {
    const [whole, parts, wholeCoverage, partsCoverage] = await Promise.all([
      stats(parent),
      Promise.all(communities.map(stats)),
      coverage(parent),
      Promise.all(communities.map(coverage)),
    ]);
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(whole.people).toBe(sum(parts.map((p) => p.people)));
    expect(whole.partyMembers.full).toBe(sum(parts.map((p) => p.partyMembers.full)));
    expect(whole.partyMembers.probationary).toBe(sum(parts.map((p) => p.partyMembers.probationary)));
    for (const kind of ['grid', 'complex', 'building']) {
      expect(kindCounts(whole.units)[kind]).toBe(sum(parts.map((p) => kindCounts(p.units)[kind])));
    }
    for (const field of ['total', 'ownBranch', 'jointBranchOnly', 'uncovered'] as const) {
      expect(wholeCoverage.complexes[field]).toBe(sum(partsCoverage.map((c) => c.complexes[field])));
    }
    expect(wholeCoverage.buildings.covered).toBe(sum(partsCoverage.map((c) => c.buildings.covered)));
  }

  it('follows inserts of people and members, and a changed member status', async () => {
    expect((await stats('街道乙')).people).toBe(4);
    await fx.people(at('网格C1'), 6);
    const members = await fx.members(jointId, at('网格C1'), 2, { category: 'new_employment' });
    expect((await stats('街道乙')).people).toBe(12);
    expect((await stats('示范市')).partyMembers).toMatchObject({ total: 9, full: 8 });
    await withTestDb((db) =>
      db.query(`UPDATE party_members SET status = 'probationary' WHERE id = $1`, [members.memberIds[0]]),
    );
    expect((await stats('示范市')).partyMembers).toMatchObject({ total: 9, full: 7, probationary: 2 });
    await expectSumOfCommunities('示范市', ['社区A', '社区B', '社区C']);
  });

  it('follows coverage changes: a new party group, an ended central household, a joint branch turned into a branch', async () => {
    const before = await coverage('街道甲');
    await fx.organization({ kind: 'party_group', name: '楼A2-1党小组', unit: at('楼A2-1') });
    await withTestDb((db) =>
      db.query(`UPDATE staff_roles SET ended_at = now() WHERE role = 'central_household' AND unit_id = $1`, [
        id('楼A1-2'),
      ]),
    );
    await withTestDb((db) => db.query(`UPDATE party_organizations SET kind = 'branch' WHERE id = $1`, [jointId]));
    const after = await coverage('街道甲');
    expect(after.buildings.covered).toBe(before.buildings.covered);
    expect(after.complexes).toEqual({ total: 6, ownBranch: 4, jointBranchOnly: 0, uncovered: 2 });
    await expectSumOfCommunities('街道甲', ['社区A', '社区B']);
  });

  it('follows a community moved to another street and a grid moved to another community', async () => {
    const moved = await api.post(`/api/v1/units/${id('社区C')}/move`, { parentId: id('街道甲') }, admin);
    expect(moved.status).toBe(200);
    expect((await stats('街道乙')).people).toBe(0);
    expect(kindCounts((await stats('街道乙')).units)).toEqual({
      street: 1,
      community: 0,
      grid: 0,
      complex: 0,
      building: 0,
    });
    await expectSumOfCommunities('街道甲', ['社区A', '社区B', '社区C']);

    const gridMoved = await api.post(`/api/v1/units/${id('网格A2')}/move`, { parentId: id('社区B') }, admin);
    expect(gridMoved.status).toBe(200);
    expect(kindCounts((await stats('社区A')).units)).toMatchObject({ grid: 1, complex: 3 });
    expect(kindCounts((await stats('社区B')).units)).toMatchObject({ grid: 2, complex: 3 });
    await expectSumOfCommunities('街道甲', ['社区A', '社区B', '社区C']);
    await expectSumOfCommunities('示范市', ['社区A', '社区B', '社区C']);
  });

  it('gives every one of several readers racing after a change the same, exact answer', async () => {
    const before = (await stats('示范市')).people;
    await fx.people(at('社区B'), 3);
    await fx.people(at('楼A1-1'), 2);
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, () => stats('示范市')),
      ...Array.from({ length: 4 }, () => stats('街道甲')),
    ]);
    expect(answers.slice(0, 4).map((a) => a.people)).toEqual([before + 5, before + 5, before + 5, before + 5]);
    expect(new Set(answers.slice(4).map((a) => a.people)).size).toBe(1);
    await expectSumOfCommunities('示范市', ['社区A', '社区B', '社区C']);
  });

  it('follows deletes of people, members and units', async () => {
    const before = await stats('示范市');
    await withTestDb(async (db) => {
      await db.query(
        `DELETE FROM party_members WHERE person_id IN (SELECT id FROM people WHERE residence_unit_id = $1)`,
        [id('网格C1')],
      );
      await db.query(
        `DELETE FROM people WHERE residence_unit_id = $1 AND id NOT IN (SELECT person_id FROM party_members)`,
        [id('网格C1')],
      );
    });
    const deleted = await api.request('DELETE', `/api/v1/units/${id('楼B1-1')}`, { token: admin });
    expect(deleted.status).toBe(204);
    const after = await stats('示范市');
    expect(after.people).toBe(before.people - 8);
    expect(kindCounts(after.units).building).toBe(kindCounts(before.units).building - 1);
    await expectSumOfCommunities('示范市', ['社区A', '社区B', '社区C']);
  });
});
