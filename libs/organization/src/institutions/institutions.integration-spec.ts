import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPartyOrganization,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

describe('institutions', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
  });
  afterAll(() => api.close());

  it('registers institutions with and without a party organization and filters them by kind and coverage', async () => {
    const organization = await createPartyOrganization({
      kind: 'branch',
      name: '幸福物流党支部',
      unitId: unit('网格A1').id,
    });
    const covered = await api.post(
      '/api/v1/institutions',
      {
        kind: 'private_enterprise',
        name: '幸福物流有限公司',
        unitId: unit('网格A1').id,
        code: '91310000MA1FL8XQ3T',
        partyOrganizationId: organization.id,
      },
      secretaryA,
    );
    expect(covered.status).toBe(201);
    expect(covered.body).toMatchObject({
      kind: 'private_enterprise',
      displayKind: '非公企业',
      name: '幸福物流有限公司',
      unitId: unit('网格A1').id,
      unitPath: unit('网格A1').path,
      partyOrganizationId: organization.id,
      hasPartyOrganization: true,
    });
    const uncovered = await api.post(
      '/api/v1/institutions',
      { kind: 'social_organization', name: '邻里互助协会', unitId: unit('小区A1').id },
      secretaryA,
    );
    expect(uncovered.body).toMatchObject({
      displayKind: '社会组织',
      partyOrganizationId: null,
      hasPartyOrganization: false,
    });
    expect(
      await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'institutions.created' AND target_id = $1`, [
        covered.body.id,
      ]),
    ).toBe(1);

    const without = await api.get(
      `/api/v1/institutions?unitId=${unit('社区A').id}&hasPartyOrganization=false`,
      secretaryA,
    );
    expect(without.body.items.map((i: any) => i.id)).toEqual([uncovered.body.id]);
    const withOrganization = await api.get(
      `/api/v1/institutions?unitId=${unit('社区A').id}&hasPartyOrganization=true`,
      secretaryA,
    );
    expect(withOrganization.body.items.map((i: any) => i.id)).toEqual([covered.body.id]);
    const byKind = await api.get(`/api/v1/institutions?kind=social_organization`, secretaryA);
    expect(byKind.body.items.map((i: any) => i.id)).toEqual([uncovered.body.id]);
    expect((await api.get(`/api/v1/institutions/${covered.body.id}`, secretaryA)).body).toEqual(covered.body);
  });

  it('changes an institution and refuses a code that another institution holds', async () => {
    const organization = await createPartyOrganization({
      kind: 'branch',
      name: '税务分局党支部',
      unitId: unit('社区A').id,
    });
    const first = await api.post(
      '/api/v1/institutions',
      { kind: 'agency', name: '税务分局', unitId: unit('社区A').id, code: 'AG-001' },
      secretaryA,
    );
    const second = await api.post(
      '/api/v1/institutions',
      { kind: 'agency', name: '街道办', unitId: unit('社区A').id, code: 'AG-002' },
      secretaryA,
    );

    const changed = await api.request('PATCH', `/api/v1/institutions/${first.body.id}`, {
      token: secretaryA,
      body: { partyOrganizationId: organization.id, name: '市税务局第三分局' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: '市税务局第三分局',
      partyOrganizationId: organization.id,
      hasPartyOrganization: true,
      code: 'AG-001',
    });
    const cleared = await api.request('PATCH', `/api/v1/institutions/${first.body.id}`, {
      token: secretaryA,
      body: { partyOrganizationId: null },
    });
    expect(cleared.body.hasPartyOrganization).toBe(false);

    expectProblem(
      await api.request('PATCH', `/api/v1/institutions/${second.body.id}`, {
        token: secretaryA,
        body: { code: 'AG-001' },
      }),
      409,
      'organization.institution-code-taken',
    );
    expectProblem(
      await api.post(
        '/api/v1/institutions',
        { kind: 'agency', name: '重复编码', unitId: unit('社区A').id, code: 'AG-002' },
        secretaryA,
      ),
      409,
      'organization.institution-code-taken',
    );
    expect(await countRows(`SELECT count(*) AS n FROM institutions WHERE code = 'AG-002' AND name = '街道办'`)).toBe(1);
  });

  it("answers 404 for a sibling community's institutions, units and party organizations", async () => {
    const organizationB = await createPartyOrganization({
      kind: 'branch',
      name: '社区B企业党支部',
      unitId: unit('社区B').id,
    });
    const inB = await api.post(
      '/api/v1/institutions',
      { kind: 'state_enterprise', name: '社区B国企', unitId: unit('社区B').id },
      admin,
    );

    expectProblem(await api.get(`/api/v1/institutions/${inB.body.id}`, secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.request('PATCH', `/api/v1/institutions/${inB.body.id}`, { token: secretaryA, body: { name: '改名' } }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/institutions?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/institutions',
        { kind: 'agency', name: '越界单位', unitId: unit('小区B1').id },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/institutions',
        { kind: 'agency', name: '越界党组织单位', unitId: unit('小区A1').id, partyOrganizationId: organizationB.id },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expect(await countRows(`SELECT count(*) AS n FROM institutions WHERE name LIKE '越界%'`)).toBe(0);
    const listed = await api.get('/api/v1/institutions?limit=100', secretaryA);
    expect(listed.body.items.map((i: any) => i.id)).not.toContain(inB.body.id);
  });

  it('answers bad input with problem+json and writes nothing', async () => {
    const before = await countRows('SELECT count(*) AS n FROM institutions');
    expectProblem(
      await api.post('/api/v1/institutions', { kind: 'bank', name: '某银行', unitId: unit('社区A').id }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/institutions', { kind: 'agency', name: '', unitId: unit('社区A').id }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(
        '/api/v1/institutions',
        { kind: 'agency', name: '多余', unitId: unit('社区A').id, covered: true },
        secretaryA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(await api.get('/api/v1/institutions?hasPartyOrganization=yes', secretaryA), 400, 'validation.failed');
    expectProblem(
      await api.request('PATCH', `/api/v1/institutions/${randomUUID()}`, {
        token: secretaryA,
        body: { partyOrganizationId: 'x' },
      }),
      400,
      'validation.failed',
    );
    expect(await countRows('SELECT count(*) AS n FROM institutions')).toBe(before);
  });
});
