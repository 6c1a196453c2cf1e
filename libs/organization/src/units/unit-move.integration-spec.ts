import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioPerson,
  ScenarioUnit,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';

/** Rows whose stored copy of a unit path differs from the unit's current path, per table: all zero when the tree is consistent. */
const STALE_PATHS_SQL = `
  SELECT (SELECT count(*) FROM units c JOIN units p ON p.id = c.parent_id
           WHERE c.path <> p.path || '.' || c.seq OR c.depth <> p.depth + 1)::int AS units,
         (SELECT count(*) FROM people x JOIN units u ON u.id = x.residence_unit_id WHERE x.residence_path <> u.path)::int AS people,
         (SELECT count(*) FROM party_members m JOIN people x ON x.id = m.person_id WHERE m.residence_path <> x.residence_path)::int AS party_members,
         (SELECT count(*) FROM party_organizations x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS party_organizations,
         (SELECT count(*) FROM organization_coverage x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS organization_coverage,
         (SELECT count(*) FROM institutions x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS institutions,
         (SELECT count(*) FROM dual_registrations x JOIN units u ON u.id = x.community_unit_id WHERE x.community_path <> u.path)::int AS dual_registrations,
         (SELECT count(*) FROM staff_roles x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS staff_roles,
         (SELECT count(*) FROM structure_findings x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS structure_findings,
         (SELECT count(*) FROM users x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS users,
         (SELECT count(*) FROM role_grants x JOIN units u ON u.id = x.unit_id WHERE x.unit_path <> u.path)::int AS role_grants`;

const CONSISTENT = {
  units: 0,
  people: 0,
  party_members: 0,
  party_organizations: 0,
  organization_coverage: 0,
  institutions: 0,
  dual_registrations: 0,
  staff_roles: 0,
  structure_findings: 0,
  users: 0,
  role_grants: 0,
};

async function stalePaths(): Promise<Record<string, number>> {
  return withTestDb(async (client) => (await client.query(STALE_PATHS_SQL)).rows[0]);
}

async function pathOf(unitId: string): Promise<string> {
  return withTestDb(
    async (client) => (await client.query('SELECT path FROM units WHERE id = $1', [unitId])).rows[0].path,
  );
}

/**
 * 示范市 ── 示范区 ─┬─ 东街道 ─┬─ 社区A ── 网格A1 ── 小区A1 ── 楼栋A1-1
 *                  │          └─ 社区B ── 网格B1
 *                  └─ 西街道 ─── 社区C ── 网格C1
 */
describe('moving a subtree', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let cityAdmin: { token: string; id: string };
  let eastAdmin: { token: string };
  let communityAAdmin: { token: string };
  let westSecretary: { token: string };
  let eastSecretary: { token: string };
  let gridA1Worker: { token: string };
  let resident: ScenarioPerson;
  let worker: ScenarioPerson;
  let bystander: ScenarioPerson;
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree({
      kind: 'city',
      name: '示范市',
      children: [
        {
          kind: 'district',
          name: '示范区',
          children: [
            {
              kind: 'street',
              name: '东街道',
              children: [
                {
                  kind: 'community',
                  name: '社区A',
                  children: [
                    {
                      kind: 'grid',
                      name: '网格A1',
                      children: [
                        { kind: 'complex', name: '小区A1', children: [{ kind: 'building', name: '楼栋A1-1' }] },
                      ],
                    },
                  ],
                },
                { kind: 'community', name: '社区B', children: [{ kind: 'grid', name: '网格B1' }] },
              ],
            },
            {
              kind: 'street',
              name: '西街道',
              children: [{ kind: 'community', name: '社区C', children: [{ kind: 'grid', name: '网格C1' }] }],
            },
          ],
        },
      ],
    });
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    cityAdmin = await createLoggedInUser(api, { role: 'admin', ...at('示范市') });
    eastAdmin = await createLoggedInUser(api, { role: 'admin', ...at('东街道') });
    communityAAdmin = await createLoggedInUser(api, { role: 'admin', ...at('社区A') });
    westSecretary = await createLoggedInUser(api, { role: 'secretary', ...at('西街道') });
    eastSecretary = await createLoggedInUser(api, { role: 'secretary', ...at('东街道') });
    gridA1Worker = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') });
    [resident, worker, bystander] = await createPeople([
      { name: '李居民', residence: unit('楼栋A1-1') },
      { name: '赵网格员', residence: unit('社区A') },
      { name: '钱邻居', residence: unit('网格B1') },
    ]);
    // One row of every table that keeps a copy of a unit path, inside the subtree that will move.
    await withTestDb(async (client) => {
      const org = await client.query(
        `INSERT INTO party_organizations (kind, name, unit_id, unit_path) VALUES ('branch', '小区A1党支部', $1, $2) RETURNING id`,
        [unit('小区A1').id, unit('小区A1').path],
      );
      const orgId = org.rows[0].id;
      await client.query(
        `INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3), ($1, $4, $5)`,
        [orgId, unit('小区A1').id, unit('小区A1').path, unit('楼栋A1-1').id, unit('楼栋A1-1').path],
      );
      const member = await client.query(
        `INSERT INTO party_members (person_id, organization_id, category, status, joined_at, residence_path) VALUES ($1, $2, 'in_service', 'full', '2001-07-01', $3) RETURNING id`,
        [resident.id, orgId, resident.residencePath],
      );
      await client.query(
        `INSERT INTO institutions (kind, name, unit_id, unit_path) VALUES ('private_enterprise', '网格A1快递站', $1, $2)`,
        [unit('网格A1').id, unit('网格A1').path],
      );
      await client.query(
        `INSERT INTO dual_registrations (kind, community_unit_id, community_path, member_id, period_start) VALUES ('member', $1, $2, $3, '2024-01-01')`,
        [unit('社区A').id, unit('社区A').path, member.rows[0].id],
      );
      await client.query(
        `INSERT INTO staff_roles (person_id, role, unit_id, unit_path) VALUES ($1, 'grid_worker', $2, $3)`,
        [worker.id, unit('网格A1').id, unit('网格A1').path],
      );
      await client.query(
        `INSERT INTO structure_findings (period_key, city_unit_id, rule, unit_id, unit_path, message) VALUES ('2026-01', $1, 'branch.missing', $2, $3, '示例')`,
        [unit('示范市').id, unit('小区A1').id, unit('小区A1').path],
      );
    });
    expect(await stalePaths()).toEqual(CONSISTENT);
  });
  afterAll(() => api.close());

  it('refuses to move a unit under itself or one of its own descendants, and changes nothing', async () => {
    const community = unit('社区A');
    expectProblem(
      await api.post(`/api/v1/units/${community.id}/move`, { parentId: unit('网格A1').id }, cityAdmin.token),
      409,
      'organization.unit-move-into-own-subtree',
    );
    expectProblem(
      await api.post(`/api/v1/units/${community.id}/move`, { parentId: community.id }, cityAdmin.token),
      409,
      'organization.unit-move-into-own-subtree',
    );
    expect(await pathOf(community.id)).toBe(community.path);
  });

  it('refuses a new parent of a wrong kind, naming the allowed one', async () => {
    const response = await api.post(
      `/api/v1/units/${unit('社区A').id}/move`,
      { parentId: unit('社区C').id },
      cityAdmin.token,
    );
    expectProblem(response, 400, 'organization.unit-parent-kind');
    expect(response.body.detail).toBe('社区的上级单位只能是街道，所选上级单位是社区');
  });

  it('answers 404 when the new parent is outside the caller’s scope, and 403 when the current one is', async () => {
    expectProblem(
      await api.post(`/api/v1/units/${unit('社区A').id}/move`, { parentId: unit('西街道').id }, eastAdmin.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/units/${unit('网格A1').id}/move`, { parentId: unit('社区B').id }, communityAAdmin.token),
      404,
      'resource.not-found',
    );
    // Administers the community and the street it would move to, but not the street it is in.
    const twoGrants = await createLoggedInUser(api, {
      grants: [
        { role: 'admin', unitId: unit('社区A').id, unitPath: unit('社区A').path },
        { role: 'admin', unitId: unit('西街道').id, unitPath: unit('西街道').path },
      ],
    });
    expectProblem(
      await api.post(`/api/v1/units/${unit('社区A').id}/move`, { parentId: unit('西街道').id }, twoGrants.token),
      403,
      'organization.unit-parent-forbidden',
    );
    expect(await pathOf(unit('社区A').id)).toBe(unit('社区A').path);
  });

  it('moves a community with its grids, complexes and buildings, rewriting every stored path in one go', async () => {
    const community = unit('社区A');
    const west = unit('西街道');
    const response = await api.post(`/api/v1/units/${community.id}/move`, { parentId: west.id }, cityAdmin.token);
    expect(response.status).toBe(200);
    const newPath = `${west.path}.${community.path.split('.').pop()}`;
    expect(response.body).toMatchObject({ id: community.id, parentId: west.id, path: newPath, depth: 3 });

    expect(await pathOf(unit('楼栋A1-1').id)).toBe(`${newPath}${unit('楼栋A1-1').path.slice(community.path.length)}`);
    expect(await stalePaths()).toEqual(CONSISTENT);
    const untouched = await withTestDb((client) =>
      client.query('SELECT residence_path FROM people WHERE id = $1', [bystander.id]),
    );
    expect(untouched.rows[0].residence_path).toBe(bystander.residencePath);

    const audit = await withTestDb((client) =>
      client.query(`SELECT actor_user_id, data FROM audit_log WHERE action = 'units.moved' AND target_id = $1`, [
        community.id,
      ]),
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_user_id).toBe(cityAdmin.id);
    expect(audit.rows[0].data).toMatchObject({
      oldPath: community.path,
      newPath,
      rewritten: {
        units: 4,
        people: 2,
        partyMembers: 1,
        partyOrganizations: 1,
        organizationCoverage: 2,
        institutions: 1,
        dualRegistrations: 1,
        staffRoles: 1,
        structureFindings: 1,
      },
    });
  });

  it('keeps subtree queries right after the move: children, people under the old and the new ancestors', async () => {
    const childrenOf = async (name: string) =>
      (await api.get(`/api/v1/units/${unit(name).id}/children`, cityAdmin.token)).body.items
        .map((u: { name: string }) => u.name)
        .sort();
    expect(await childrenOf('西街道')).toEqual(['社区A', '社区C'].sort());
    expect(await childrenOf('东街道')).toEqual(['社区B']);

    const peopleUnder = async (name: string) =>
      (await api.get(`/api/v1/people?unitId=${unit(name).id}&limit=100`, cityAdmin.token)).body.items
        .map((p: { name: string }) => p.name)
        .sort();
    expect(await peopleUnder('西街道')).toEqual([resident.name, worker.name].sort());
    expect(await peopleUnder('东街道')).toEqual([bystander.name]);
    expect(await peopleUnder('网格A1')).toEqual([resident.name]);
  });

  it('lets a grant at the new ancestor reach the moved subtree, and no longer one at the old ancestor', async () => {
    expect((await api.get(`/api/v1/people/${resident.id}`, westSecretary.token)).status).toBe(200);
    expect((await api.get(`/api/v1/units/${unit('楼栋A1-1').id}`, westSecretary.token)).status).toBe(200);
    expectProblem(await api.get(`/api/v1/people/${resident.id}`, eastSecretary.token), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/units/${unit('社区A').id}`, eastSecretary.token), 404, 'resource.not-found');
    // A grant inside the moved subtree moved with it.
    expect((await api.get(`/api/v1/people/${resident.id}`, gridA1Worker.token)).status).toBe(200);
  });

  it('moves a grid between communities of different streets and back, leaving the tree consistent', async () => {
    const grid = unit('网格C1');
    const there = await api.post(`/api/v1/units/${grid.id}/move`, { parentId: unit('社区B').id }, cityAdmin.token);
    expect(there.status).toBe(200);
    expect(there.body.parentId).toBe(unit('社区B').id);
    const back = await api.post(`/api/v1/units/${grid.id}/move`, { parentId: unit('社区C').id }, cityAdmin.token);
    expect(back.body.path).toBe(grid.path);
    expect(await stalePaths()).toEqual(CONSISTENT);
  });

  it('keeps every path consistent when people and units are added inside a subtree while it moves', async () => {
    const grid = unit('网格C1');
    const writes = [
      ...Array.from({ length: 8 }, (_, i) =>
        api.post('/api/v1/people', { name: `并发居民${i}`, residenceUnitId: grid.id }, cityAdmin.token),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        api.post('/api/v1/units', { kind: 'complex', name: `并发小区${i}`, parentId: grid.id }, cityAdmin.token),
      ),
    ];
    const [move, ...created] = await Promise.all([
      api.post(`/api/v1/units/${grid.id}/move`, { parentId: unit('社区B').id }, cityAdmin.token),
      ...writes,
    ]);
    expect(move.status).toBe(200);
    expect(created.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(await stalePaths()).toEqual(CONSISTENT);
    const people = await api.get(
      `/api/v1/people?unitId=${unit('社区B').id}&q=${encodeURIComponent('并发居民')}&limit=100`,
      cityAdmin.token,
    );
    expect(people.body.items).toHaveLength(8);
  });
});
