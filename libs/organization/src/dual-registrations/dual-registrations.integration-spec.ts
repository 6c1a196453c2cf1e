import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioPartyOrganization,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

describe('dual registrations (双报到)', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  let agencyOrganization: ScenarioPartyOrganization;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  let sequence = 0;

  /** An in-service member living in community A whose relation sits with an agency's organization in community B. */
  async function inServiceMember(
    category: 'in_service' | 'retired' = 'in_service',
  ): Promise<{ id: string; personId: string }> {
    sequence += 1;
    const person = await createPerson({ name: `在职党员${sequence}`, residenceUnitId: unit('楼栋A1-1').id });
    const member = await createMember({ personId: person.id, organizationId: agencyOrganization.id, category });
    return { id: member.id, personId: person.id };
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    agencyOrganization = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局党支部',
      unitId: unit('社区B').id,
    });
  });
  afterAll(() => api.close());

  it('registers an in-service member at the community where they live and publishes organization.dual-registration.created', async () => {
    const member = await inServiceMember();
    const response = await api.post(
      '/api/v1/dual-registrations',
      { kind: 'member', memberId: member.id, communityUnitId: unit('社区A').id, commitments: '认领服务岗位' },
      secretaryA,
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'member',
      displayKind: '在职党员到社区报到',
      communityUnitId: unit('社区A').id,
      memberId: member.id,
      memberName: expect.stringMatching(/^在职党员/),
      organizationId: null,
      commitments: '认领服务岗位',
      active: true,
      periodEnd: null,
    });
    expect(response.body.periodStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const events = await withTestDb((client) =>
      client.query(`SELECT type, unit_id, actors, data FROM outbox_events WHERE data->>'registrationId' = $1`, [
        response.body.id,
      ]),
    );
    expect(events.rows).toEqual([
      {
        type: 'organization.dual-registration.created',
        unit_id: unit('社区A').id,
        actors: [{ personId: member.personId, role: 'member' }],
        data: {
          registrationId: response.body.id,
          kind: 'member',
          communityUnitId: unit('社区A').id,
          memberId: member.id,
        },
      },
    ]);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'dual-registrations.created' AND target_id = $1`,
        [response.body.id],
      ),
    ).toBe(1);
  });

  it('allows one active registration per member and community, and a new one once it has ended', async () => {
    const member = await inServiceMember();
    const body = { kind: 'member', memberId: member.id, communityUnitId: unit('社区A').id };
    const first = await api.post('/api/v1/dual-registrations', body, secretaryA);
    const eventsBefore = await countRows('SELECT count(*) AS n FROM outbox_events');

    expectProblem(
      await api.post('/api/v1/dual-registrations', body, secretaryA),
      409,
      'organization.dual-registration-exists',
    );
    expect(await countRows('SELECT count(*) AS n FROM outbox_events')).toBe(eventsBefore);

    const ended = await api.post(`/api/v1/dual-registrations/${first.body.id}/end`, {}, secretaryA);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ active: false, endedAt: expect.any(String) });
    expectProblem(
      await api.post(`/api/v1/dual-registrations/${first.body.id}/end`, {}, secretaryA),
      409,
      'organization.dual-registration-ended',
    );
    expect((await api.post('/api/v1/dual-registrations', body, secretaryA)).status).toBe(201);
    expect(await countRows('SELECT count(*) AS n FROM dual_registrations WHERE member_id = $1', [member.id])).toBe(2);
  });

  it('refuses a member who is not in service and a unit that is not a community', async () => {
    const retired = await inServiceMember('retired');
    const member = await inServiceMember();
    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { kind: 'member', memberId: retired.id, communityUnitId: unit('社区A').id },
        secretaryA,
      ),
      400,
      'organization.dual-registration-member-category',
    );
    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { kind: 'member', memberId: member.id, communityUnitId: unit('网格A1').id },
        secretaryA,
      ),
      400,
      'organization.not-a-community',
    );
    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { kind: 'member', memberId: randomUUID(), communityUnitId: unit('社区A').id },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expect(
      await countRows('SELECT count(*) AS n FROM dual_registrations WHERE member_id = ANY($1::uuid[])', [
        [retired.id, member.id],
      ]),
    ).toBe(0);
  });

  it("registers an institution's party organization with a community under a co-building agreement", async () => {
    const institution = await api.post(
      '/api/v1/institutions',
      { kind: 'agency', name: '区税务局', unitId: unit('社区B').id, partyOrganizationId: agencyOrganization.id },
      admin,
    );
    const agreement = {
      kind: 'organization',
      organizationId: agencyOrganization.id,
      communityUnitId: unit('社区A').id,
      institutionId: institution.body.id,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
      commitments: '每季度开展一次共建活动，认领社区服务岗位 10 个',
    };

    const response = await api.post('/api/v1/dual-registrations', agreement, secretaryA);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      kind: 'organization',
      displayKind: '单位党组织到社区报到',
      organizationId: agencyOrganization.id,
      organizationName: '区税务局党支部',
      memberId: null,
      institutionId: institution.body.id,
      periodStart: '2026-01-01',
      periodEnd: '2027-12-31',
    });
    const event = await withTestDb((client) =>
      client.query(`SELECT actors, data FROM outbox_events WHERE data->>'registrationId' = $1`, [response.body.id]),
    );
    expect(event.rows[0]).toEqual({
      actors: [{ organizationId: agencyOrganization.id, role: 'organization' }],
      data: {
        registrationId: response.body.id,
        kind: 'organization',
        communityUnitId: unit('社区A').id,
        organizationId: agencyOrganization.id,
        institutionId: institution.body.id,
      },
    });
    expectProblem(
      await api.post('/api/v1/dual-registrations', agreement, secretaryA),
      409,
      'organization.dual-registration-exists',
    );

    const other = await createPartyOrganization({ kind: 'branch', name: '其他单位党支部', unitId: unit('社区B').id });
    // 区税务局 lies outside secretary A's scope and is not other's own institution: it cannot be named (404).
    expectProblem(
      await api.post('/api/v1/dual-registrations', { ...agreement, organizationId: other.id }, secretaryA),
      404,
      'resource.not-found',
    );
    // An institution within the scope whose party organization on record is another one: 400.
    const localInstitution = await api.post(
      '/api/v1/institutions',
      {
        kind: 'private_enterprise',
        name: '社区A物流公司',
        unitId: unit('网格A1').id,
        partyOrganizationId: agencyOrganization.id,
      },
      admin,
    );
    expect(localInstitution.status).toBe(201);
    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { ...agreement, organizationId: other.id, institutionId: localInstitution.body.id },
        secretaryA,
      ),
      400,
      'organization.dual-registration-institution',
    );
    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { ...agreement, organizationId: other.id, institutionId: undefined, periodEnd: '2025-12-31' },
        secretaryA,
      ),
      400,
      'organization.dual-registration-period',
    );
    expect(await countRows('SELECT count(*) AS n FROM dual_registrations WHERE organization_id = $1', [other.id])).toBe(
      0,
    );
  });

  it("requires the agreement's period and commitments and refuses fields of the other kind", async () => {
    const base = { kind: 'organization', organizationId: agencyOrganization.id, communityUnitId: unit('社区A').id };
    expectProblem(
      await api.post('/api/v1/dual-registrations', { ...base, commitments: '共建' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/dual-registrations', { ...base, periodStart: '2026-01-01' }, secretaryA),
      400,
      'validation.failed',
    );
    const member = await inServiceMember();
    const mixed = await api.post(
      '/api/v1/dual-registrations',
      { ...base, periodStart: '2026-01-01', commitments: '共建', memberId: member.id },
      secretaryA,
    );
    expectProblem(mixed, 400, 'validation.failed');
    expect(mixed.body.errors).toEqual([expect.objectContaining({ field: 'memberId' })]);
    expectProblem(
      await api.post('/api/v1/dual-registrations', { kind: 'member', communityUnitId: unit('社区A').id }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/dual-registrations', { kind: 'visit', communityUnitId: unit('社区A').id }, secretaryA),
      400,
      'validation.failed',
    );
  });

  it('answers 404 for a sibling community and lists only registrations in scope', async () => {
    const member = await inServiceMember();
    const inB = await api.post(
      '/api/v1/dual-registrations',
      { kind: 'member', memberId: member.id, communityUnitId: unit('社区B').id },
      admin,
    );
    expect(inB.status).toBe(201);

    expectProblem(
      await api.post(
        '/api/v1/dual-registrations',
        { kind: 'member', memberId: member.id, communityUnitId: unit('社区B').id },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(await api.get(`/api/v1/dual-registrations/${inB.body.id}`, secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.post(`/api/v1/dual-registrations/${inB.body.id}/end`, {}, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/dual-registrations?communityUnitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );

    const listed = await api.get(
      `/api/v1/dual-registrations?communityUnitId=${unit('社区A').id}&kind=member&limit=100`,
      secretaryA,
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(listed.body.items.every((r: any) => r.kind === 'member' && r.communityUnitId === unit('社区A').id)).toBe(
      true,
    );
    const active = await api.get(`/api/v1/dual-registrations?active=false`, secretaryA);
    expect(active.body.items.every((r: any) => r.active === false)).toBe(true);
    const byAdmin = await api.get(`/api/v1/dual-registrations?communityUnitId=${unit('社区B').id}`, admin);
    expect(byAdmin.body.items.map((r: any) => r.id)).toEqual([inB.body.id]);
  });
});
