import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioPerson,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';

describe('volunteer teams', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: string;
  let secretaryB: string;
  let gridWorkerA: string;
  let auditor: string;
  let resident: string;
  let people: ScenarioPerson[];
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const staff = async (role: 'secretary' | 'grid_worker' | 'auditor', at: string) =>
    (await createLoggedInUser(api, { role, unitId: unit(at).id, unitPath: unit(at).path })).token;

  let teamSeq = 0;
  async function team(token = secretaryA, at = '社区A', kind = 'party_member'): Promise<any> {
    teamSeq += 1;
    const created = await api.post(
      '/api/v1/volunteers/teams',
      { unitId: unit(at).id, name: `服务队${teamSeq}`, kind },
      token,
    );
    expect(created.status).toBe(201);
    return created.body;
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    secretaryA = await staff('secretary', '社区A');
    secretaryB = await staff('secretary', '社区B');
    gridWorkerA = await staff('grid_worker', '网格A1');
    auditor = await staff('auditor', '社区A');
    people = await createPeople([
      { name: '王芳', residence: unit('楼栋A1-1') },
      { name: '李强', residence: unit('楼栋A1-1') },
      { name: '赵敏', residence: unit('小区A1') },
      { name: '何静', residence: unit('楼栋B1-1') },
    ]);
    resident = (await createLoggedInUser(api, { personId: people[0].id })).token;
  });
  afterAll(() => api.close());

  it("forms a team at a unit of the caller's scope, audited, with a unique name at that unit", async () => {
    const created = await api.post(
      '/api/v1/volunteers/teams',
      { unitId: unit('社区A').id, name: '  社区A红马甲  ', kind: 'red_vest', description: '周末巡逻' },
      secretaryA,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      unit: { id: unit('社区A').id, name: '社区A', kind: 'community' },
      name: '社区A红马甲',
      kind: 'red_vest',
      kindDisplay: '红马甲',
      description: '周末巡逻',
      memberCount: 0,
      leader: null,
    });
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'volunteers.team-created' AND target_id = $1`, [
        created.body.id,
      ]),
    ).toBe(1);
    expectProblem(
      await api.post(
        '/api/v1/volunteers/teams',
        { unitId: unit('社区A').id, name: '社区A红马甲', kind: 'other' },
        gridWorkerA,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/teams',
        { unitId: unit('社区A').id, name: '社区A红马甲', kind: 'other' },
        secretaryA,
      ),
      409,
      'volunteers.team-name-taken',
    );
    expect(
      (
        await api.post(
          '/api/v1/volunteers/teams',
          { unitId: unit('网格A1').id, name: '社区A红马甲', kind: 'red_vest' },
          gridWorkerA,
        )
      ).status,
    ).toBe(201);
    expectProblem(
      await api.post('/api/v1/volunteers/teams', { unitId: unit('社区A').id, name: '无效', kind: 'choir' }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post('/api/v1/volunteers/teams', { unitId: unit('社区A').id, name: '越权', kind: 'other' }, auditor),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await api.post('/api/v1/volunteers/teams', { unitId: unit('社区A').id, name: '越权', kind: 'other' }, resident),
      403,
      'auth.forbidden',
    );
  });

  it('adds members with roles, shows the leader and count, and removes a member, each change audited', async () => {
    const created = await team();
    const url = `/api/v1/volunteers/teams/${created.id}`;
    const leader = await api.post(`${url}/members`, { personId: people[0].id, role: 'leader' }, secretaryA);
    expect(leader.status).toBe(201);
    expect(leader.body).toMatchObject({
      teamId: created.id,
      personId: people[0].id,
      personName: '王芳',
      role: 'leader',
      roleDisplay: '队长',
    });
    expectProblem(
      await api.post(`${url}/members`, { personId: people[1].id, role: 'deputy' }, gridWorkerA),
      404,
      'resource.not-found',
    );
    expect((await api.post(`${url}/members`, { personId: people[1].id, role: 'deputy' }, secretaryA)).status).toBe(201);
    expect((await api.post(`${url}/members`, { personId: people[2].id, role: 'member' }, secretaryA)).status).toBe(201);

    expect((await api.get(url, auditor)).body).toMatchObject({
      memberCount: 3,
      leader: { personId: people[0].id, personName: '王芳' },
    });
    const members = await api.get(`${url}/members`, auditor);
    expect(members.body.items.map((m: any) => [m.personName, m.roleDisplay])).toEqual([
      ['王芳', '队长'],
      ['李强', '副队长'],
      ['赵敏', '队员'],
    ]);

    expectProblem(
      await api.post(`${url}/members`, { personId: people[2].id, role: 'deputy' }, secretaryA),
      409,
      'volunteers.already-team-member',
    );
    expectProblem(
      await api.post(`${url}/members`, { personId: people[3].id, role: 'member' }, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('PATCH', `${url}/members/${people[1].id}`, { token: secretaryA, body: { role: 'leader' } }),
      409,
      'volunteers.team-leader-taken',
    );

    expect((await api.request('DELETE', `${url}/members/${people[0].id}`, { token: secretaryA })).status).toBe(204);
    expectProblem(
      await api.request('DELETE', `${url}/members/${people[0].id}`, { token: secretaryA }),
      404,
      'resource.not-found',
    );
    const promoted = await api.request('PATCH', `${url}/members/${people[1].id}`, {
      token: secretaryA,
      body: { role: 'leader' },
    });
    expect(promoted.body).toMatchObject({ role: 'leader', roleDisplay: '队长' });
    expect((await api.get(url, auditor)).body).toMatchObject({
      memberCount: 2,
      leader: { personId: people[1].id, personName: '李强' },
    });

    const audited = async (action: string) =>
      countRows(`SELECT count(*) FROM audit_log WHERE action = $1 AND target_id = $2`, [action, created.id]);
    expect(await audited('volunteers.team-member-added')).toBe(3);
    expect(await audited('volunteers.team-member-removed')).toBe(1);
    expect(await audited('volunteers.team-member-role-changed')).toBe(1);
  });

  it('keeps one membership and one leader when requests race', async () => {
    const created = await team();
    const url = `/api/v1/volunteers/teams/${created.id}/members`;
    const sameperson = await Promise.all(
      [1, 2, 3].map(() => api.post(url, { personId: people[2].id, role: 'member' }, secretaryA)),
    );
    expect(sameperson.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(
      sameperson.filter((r) => r.status === 409).every((r) => r.body.code === 'volunteers.already-team-member'),
    ).toBe(true);

    const leaders = await Promise.all(
      [people[0], people[1]].map((person) => api.post(url, { personId: person.id, role: 'leader' }, secretaryA)),
    );
    expect(leaders.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(leaders.find((r) => r.status === 409)?.body.code).toBe('volunteers.team-leader-taken');
    expect(await countRows(`SELECT count(*) FROM volunteer_team_members WHERE team_id = $1`, [created.id])).toBe(2);
    expect(
      await countRows(`SELECT count(*) FROM volunteer_team_members WHERE team_id = $1 AND role = 'leader'`, [
        created.id,
      ]),
    ).toBe(1);
  });

  it("lists the teams of the caller's scope and answers 404 for another community's team", async () => {
    const professional = await team(secretaryB, '社区B', 'professional');
    const inGrid = await team(secretaryB, '小区B1', 'red_vest');
    const names = async (query: string, token = secretaryB) =>
      (await api.get(`/api/v1/volunteers/teams${query}`, token)).body.items.map((t: any) => t.id);
    expect(await names('')).toEqual([professional.id, inGrid.id]);
    expect(await names('?kind=red_vest')).toEqual([inGrid.id]);
    expect(await names(`?unitId=${unit('网格B1').id}`)).toEqual([inGrid.id]);
    expect(await names('', secretaryA)).not.toEqual(expect.arrayContaining([professional.id]));

    const url = `/api/v1/volunteers/teams/${professional.id}`;
    expectProblem(await api.get(url, secretaryA), 404, 'resource.not-found');
    expectProblem(await api.get(`${url}/members`, secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.post(`${url}/members`, { personId: people[0].id, role: 'member' }, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/volunteers/teams?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(await api.get(url, resident), 403, 'auth.forbidden');
  });
});
