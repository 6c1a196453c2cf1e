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

async function counts(organizationId: string): Promise<{ memberCount: number; fullMemberCount: number }> {
  return withTestDb(async (client) => {
    const { rows } = await client.query(
      'SELECT member_count, full_member_count FROM party_organizations WHERE id = $1',
      [organizationId],
    );
    return { memberCount: rows[0].member_count, fullMemberCount: rows[0].full_member_count };
  });
}

describe('party members and transfers', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  let sequence = 0;

  /** Two branches in community A and one in community B, fresh for each test. */
  async function organizations(): Promise<{
    a1: ScenarioPartyOrganization;
    a2: ScenarioPartyOrganization;
    b1: ScenarioPartyOrganization;
  }> {
    sequence += 1;
    return {
      a1: await createPartyOrganization({ kind: 'branch', name: `小区A1党支部${sequence}`, unitId: unit('小区A1').id }),
      a2: await createPartyOrganization({ kind: 'committee', name: `社区A党委${sequence}`, unitId: unit('社区A').id }),
      b1: await createPartyOrganization({ kind: 'branch', name: `小区B1党支部${sequence}`, unitId: unit('小区B1').id }),
    };
  }

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

  it("registers a member, raises the organization's counts, copies the residence path and publishes organization.member.joined", async () => {
    const { a1 } = await organizations();
    const person = await createPerson({ name: '张伟', residenceUnitId: unit('楼栋A1-1').id });
    const probationer = await createPerson({ name: '刘洋', residenceUnitId: unit('小区A1').id });

    const response = await api.post(
      '/api/v1/party-members',
      { personId: person.id, organizationId: a1.id, category: 'retired', status: 'full', joinedAt: '1998-07-01' },
      secretaryA,
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      personId: person.id,
      personName: '张伟',
      organizationId: a1.id,
      organizationName: a1.name,
      category: 'retired',
      displayCategory: '退休党员',
      status: 'full',
      displayStatus: '正式党员',
      joinedAt: '1998-07-01',
    });
    await api.post(
      '/api/v1/party-members',
      {
        personId: probationer.id,
        organizationId: a1.id,
        category: 'resident',
        status: 'probationary',
        joinedAt: '2025-07-01',
      },
      secretaryA,
    );

    expect(await counts(a1.id)).toEqual({ memberCount: 2, fullMemberCount: 1 });
    expect(
      await countRows('SELECT count(*) AS n FROM party_members WHERE id = $1 AND residence_path = $2', [
        response.body.id,
        unit('楼栋A1-1').path,
      ]),
    ).toBe(1);
    const events = await withTestDb((client) =>
      client.query(`SELECT type, unit_id, actors, data FROM outbox_events WHERE data->>'memberId' = $1`, [
        response.body.id,
      ]),
    );
    expect(events.rows).toEqual([
      {
        type: 'organization.member.joined',
        unit_id: unit('小区A1').id,
        actors: [{ personId: person.id, role: 'member' }],
        data: {
          memberId: response.body.id,
          personId: person.id,
          organizationId: a1.id,
          category: 'retired',
          status: 'full',
        },
      },
    ]);
    expect(
      await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'members.joined' AND target_id = $1`, [
        response.body.id,
      ]),
    ).toBe(1);
  });

  it('keeps one membership per person when the same person joins concurrently', async () => {
    const { a1, a2 } = await organizations();
    const person = await createPerson({ name: '陈静', residenceUnitId: unit('小区A1').id });

    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api.post(
          '/api/v1/party-members',
          {
            personId: person.id,
            organizationId: i % 2 ? a1.id : a2.id,
            category: 'resident',
            status: 'full',
            joinedAt: '2001-07-01',
          },
          secretaryA,
        ),
      ),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.status !== 201))
      expectProblem(refused, 409, 'organization.member-exists');
    expect(await countRows('SELECT count(*) AS n FROM party_members WHERE person_id = $1', [person.id])).toBe(1);
    const total = (await counts(a1.id)).memberCount + (await counts(a2.id)).memberCount;
    expect(total).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM outbox_events WHERE type = 'organization.member.joined' AND data->>'personId' = $1`,
        [person.id],
      ),
    ).toBe(1);
  });

  it('refuses a membership in a party group and an unknown person, writing nothing', async () => {
    const { a1 } = await organizations();
    const group = await createPartyOrganization({
      kind: 'party_group',
      name: '楼栋党小组',
      unitId: unit('楼栋A1-1').id,
      parentId: a1.id,
    });
    const person = await createPerson({ name: '杨帆', residenceUnitId: unit('小区A1').id });

    expectProblem(
      await api.post(
        '/api/v1/party-members',
        { personId: person.id, organizationId: group.id, category: 'resident', status: 'full', joinedAt: '2001-07-01' },
        secretaryA,
      ),
      400,
      'organization.member-organization-kind',
    );
    expectProblem(
      await api.post(
        '/api/v1/party-members',
        { personId: randomUUID(), organizationId: a1.id, category: 'resident', status: 'full', joinedAt: '2001-07-01' },
        secretaryA,
      ),
      404,
      'resource.not-found',
    );
    expect(await counts(a1.id)).toEqual({ memberCount: 0, fullMemberCount: 0 });
    expect(
      await countRows('SELECT count(*) AS n FROM party_members WHERE organization_id IN ($1, $2)', [a1.id, group.id]),
    ).toBe(0);
  });

  it('transfers a member atomically: both counts, the history row and organization.member.transferred', async () => {
    const { a1, a2 } = await organizations();
    const person = await createPerson({ name: '黄磊', residenceUnitId: unit('小区A1').id });
    const member = await createMember({ personId: person.id, organizationId: a1.id, status: 'full' });

    const response = await api.post(
      `/api/v1/party-members/${member.id}/transfers`,
      { toOrganizationId: a2.id, reason: '工作调动' },
      secretaryA,
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      memberId: member.id,
      fromOrganizationId: a1.id,
      toOrganizationId: a2.id,
      reason: '工作调动',
      fromOrganizationName: a1.name,
      toOrganizationName: a2.name,
    });
    expect(await counts(a1.id)).toEqual({ memberCount: 0, fullMemberCount: 0 });
    expect(await counts(a2.id)).toEqual({ memberCount: 1, fullMemberCount: 1 });
    const events = await withTestDb((client) =>
      client.query(`SELECT type, unit_id, actors, data FROM outbox_events WHERE data->>'memberId' = $1`, [member.id]),
    );
    expect(events.rows).toEqual([
      {
        type: 'organization.member.transferred',
        unit_id: unit('社区A').id,
        actors: [{ personId: person.id, role: 'member' }],
        data: { memberId: member.id, personId: person.id, fromOrganizationId: a1.id, toOrganizationId: a2.id },
      },
    ]);
    const detail = await api.get(`/api/v1/party-members/${member.id}`, secretaryA);
    expect(detail.body).toMatchObject({ organizationId: a2.id, organizationName: a2.name });
    expect(detail.body.transfers).toEqual([
      expect.objectContaining({
        id: response.body.id,
        fromOrganizationId: a1.id,
        toOrganizationId: a2.id,
        reason: '工作调动',
      }),
    ]);
  });

  it('changes nothing when a transfer fails: unknown organization, same organization', async () => {
    const { a1 } = await organizations();
    const person = await createPerson({ name: '吴昊', residenceUnitId: unit('小区A1').id });
    const member = await createMember({ personId: person.id, organizationId: a1.id, status: 'probationary' });
    const eventsBefore = await countRows('SELECT count(*) AS n FROM outbox_events');

    expectProblem(
      await api.post(`/api/v1/party-members/${member.id}/transfers`, { toOrganizationId: randomUUID() }, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/party-members/${member.id}/transfers`, { toOrganizationId: a1.id }, secretaryA),
      409,
      'organization.transfer-same-organization',
    );

    expect(await counts(a1.id)).toEqual({ memberCount: 1, fullMemberCount: 0 });
    expect(
      await countRows('SELECT count(*) AS n FROM party_members WHERE id = $1 AND organization_id = $2', [
        member.id,
        a1.id,
      ]),
    ).toBe(1);
    expect(await countRows('SELECT count(*) AS n FROM member_transfers WHERE member_id = $1', [member.id])).toBe(0);
    expect(await countRows('SELECT count(*) AS n FROM outbox_events')).toBe(eventsBefore);
  });

  it('rolls the whole transfer back, event included, when its last step fails', async () => {
    const { a1, a2 } = await organizations();
    const person = await createPerson({ name: '周婷', residenceUnitId: unit('小区A1').id });
    const member = await createMember({ personId: person.id, organizationId: a1.id });
    await withTestDb(async (client) => {
      await client.query(`CREATE FUNCTION test_refuse_transfer_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.action = 'members.transferred' THEN RAISE EXCEPTION 'audit refused by test'; END IF; RETURN NEW; END $$`);
      await client.query(
        'CREATE TRIGGER test_refuse_transfer_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_transfer_audit()',
      );
    });
    try {
      const response = await api.post(
        `/api/v1/party-members/${member.id}/transfers`,
        { toOrganizationId: a2.id },
        secretaryA,
      );
      expectProblem(response, 500, 'internal.error');
    } finally {
      await withTestDb(async (client) => {
        await client.query('DROP TRIGGER test_refuse_transfer_audit ON audit_log');
        await client.query('DROP FUNCTION test_refuse_transfer_audit()');
      });
    }

    expect(await counts(a1.id)).toEqual({ memberCount: 1, fullMemberCount: 1 });
    expect(await counts(a2.id)).toEqual({ memberCount: 0, fullMemberCount: 0 });
    expect(
      await countRows('SELECT count(*) AS n FROM party_members WHERE id = $1 AND organization_id = $2', [
        member.id,
        a1.id,
      ]),
    ).toBe(1);
    expect(await countRows('SELECT count(*) AS n FROM member_transfers WHERE member_id = $1', [member.id])).toBe(0);
    expect(await countRows(`SELECT count(*) AS n FROM outbox_events WHERE data->>'memberId' = $1`, [member.id])).toBe(
      0,
    );
  });

  it('leaves the counts exactly right after 10 concurrent transfers of different members between the same two organizations', async () => {
    const { a1, a2 } = await organizations();
    const members: { id: string; from: string; to: string }[] = [];
    for (let i = 0; i < 10; i += 1) {
      const from = i % 2 === 0 ? a1 : a2;
      const to = i % 2 === 0 ? a2 : a1;
      const person = await createPerson({ name: `并发党员${i}`, residenceUnitId: unit('小区A1').id });
      const member = await createMember({
        personId: person.id,
        organizationId: from.id,
        status: i < 6 ? 'full' : 'probationary',
      });
      members.push({ id: member.id, from: from.id, to: to.id });
    }
    // Before: a1 holds members 0,2,4 (full) 6,8 (probationary); a2 holds 1,3,5 (full) 7,9 (probationary).

    const responses = await Promise.all(
      members.map((m) => api.post(`/api/v1/party-members/${m.id}/transfers`, { toOrganizationId: m.to }, secretaryA)),
    );

    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(await counts(a1.id)).toEqual({ memberCount: 5, fullMemberCount: 3 });
    expect(await counts(a2.id)).toEqual({ memberCount: 5, fullMemberCount: 3 });
    for (const organization of [a1, a2]) {
      const actual = await withTestDb(async (client) => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'full')::int AS full FROM party_members WHERE organization_id = $1`,
          [organization.id],
        );
        return { memberCount: rows[0].total, fullMemberCount: rows[0].full };
      });
      expect(await counts(organization.id)).toEqual(actual);
    }
    expect(
      await countRows('SELECT count(*) AS n FROM member_transfers WHERE member_id = ANY($1::uuid[])', [
        members.map((m) => m.id),
      ]),
    ).toBe(10);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM outbox_events WHERE type = 'organization.member.transferred' AND data->>'memberId' = ANY($1::text[])`,
        [members.map((m) => m.id)],
      ),
    ).toBe(10);
  });

  it('raises the full count when a probationary member becomes full and refuses the way back', async () => {
    const { a1 } = await organizations();
    const person = await createPerson({ name: '孙丽', residenceUnitId: unit('小区A1').id });
    const member = await createMember({ personId: person.id, organizationId: a1.id, status: 'probationary' });

    const promoted = await api.request('PATCH', `/api/v1/party-members/${member.id}`, {
      token: secretaryA,
      body: { status: 'full', category: 'in_service' },
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({
      status: 'full',
      displayStatus: '正式党员',
      category: 'in_service',
      displayCategory: '在职党员',
    });
    expect(await counts(a1.id)).toEqual({ memberCount: 1, fullMemberCount: 1 });

    expectProblem(
      await api.request('PATCH', `/api/v1/party-members/${member.id}`, {
        token: secretaryA,
        body: { status: 'probationary' },
      }),
      409,
      'organization.member-status-change',
    );
    expect(await counts(a1.id)).toEqual({ memberCount: 1, fullMemberCount: 1 });
  });

  it("answers 404 for a sibling community's members, but shows a member who lives in the community", async () => {
    const { a1, b1 } = await organizations();
    const inB = await createMember({
      personId: (await createPerson({ name: '郑凯', residenceUnitId: unit('小区B1').id })).id,
      organizationId: b1.id,
    });
    const livesInA = await createMember({
      personId: (await createPerson({ name: '钱进', residenceUnitId: unit('楼栋A1-1').id })).id,
      organizationId: b1.id,
      category: 'in_service',
    });
    const inA = await createMember({
      personId: (await createPerson({ name: '冯雪', residenceUnitId: unit('小区A1').id })).id,
      organizationId: a1.id,
    });

    expectProblem(await api.get(`/api/v1/party-members/${inB.id}`, secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.request('PATCH', `/api/v1/party-members/${inB.id}`, {
        token: secretaryA,
        body: { category: 'retired' },
      }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/party-members/${inB.id}/transfers`, { toOrganizationId: a1.id }, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/party-members?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/party-members?organizationId=${b1.id}`, secretaryA),
      404,
      'resource.not-found',
    );
    // A member living in A whose relation sits in B: visible to A, not changeable by A.
    expect((await api.get(`/api/v1/party-members/${livesInA.id}`, secretaryA)).status).toBe(200);
    expectProblem(
      await api.request('PATCH', `/api/v1/party-members/${livesInA.id}`, {
        token: secretaryA,
        body: { category: 'retired' },
      }),
      404,
      'resource.not-found',
    );

    const listed = await api.get('/api/v1/party-members?limit=100', secretaryA);
    const ids = listed.body.items.map((m: any) => m.id);
    expect(ids).toEqual(expect.arrayContaining([inA.id, livesInA.id]));
    expect(ids).not.toContain(inB.id);
    const ofA1 = await api.get(`/api/v1/party-members?organizationId=${a1.id}`, secretaryA);
    expect(ofA1.body.items.map((m: any) => m.id)).toEqual([inA.id]);
    const inService = await api.get(`/api/v1/party-members?unitId=${unit('社区A').id}&category=in_service`, secretaryA);
    expect(inService.body.items.map((m: any) => m.id)).toContain(livesInA.id);
    expect(inService.body.items.every((m: any) => m.category === 'in_service')).toBe(true);
    const byAdmin = await api.get(`/api/v1/party-members?organizationId=${b1.id}`, admin);
    expect(byAdmin.body.items.map((m: any) => m.id).sort()).toEqual([inB.id, livesInA.id].sort());
  });

  it('answers bad input with problem+json and writes nothing', async () => {
    const { a1 } = await organizations();
    const person = await createPerson({ name: '韩梅', residenceUnitId: unit('小区A1').id });
    const valid = {
      personId: person.id,
      organizationId: a1.id,
      category: 'resident',
      status: 'full',
      joinedAt: '2001-07-01',
    };

    expectProblem(
      await api.post('/api/v1/party-members', { ...valid, category: 'honorary' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/party-members', { ...valid, status: undefined }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/party-members', { ...valid, joinedAt: '01/07/2001' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/party-members', { ...valid, memberCount: 3 }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(`/api/v1/party-members/${randomUUID()}/transfers`, { toOrganizationId: 'x' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(await api.get('/api/v1/party-members/123', secretaryA), 400, 'validation.failed');
    expect(await countRows('SELECT count(*) AS n FROM party_members WHERE person_id = $1', [person.id])).toBe(0);
    expect(await counts(a1.id)).toEqual({ memberCount: 0, fullMemberCount: 0 });
  });
});
