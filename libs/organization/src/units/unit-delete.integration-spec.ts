import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  createUser,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';

async function unitExists(id: string): Promise<boolean> {
  return withTestDb(async (client) => (await client.query('SELECT 1 FROM units WHERE id = $1', [id])).rowCount === 1);
}

describe('deleting a unit', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let cityAdmin: { token: string; id: string };
  let communityAAdmin: { token: string };
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };
  const remove = (id: string, token: string) => api.request('DELETE', `/api/v1/units/${id}`, { token });

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    cityAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: unit('示范市').id,
      unitPath: unit('示范市').path,
    });
    communityAAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
  });
  afterAll(() => api.close());

  it('refuses to delete a unit that still holds child units and residents, naming them, and deletes nothing', async () => {
    const community = unit('社区A');
    await createPeople([
      { name: '孙居民', residence: community },
      { name: '周居民', residence: community },
    ]);
    const response = await remove(community.id, cityAdmin.token);
    expectProblem(response, 409, 'organization.unit-not-empty');
    expect(response.body.detail).toBe(
      '「社区A」仍有下级单位 1 个、居住人员 2 人、归属该单位的账号 1 个、在该单位授予的角色 1 个，不能删除；请先移走或删除这些内容',
    );
    expect(response.body.holdings).toMatchObject({ childUnits: 1, people: 2, accounts: 1, grants: 1, institutions: 0 });
    expect(await unitExists(community.id)).toBe(true);
    const audit = await withTestDb((client) => client.query(`SELECT 1 FROM audit_log WHERE action = 'units.deleted'`));
    expect(audit.rowCount).toBe(0);
  });

  it('names organizations, institutions, staff roles and registrations a leaf still holds', async () => {
    const building = unit('楼栋B1-1');
    const community = unit('社区B');
    const [head] = await createPeople([{ name: '吴楼栋长', residence: unit('小区B1') }]);
    await withTestDb(async (client) => {
      const org = await client.query(
        `INSERT INTO party_organizations (kind, name, unit_id, unit_path) VALUES ('party_group', '楼栋党小组', $1, $2) RETURNING id`,
        [building.id, building.path],
      );
      await client.query(
        `INSERT INTO organization_coverage (organization_id, unit_id, unit_path) VALUES ($1, $2, $3)`,
        [org.rows[0].id, building.id, building.path],
      );
      await client.query(
        `INSERT INTO institutions (kind, name, unit_id, unit_path) VALUES ('new_business', '楼下便利店', $1, $2)`,
        [building.id, building.path],
      );
      await client.query(
        `INSERT INTO staff_roles (person_id, role, unit_id, unit_path) VALUES ($1, 'building_head', $2, $3)`,
        [head.id, building.id, building.path],
      );
      await client.query(
        `INSERT INTO dual_registrations (kind, community_unit_id, community_path, organization_id, period_start) VALUES ('organization', $1, $2, $3, '2025-01-01')`,
        [community.id, community.path, org.rows[0].id],
      );
    });
    const response = await remove(building.id, cityAdmin.token);
    expectProblem(response, 409, 'organization.unit-not-empty');
    expect(response.body.detail).toBe(
      '「楼栋B1-1」仍有设在该单位的党组织 1 个、覆盖该单位的党组织 1 个、驻区单位 1 个、网格员、楼栋长等任职记录 1 条，不能删除；请先移走或删除这些内容',
    );
    expect(await unitExists(building.id)).toBe(true);

    const registrations = await remove(community.id, cityAdmin.token);
    expect(registrations.body.detail).toContain('双报到记录 1 条');
  });

  it('deletes an empty leaf (204), audited, after which it is gone', async () => {
    const created = await api.post(
      '/api/v1/units',
      { kind: 'building', name: '待拆楼栋', parentId: unit('小区A1').id },
      communityAAdmin.token,
    );
    expect(created.status).toBe(201);
    await withTestDb((client) =>
      client.query(
        `INSERT INTO structure_findings (period_key, city_unit_id, rule, unit_id, unit_path, message) VALUES ('2026-01', $1, 'grid.no-worker', $2, $3, '示例')`,
        [unit('示范市').id, created.body.id, created.body.path],
      ),
    );
    const response = await remove(created.body.id, communityAAdmin.token);
    expect(response.status).toBe(204);
    expect(response.body).toBe('');
    expectProblem(await api.get(`/api/v1/units/${created.body.id}`, communityAAdmin.token), 404, 'resource.not-found');
    const audit = await withTestDb((client) =>
      client.query(`SELECT data, unit_path FROM audit_log WHERE action = 'units.deleted' AND target_id = $1`, [
        created.body.id,
      ]),
    );
    expect(audit.rows).toEqual([
      { data: expect.objectContaining({ kind: 'building', name: '待拆楼栋' }), unit_path: created.body.path },
    ]);
    const findings = await withTestDb((client) =>
      client.query('SELECT 1 FROM structure_findings WHERE unit_id = $1', [created.body.id]),
    );
    expect(findings.rowCount).toBe(0);
  });

  it('refuses to delete a unit whose parent is outside the caller’s scope (their own root), and answers 404 for a sibling’s', async () => {
    const ownRoot = await api.post(
      '/api/v1/units',
      { kind: 'grid', name: '空网格', parentId: unit('社区B').id },
      cityAdmin.token,
    );
    const gridAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: ownRoot.body.id,
      unitPath: ownRoot.body.path,
    });
    expectProblem(await remove(ownRoot.body.id, gridAdmin.token), 403, 'organization.unit-parent-forbidden');
    expectProblem(await remove(ownRoot.body.id, communityAAdmin.token), 404, 'resource.not-found');
    expectProblem(await remove(randomUUID(), cityAdmin.token), 404, 'resource.not-found');
    expect(await unitExists(ownRoot.body.id)).toBe(true);
  });

  it('counts a grant or a home unit of an account at the unit as something it holds', async () => {
    const created = await api.post(
      '/api/v1/units',
      { kind: 'building', name: '有账号的楼栋', parentId: unit('小区A1').id },
      cityAdmin.token,
    );
    await createUser(api, { role: 'grid_worker', unitId: created.body.id, unitPath: created.body.path });
    const response = await remove(created.body.id, cityAdmin.token);
    expectProblem(response, 409, 'organization.unit-not-empty');
    expect(response.body.holdings).toMatchObject({ accounts: 1, grants: 1 });
  });
});
