import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  createUser,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  withTestDb,
} from '@linli/testing';

function grantsOf(userId: string): Promise<{ role: string; unit_id: string; unit_path: string }[]> {
  return withTestDb(
    async (client) =>
      (
        await client.query('SELECT role, unit_id, unit_path FROM role_grants WHERE user_id = $1 ORDER BY role', [
          userId,
        ])
      ).rows,
  );
}

describe('staff roles', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

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
              name: '示范街道',
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
                    {
                      kind: 'grid',
                      name: '网格A2',
                      children: [
                        { kind: 'complex', name: '小区A2', children: [{ kind: 'building', name: '楼栋A2-1' }] },
                      ],
                    },
                  ],
                },
                {
                  kind: 'community',
                  name: '社区B',
                  children: [{ kind: 'grid', name: '网格B1', children: [{ kind: 'complex', name: '小区B1' }] }],
                },
              ],
            },
          ],
        },
      ],
    });
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(() => api.close());

  it("gives a grid worker with an account a grant that reaches exactly the grid's subtree, and takes only that grant away when the role ends", async () => {
    const person = await createPerson({ name: '网格员王芳', residenceUnitId: unit('小区A1').id });
    // A grant given by hand elsewhere must survive the role's end.
    const account = await createLoggedInUser(api, {
      personId: person.id,
      grants: [{ role: 'auditor', unitId: unit('社区B').id, unitPath: unit('社区B').path }],
    });
    expectProblem(await api.get(`/api/v1/units/${unit('小区A1').id}`, account.token), 404, 'resource.not-found');

    const appointed = await api.post(
      '/api/v1/staff-roles',
      { personId: person.id, role: 'grid_worker', unitId: unit('网格A1').id },
      admin,
    );

    expect(appointed.status).toBe(201);
    expect(appointed.body).toMatchObject({
      personName: '网格员王芳',
      role: 'grid_worker',
      displayRole: '网格员',
      unitId: unit('网格A1').id,
      active: true,
      endedAt: null,
    });
    expect(appointed.body.grantId).toEqual(expect.any(String));
    expect(await grantsOf(account.id)).toEqual([
      { role: 'auditor', unit_id: unit('社区B').id, unit_path: unit('社区B').path },
      { role: 'grid_worker', unit_id: unit('网格A1').id, unit_path: unit('网格A1').path },
    ]);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'grants.created' AND target_id = $1 AND data->>'grantId' = $2`,
        [account.id, appointed.body.grantId],
      ),
    ).toBe(1);
    expect((await api.get(`/api/v1/units/${unit('网格A1').id}`, account.token)).status).toBe(200);
    expect((await api.get(`/api/v1/units/${unit('楼栋A1-1').id}`, account.token)).status).toBe(200);
    expectProblem(await api.get(`/api/v1/units/${unit('小区A2').id}`, account.token), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/units/${unit('社区A').id}`, account.token), 404, 'resource.not-found');

    const ended = await api.request('DELETE', `/api/v1/staff-roles/${appointed.body.id}`, { token: admin });

    expect(ended.status).toBe(204);
    expect(await grantsOf(account.id)).toEqual([
      { role: 'auditor', unit_id: unit('社区B').id, unit_path: unit('社区B').path },
    ]);
    expect(
      await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'grants.revoked' AND data->>'grantId' = $1`, [
        appointed.body.grantId,
      ]),
    ).toBe(1);
    expectProblem(await api.get(`/api/v1/units/${unit('小区A1').id}`, account.token), 404, 'resource.not-found');
    const history = await api.get(`/api/v1/staff-roles?personId=${person.id}&includeEnded=true`, admin);
    expect(history.body.items).toEqual([
      expect.objectContaining({ id: appointed.body.id, active: false, endedAt: expect.any(String) }),
    ]);
    expect((await api.get(`/api/v1/staff-roles?personId=${person.id}`, admin)).body.items).toEqual([]);
    expectProblem(
      await api.request('DELETE', `/api/v1/staff-roles/${appointed.body.id}`, { token: admin }),
      409,
      'organization.staff-role-ended',
    );
  });

  it('maps community workers to a grid_worker grant at the community, and building roles and people without accounts to no grant', async () => {
    const worker = await createPerson({ name: '社工李强', residenceUnitId: unit('社区A').id });
    const workerAccount = await createUser(api, { personId: worker.id });
    const head = await createPerson({ name: '楼栋长赵敏', residenceUnitId: unit('楼栋A1-1').id });
    const headAccount = await createUser(api, { personId: head.id });
    const noAccount = await createPerson({ name: '网格员孙丽', residenceUnitId: unit('小区A2').id });

    const community = await api.post(
      '/api/v1/staff-roles',
      { personId: worker.id, role: 'community_worker', unitId: unit('社区A').id },
      admin,
    );
    const building = await api.post(
      '/api/v1/staff-roles',
      { personId: head.id, role: 'building_head', unitId: unit('楼栋A1-1').id },
      admin,
    );
    const household = await api.post(
      '/api/v1/staff-roles',
      { personId: head.id, role: 'central_household', unitId: unit('楼栋A1-1').id },
      admin,
    );
    const grid = await api.post(
      '/api/v1/staff-roles',
      { personId: noAccount.id, role: 'grid_worker', unitId: unit('网格A2').id },
      admin,
    );

    expect([community.status, building.status, household.status, grid.status]).toEqual([201, 201, 201, 201]);
    expect(await grantsOf(workerAccount.id)).toEqual([
      { role: 'grid_worker', unit_id: unit('社区A').id, unit_path: unit('社区A').path },
    ]);
    expect(await grantsOf(headAccount.id)).toEqual([]);
    expect([building.body.grantId, household.body.grantId, grid.body.grantId]).toEqual([null, null, null]);
    expect(household.body.displayRole).toBe('党员中心户');
  });

  it('keeps a grant given by hand when the role would bring the same one', async () => {
    const person = await createPerson({ name: '网格员周婷', residenceUnitId: unit('小区A2').id });
    const account = await createUser(api, {
      personId: person.id,
      grants: [{ role: 'grid_worker', unitId: unit('网格A2').id, unitPath: unit('网格A2').path }],
    });

    const appointed = await api.post(
      '/api/v1/staff-roles',
      { personId: person.id, role: 'grid_worker', unitId: unit('网格A2').id },
      admin,
    );
    expect(appointed.status).toBe(201);
    expect(appointed.body.grantId).toBeNull();
    expect((await api.request('DELETE', `/api/v1/staff-roles/${appointed.body.id}`, { token: admin })).status).toBe(
      204,
    );
    expect(await grantsOf(account.id)).toEqual([
      { role: 'grid_worker', unit_id: unit('网格A2').id, unit_path: unit('网格A2').path },
    ]);
  });

  it('refuses a unit of the wrong kind, a second active role and an unknown person, writing nothing', async () => {
    const person = await createPerson({ name: '错误任命', residenceUnitId: unit('小区A1').id });
    const before = await countRows('SELECT count(*) AS n FROM staff_roles');

    for (const [role, unitName] of [
      ['grid_worker', '社区A'],
      ['building_head', '小区A1'],
      ['central_household', '网格A1'],
      ['community_worker', '网格A1'],
    ]) {
      expectProblem(
        await api.post('/api/v1/staff-roles', { personId: person.id, role, unitId: unit(unitName).id }, admin),
        400,
        'organization.staff-role-unit-kind',
      );
    }
    expectProblem(
      await api.post(
        '/api/v1/staff-roles',
        { personId: randomUUID(), role: 'grid_worker', unitId: unit('网格A1').id },
        admin,
      ),
      404,
      'resource.not-found',
    );
    expect(await countRows('SELECT count(*) AS n FROM staff_roles')).toBe(before);

    expect(
      (
        await api.post(
          '/api/v1/staff-roles',
          { personId: person.id, role: 'grid_worker', unitId: unit('网格A1').id },
          admin,
        )
      ).status,
    ).toBe(201);
    expectProblem(
      await api.post(
        '/api/v1/staff-roles',
        { personId: person.id, role: 'grid_worker', unitId: unit('网格A1').id },
        admin,
      ),
      409,
      'organization.staff-role-exists',
    );
    expect(await countRows('SELECT count(*) AS n FROM staff_roles WHERE person_id = $1', [person.id])).toBe(1);
  });

  it("answers 404 for a sibling community's units and roles", async () => {
    const adminA = (
      await createLoggedInUser(api, { role: 'admin', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    const secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    const person = await createPerson({ name: '社区B网格员', residenceUnitId: unit('小区B1').id });
    const inB = await api.post(
      '/api/v1/staff-roles',
      { personId: person.id, role: 'grid_worker', unitId: unit('网格B1').id },
      admin,
    );

    expectProblem(
      await api.post(
        '/api/v1/staff-roles',
        { personId: person.id, role: 'building_head', unitId: unit('网格B1').id },
        adminA,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(await api.get(`/api/v1/staff-roles/${inB.body.id}`, secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.get(`/api/v1/staff-roles?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('DELETE', `/api/v1/staff-roles/${inB.body.id}`, { token: adminA }),
      404,
      'resource.not-found',
    );
    const listed = await api.get('/api/v1/staff-roles?role=grid_worker&limit=100', secretaryA);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: any) => r.id)).not.toContain(inB.body.id);
    expect(listed.body.items.every((r: any) => r.unitPath.startsWith(`${unit('社区A').path}.`))).toBe(true);
    expect(
      await countRows('SELECT count(*) AS n FROM staff_roles WHERE id = $1 AND ended_at IS NULL', [inB.body.id]),
    ).toBe(1);
  });

  it('answers bad input with problem+json', async () => {
    expectProblem(
      await api.post(
        '/api/v1/staff-roles',
        { personId: randomUUID(), role: 'mayor', unitId: unit('网格A1').id },
        admin,
      ),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/staff-roles', { personId: randomUUID(), role: 'grid_worker' }, admin),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(
        '/api/v1/staff-roles',
        { personId: randomUUID(), role: 'grid_worker', unitId: unit('网格A1').id, grantId: randomUUID() },
        admin,
      ),
      400,
      'validation.failed',
    );
    expectProblem(await api.request('DELETE', '/api/v1/staff-roles/abc', { token: admin }), 400, 'validation.failed');
    expectProblem(await api.get('/api/v1/staff-roles?includeEnded=maybe', admin), 400, 'validation.failed');
  });
});
