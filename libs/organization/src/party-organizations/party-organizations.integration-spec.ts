import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  withTestDb,
} from '@linli/testing';

/** 示范市 → 示范区 → 示范街道 → 社区A (网格A1 → 小区A1 → 楼栋A1-1; 网格A2 → 小区A2) and 社区B (网格B1 → 小区B1). */
async function buildTree(): Promise<Map<string, ScenarioUnit>> {
  return createUnitTree({
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
                    children: [{ kind: 'complex', name: '小区A1', children: [{ kind: 'building', name: '楼栋A1-1' }] }],
                  },
                  { kind: 'grid', name: '网格A2', children: [{ kind: 'complex', name: '小区A2' }] },
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
}

describe('party organizations', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await buildTree();
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
  });
  afterAll(() => api.close());

  it('sets up a branch covering its anchor unit, publishes organization.organization.created and audits it', async () => {
    const response = await api.post(
      '/api/v1/party-organizations',
      { kind: 'branch', name: '小区A1党支部', unitId: unit('小区A1').id },
      secretaryA,
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'branch',
      displayKind: '党支部',
      name: '小区A1党支部',
      unitId: unit('小区A1').id,
      unitPath: unit('小区A1').path,
      parentId: null,
      coveredUnitIds: [unit('小区A1').id],
      memberCount: 0,
      fullMemberCount: 0,
      officers: [],
    });
    const id = response.body.id as string;
    const events = await withTestDb((client) =>
      client.query(`SELECT type, unit_id, actors, data FROM outbox_events WHERE data->>'organizationId' = $1`, [id]),
    );
    expect(events.rows).toEqual([
      {
        type: 'organization.organization.created',
        unit_id: unit('小区A1').id,
        actors: [{ organizationId: id, role: 'organization' }],
        data: { organizationId: id, kind: 'branch', parentId: null },
      },
    ]);
    expect(
      await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'organizations.created' AND target_id = $1`, [
        id,
      ]),
    ).toBe(1);
    expect((await api.get(`/api/v1/party-organizations/${id}`, secretaryA)).body).toEqual(response.body);
  });

  it('lets a joint branch cover several units and refuses one that covers a single unit', async () => {
    const joint = await api.post(
      '/api/v1/party-organizations',
      {
        kind: 'joint_branch',
        name: '社区A联合党支部',
        unitId: unit('社区A').id,
        coveredUnitIds: [unit('小区A1').id, unit('小区A2').id],
      },
      secretaryA,
    );
    expect(joint.status).toBe(201);
    expect(joint.body.displayKind).toBe('联合党支部');
    expect([...joint.body.coveredUnitIds].sort()).toEqual([unit('小区A1').id, unit('小区A2').id].sort());

    const single = await api.post(
      '/api/v1/party-organizations',
      { kind: 'joint_branch', name: '单一联合党支部', unitId: unit('小区A2').id },
      secretaryA,
    );
    expectProblem(single, 400, 'organization.joint-branch-coverage');
    expect(await countRows(`SELECT count(*) AS n FROM party_organizations WHERE name = '单一联合党支部'`)).toBe(0);
  });

  it('puts a party group only under a branch or joint branch', async () => {
    const committee = await createPartyOrganization({ kind: 'committee', name: '社区A党委', unitId: unit('社区A').id });
    const branch = await createPartyOrganization({
      kind: 'branch',
      name: '小区A1第二党支部',
      unitId: unit('小区A1').id,
    });
    const group = { kind: 'party_group', name: '楼栋A1-1党小组', unitId: unit('楼栋A1-1').id };

    expectProblem(
      await api.post('/api/v1/party-organizations', group, secretaryA),
      400,
      'organization.party-group-parent',
    );
    expectProblem(
      await api.post('/api/v1/party-organizations', { ...group, parentId: committee.id }, secretaryA),
      400,
      'organization.party-group-parent',
    );
    const created = await api.post('/api/v1/party-organizations', { ...group, parentId: branch.id }, secretaryA);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayKind: '党小组', parentId: branch.id });

    // Nothing sits under a party group, and its branch cannot become a kind that holds no party groups.
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        { kind: 'branch', name: '错误党支部', unitId: unit('楼栋A1-1').id, parentId: created.body.id },
        secretaryA,
      ),
      400,
      'organization.invalid-parent',
    );
    expectProblem(
      await api.request('PATCH', `/api/v1/party-organizations/${branch.id}`, {
        token: secretaryA,
        body: { kind: 'general_branch' },
      }),
      409,
      'organization.children-conflict',
    );
  });

  it('refuses an unknown parent (404) and a parent that is the organization itself or below it', async () => {
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        { kind: 'branch', name: '无上级党支部', unitId: unit('小区A2').id, parentId: randomUUID() },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    const parent = await createPartyOrganization({
      kind: 'general_branch',
      name: '社区A党总支',
      unitId: unit('社区A').id,
    });
    const child = await createPartyOrganization({
      kind: 'branch',
      name: '网格A2党支部',
      unitId: unit('网格A2').id,
      parentId: parent.id,
    });

    expectProblem(
      await api.request('PATCH', `/api/v1/party-organizations/${parent.id}`, {
        token: secretaryA,
        body: { parentId: parent.id },
      }),
      400,
      'organization.parent-cycle',
    );
    expectProblem(
      await api.request('PATCH', `/api/v1/party-organizations/${parent.id}`, {
        token: secretaryA,
        body: { parentId: child.id },
      }),
      400,
      'organization.parent-cycle',
    );
    expect(
      await countRows('SELECT count(*) AS n FROM party_organizations WHERE id = $1 AND parent_id IS NULL', [parent.id]),
    ).toBe(1);
  });

  it('changes the kind (publishing organization.organization.kind-changed) and replaces the covered units as a set', async () => {
    const branch = await createPartyOrganization({ kind: 'branch', name: '网格A1党支部', unitId: unit('网格A1').id });
    const response = await api.request('PATCH', `/api/v1/party-organizations/${branch.id}`, {
      token: secretaryA,
      body: { kind: 'general_branch', name: '网格A1党总支', coveredUnitIds: [unit('网格A1').id, unit('小区A1').id] },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ kind: 'general_branch', displayKind: '党总支', name: '网格A1党总支' });
    expect([...response.body.coveredUnitIds].sort()).toEqual([unit('网格A1').id, unit('小区A1').id].sort());
    const events = await withTestDb((client) =>
      client.query(`SELECT type, data FROM outbox_events WHERE data->>'organizationId' = $1`, [branch.id]),
    );
    expect(events.rows).toEqual([
      {
        type: 'organization.organization.kind-changed',
        data: { organizationId: branch.id, fromKind: 'branch', toKind: 'general_branch' },
      },
    ]);

    const renamed = await api.request('PATCH', `/api/v1/party-organizations/${branch.id}`, {
      token: secretaryA,
      body: { coveredUnitIds: [unit('小区A1').id] },
    });
    expect(renamed.body.coveredUnitIds).toEqual([unit('小区A1').id]);
    expect(
      await countRows(`SELECT count(*) AS n FROM outbox_events WHERE data->>'organizationId' = $1`, [branch.id]),
    ).toBe(1);
  });

  it('lets a community secretary upgrade an organization whose parent sits above the community, but not attach one to a parent out of sight', async () => {
    const street = await createPartyOrganization({
      kind: 'committee',
      name: '示范街道党工委',
      unitId: unit('示范街道').id,
    });
    const community = await createPartyOrganization({
      kind: 'general_branch',
      name: '社区A党总支（升格）',
      unitId: unit('社区A').id,
      parentId: street.id,
    });

    const upgraded = await api.request('PATCH', `/api/v1/party-organizations/${community.id}`, {
      token: secretaryA,
      body: { kind: 'committee' },
    });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({ kind: 'committee', displayKind: '党委', parentId: street.id });

    const orphan = await createPartyOrganization({ kind: 'branch', name: '待挂靠党支部', unitId: unit('小区A2').id });
    expectProblem(
      await api.request('PATCH', `/api/v1/party-organizations/${orphan.id}`, {
        token: secretaryA,
        body: { parentId: street.id },
      }),
      404,
      'resource.not-found',
    );
    expect(
      (
        await api.request('PATCH', `/api/v1/party-organizations/${orphan.id}`, {
          token: admin,
          body: { parentId: street.id },
        })
      ).body.parentId,
    ).toBe(street.id);
  });

  it("defaults an officer's term by kind and keeps the replaced secretary as history", async () => {
    const branch = await createPartyOrganization({ kind: 'branch', name: '小区A2党支部', unitId: unit('小区A2').id });
    const generalBranch = await createPartyOrganization({
      kind: 'general_branch',
      name: '社区A第二党总支',
      unitId: unit('社区A').id,
    });
    const first = await createPerson({ name: '王芳', residenceUnitId: unit('小区A2').id });
    const second = await createPerson({ name: '李强', residenceUnitId: unit('小区A2').id });

    const appointed = await api.post(
      `/api/v1/party-organizations/${branch.id}/officers`,
      { personId: first.id, role: 'secretary', termStart: '2026-03-01' },
      secretaryA,
    );
    expect(appointed.status).toBe(201);
    expect(appointed.body).toMatchObject({
      personName: '王芳',
      role: 'secretary',
      displayRole: '书记',
      termStart: '2026-03-01',
      termEnd: '2031-03-01',
      current: true,
      endedAt: null,
    });
    const general = await api.post(
      `/api/v1/party-organizations/${generalBranch.id}/officers`,
      { personId: first.id, role: 'secretary', termStart: '2026-03-01' },
      secretaryA,
    );
    expect(general.body.termEnd).toBe('2029-03-01');
    const deputy = await api.post(
      `/api/v1/party-organizations/${branch.id}/officers`,
      { personId: second.id, role: 'deputy_secretary', termStart: '2026-03-01', termEnd: '2028-12-31' },
      secretaryA,
    );
    expect(deputy.body).toMatchObject({ displayRole: '副书记', termEnd: '2028-12-31' });

    const replacement = await api.post(
      `/api/v1/party-organizations/${branch.id}/officers`,
      { personId: second.id, role: 'secretary', termStart: '2027-05-10' },
      secretaryA,
    );
    expect(replacement.status).toBe(201);

    const officers = await api.get(`/api/v1/party-organizations/${branch.id}/officers`, secretaryA);
    expect(officers.status).toBe(200);
    expect(officers.body.items.map((o: any) => [o.personName, o.role, o.current])).toEqual([
      ['李强', 'secretary', true],
      ['李强', 'deputy_secretary', true],
      ['王芳', 'secretary', false],
    ]);
    expect(officers.body.items[2].endedAt).not.toBeNull();
    const organization = await api.get(`/api/v1/party-organizations/${branch.id}`, secretaryA);
    expect(organization.body.officers.map((o: any) => [o.personName, o.role])).toEqual([
      ['李强', 'secretary'],
      ['李强', 'deputy_secretary'],
    ]);
  });

  it('refuses a term that ends before it starts and an unknown person', async () => {
    const branch = await createPartyOrganization({ kind: 'branch', name: '任期测试党支部', unitId: unit('小区A2').id });
    const person = await createPerson({ name: '赵敏', residenceUnitId: unit('小区A2').id });
    expectProblem(
      await api.post(
        `/api/v1/party-organizations/${branch.id}/officers`,
        { personId: person.id, role: 'secretary', termStart: '2026-03-01', termEnd: '2025-03-01' },
        secretaryA,
      ),
      400,
      'organization.officer-term',
    );
    expectProblem(
      await api.post(
        `/api/v1/party-organizations/${branch.id}/officers`,
        { personId: randomUUID(), role: 'secretary', termStart: '2026-03-01' },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expect(
      await countRows('SELECT count(*) AS n FROM organization_officers WHERE organization_id = $1', [branch.id]),
    ).toBe(0);
  });

  it("answers 404 for a sibling community's organizations and units, and writes nothing", async () => {
    const organizationB = await createPartyOrganization({
      kind: 'branch',
      name: '小区B1党支部',
      unitId: unit('小区B1').id,
    });

    expectProblem(
      await api.get(`/api/v1/party-organizations/${organizationB.id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/party-organizations/${organizationB.id}/officers`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/party-organizations?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('PATCH', `/api/v1/party-organizations/${organizationB.id}`, {
        token: secretaryA,
        body: { name: '改名' },
      }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        { kind: 'branch', name: '越界党支部', unitId: unit('小区B1').id },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        {
          kind: 'joint_branch',
          name: '越界联合党支部',
          unitId: unit('社区A').id,
          coveredUnitIds: [unit('小区A1').id, unit('小区B1').id],
        },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expect(await countRows(`SELECT count(*) AS n FROM party_organizations WHERE name LIKE '越界%'`)).toBe(0);

    const listed = await api.get('/api/v1/party-organizations?limit=100', secretaryA);
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(
      listed.body.items.every(
        (o: any) => o.unitPath === unit('社区A').path || o.unitPath.startsWith(`${unit('社区A').path}.`),
      ),
    ).toBe(true);
    const all = await api.get(`/api/v1/party-organizations?unitId=${unit('社区B').id}`, admin);
    expect(all.body.items.map((o: any) => o.id)).toEqual([organizationB.id]);
  });

  it('pages through organizations filtered by kind', async () => {
    for (const name of ['分页党支部1', '分页党支部2', '分页党支部3'])
      await createPartyOrganization({ kind: 'branch', name, unitId: unit('小区B1').id });
    const first = await api.get(`/api/v1/party-organizations?unitId=${unit('小区B1').id}&kind=branch&limit=2`, admin);
    expect(first.body.items).toHaveLength(2);
    const second = await api.get(
      `/api/v1/party-organizations?unitId=${unit('小区B1').id}&kind=branch&limit=2&cursor=${first.body.nextCursor}`,
      admin,
    );
    const names = [...first.body.items, ...second.body.items].map((o: any) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['分页党支部1', '分页党支部2', '分页党支部3']));
    expect(second.body.nextCursor).toBeNull();
  });

  it('answers bad input with problem+json and writes nothing', async () => {
    const before = await countRows('SELECT count(*) AS n FROM party_organizations');
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        { kind: 'branch', name: '多余字段', unitId: unit('小区A1').id, extra: 1 },
        secretaryA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(
        '/api/v1/party-organizations',
        { kind: 'cell', name: '错误类型', unitId: unit('小区A1').id },
        secretaryA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/party-organizations', { kind: 'branch', unitId: 'not-a-uuid' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(await api.get('/api/v1/party-organizations/not-a-uuid', secretaryA), 400, 'validation.failed');
    expectProblem(
      await api.post(
        `/api/v1/party-organizations/${randomUUID()}/officers`,
        { personId: randomUUID(), role: 'secretary', termStart: '2026-02-30' },
        secretaryA,
      ),
      400,
      'validation.failed',
    );
    expect(await countRows('SELECT count(*) AS n FROM party_organizations')).toBe(before);
  });

  it('refuses a taken organization code with 409 and leaves no event behind', async () => {
    await createPartyOrganization({ kind: 'branch', name: '有编码党支部', unitId: unit('小区A1').id, code: 'DZB-001' });
    const eventsBefore = await countRows('SELECT count(*) AS n FROM outbox_events');
    const response = await api.post(
      '/api/v1/party-organizations',
      { kind: 'branch', name: '重复编码党支部', unitId: unit('小区A2').id, code: 'DZB-001' },
      secretaryA,
    );
    expectProblem(response, 409, 'organization.code-taken');
    expect(await countRows('SELECT count(*) AS n FROM outbox_events')).toBe(eventsBefore);
    expect(await countRows(`SELECT count(*) AS n FROM party_organizations WHERE name = '重复编码党支部'`)).toBe(0);
  });
});
