import { TransactionRunner } from '@linli/platform';
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
import { VolunteerRecords } from './volunteer-records.service';

describe('volunteer profiles', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: string;
  let secretaryB: string;
  let gridWorkerA: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  async function resident(name: string, residence = '楼栋A1-1'): Promise<ScenarioPerson & { token: string }> {
    const [person] = await createPeople([{ name, residence: unit(residence) }]);
    return { ...person, token: (await createLoggedInUser(api, { personId: person.id })).token };
  }

  const staff = async (role: 'secretary' | 'grid_worker', at: string) =>
    (await createLoggedInUser(api, { role, unitId: unit(at).id, unitPath: unit(at).path })).token;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    secretaryA = await staff('secretary', '社区A');
    secretaryB = await staff('secretary', '社区B');
    gridWorkerA = await staff('grid_worker', '网格A1');
  });
  afterAll(() => api.close());

  it('lets a resident register themselves and read their profile with names and displays', async () => {
    const wang = await resident('王芳');
    const created = await api.post(
      '/api/v1/volunteers/profiles',
      {
        unitId: unit('小区A1').id,
        skills: ['electrical', 'elderly_care'],
        availability: ['weekend_daytime'],
        bio: '退休电工',
      },
      wang.token,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      personId: wang.id,
      personName: '王芳',
      unit: { id: unit('小区A1').id, name: '小区A1', kind: 'complex' },
      skills: [
        { code: 'electrical', name: '电工维修' },
        { code: 'elderly_care', name: '养老照护' },
      ],
      availability: [{ code: 'weekend_daytime', name: '周末白天' }],
      bio: '退休电工',
      verifiedHours: 0,
      rating: { average: null, count: 0 },
      level: { code: 'star-1', display: '一星志愿者' },
      stage: 'volunteer',
      stageDisplay: '志愿者',
    });
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'volunteers.profile-registered' AND target_id = $1`,
        [created.body.id],
      ),
    ).toBe(1);
    expect((await api.get('/api/v1/volunteers/profiles/me', wang.token)).body).toEqual(created.body);
    expect((await api.get(`/api/v1/volunteers/profiles/${created.body.id}`, wang.token)).body).toEqual(created.body);
    expect((await api.get(`/api/v1/volunteers/profiles/${created.body.id}`, secretaryA)).body).toEqual(created.body);
  });

  it('lets staff register a person of their scope, and refuses residents registering someone else', async () => {
    const li = await resident('李强');
    const zhao = await resident('赵敏');
    expectProblem(
      await api.post(
        '/api/v1/volunteers/profiles',
        { personId: li.id, unitId: unit('小区A1').id, skills: [], availability: [] },
        zhao.token,
      ),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/profiles',
        { personId: li.id, unitId: unit('小区A1').id, skills: [], availability: [] },
        secretaryB,
      ),
      404,
      'resource.not-found',
    );

    const created = await api.post(
      '/api/v1/volunteers/profiles',
      { personId: li.id, unitId: unit('楼栋A1-1').id, skills: ['it'], availability: ['weekday_evening'] },
      gridWorkerA,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      personId: li.id,
      personName: '李强',
      skills: [{ code: 'it', name: '信息技术' }],
    });
    expect((await api.get('/api/v1/volunteers/profiles/me', li.token)).body.id).toBe(created.body.id);
  });

  it('answers 403 to an account that acts for no person', async () => {
    const unlinked = (await createLoggedInUser(api)).token;
    expectProblem(await api.get('/api/v1/volunteers/profiles/me', unlinked), 403, 'volunteers.person-not-linked');
    expectProblem(
      await api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('小区A1').id, skills: [], availability: [] },
        unlinked,
      ),
      403,
      'volunteers.person-not-linked',
    );
    expectProblem(
      await api.get('/api/v1/volunteers/profiles/me', (await resident('未登记')).token),
      404,
      'resource.not-found',
    );
  });

  it('refuses skills outside the taxonomy and a second profile for the same person', async () => {
    const sun = await resident('孙丽');
    const unknown = await api.post(
      '/api/v1/volunteers/profiles',
      { unitId: unit('小区A1').id, skills: ['legal', 'juggling'], availability: [] },
      sun.token,
    );
    expectProblem(unknown, 400, 'volunteers.unknown-skill');
    expect(unknown.body.unknown).toEqual(['juggling']);
    expect(await countRows(`SELECT count(*) FROM volunteer_profiles WHERE person_id = $1`, [sun.id])).toBe(0);

    const first = await api.post(
      '/api/v1/volunteers/profiles',
      { unitId: unit('小区A1').id, skills: ['legal'], availability: [] },
      sun.token,
    );
    expect(first.status).toBe(201);
    const again = await api.post(
      '/api/v1/volunteers/profiles',
      { personId: sun.id, unitId: unit('社区A').id, skills: [], availability: [] },
      secretaryA,
    );
    expectProblem(again, 409, 'volunteers.profile-exists');
    expect(again.body.profileId).toBe(first.body.id);
  });

  it('keeps one profile when the same person is registered twice at once', async () => {
    const zhou = await resident('周杰');
    const body = { unitId: unit('小区A1').id, skills: ['teaching'], availability: ['weekend_evening'] };
    const responses = await Promise.all([
      api.post('/api/v1/volunteers/profiles', body, zhou.token),
      api.post('/api/v1/volunteers/profiles', { ...body, personId: zhou.id }, secretaryA),
      api.post('/api/v1/volunteers/profiles', body, zhou.token),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await countRows(`SELECT count(*) FROM volunteer_profiles WHERE person_id = $1`, [zhou.id])).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'volunteers.profile-registered' AND data->>'personId' = $1`,
        [zhou.id],
      ),
    ).toBe(1);
  });

  it('lets the volunteer and staff in scope change a profile, audited, and nobody else', async () => {
    const wu = await resident('吴刚');
    const other = await resident('郑爽');
    const created = (
      await api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('小区A1').id, skills: [], availability: [] },
        wu.token,
      )
    ).body;
    const url = `/api/v1/volunteers/profiles/${created.id}`;

    const byOwner = await api.request('PATCH', url, {
      token: wu.token,
      body: { skills: ['plumbing'], availability: ['weekday_daytime', 'weekend_daytime'], bio: '水暖工' },
    });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toMatchObject({
      skills: [{ code: 'plumbing', name: '水暖维修' }],
      availability: [{ name: '工作日白天' }, { name: '周末白天' }],
      bio: '水暖工',
    });
    const byStaff = await api.request('PATCH', url, {
      token: gridWorkerA,
      body: { unitId: unit('楼栋A1-1').id, bio: null },
    });
    expect(byStaff.body).toMatchObject({
      unit: { id: unit('楼栋A1-1').id },
      bio: null,
      skills: [{ code: 'plumbing' }],
    });
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'volunteers.profile-updated' AND target_id = $1`, [
        created.id,
      ]),
    ).toBe(2);

    expectProblem(
      await api.request('PATCH', url, { token: wu.token, body: { skills: ['plumbing', 'nope'] } }),
      400,
      'volunteers.unknown-skill',
    );
    expectProblem(
      await api.request('PATCH', url, { token: gridWorkerA, body: { unitId: unit('社区B').id } }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('PATCH', url, { token: other.token, body: { bio: '冒名' } }),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('PATCH', url, { token: secretaryB, body: { bio: '越权' } }),
      404,
      'resource.not-found',
    );
    expect((await api.get(url, wu.token)).body.bio).toBeNull();
  });

  it('changes the growth stage by a secretary with a reason, audited, and refuses a grid worker', async () => {
    const qian = await resident('钱进');
    const created = (
      await api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('小区A1').id, skills: [], availability: [] },
        qian.token,
      )
    ).body;
    const url = `/api/v1/volunteers/profiles/${created.id}`;

    expectProblem(
      await api.post(`${url}/stage`, { stage: 'core_member', reason: '服务积极' }, gridWorkerA),
      403,
      'auth.forbidden',
    );
    expectProblem(
      await api.post(`${url}/stage`, { stage: 'core_member', reason: '服务积极' }, secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(await api.post(`${url}/stage`, { stage: 'core_member' }, secretaryA), 400, 'validation.failed');

    const changed = await api.post(
      `${url}/stage`,
      { stage: 'core_member', reason: '连续一年服务表现突出' },
      secretaryA,
    );
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({
      fromStage: 'volunteer',
      toStage: 'core_member',
      toStageDisplay: '骨干队员',
      reason: '连续一年服务表现突出',
    });
    expectProblem(
      await api.post(`${url}/stage`, { stage: 'core_member', reason: '重复' }, secretaryA),
      409,
      'volunteers.stage-unchanged',
    );
    await api.post(`${url}/stage`, { stage: 'deputy_secretary_candidate', reason: '推荐为兼职副书记人选' }, secretaryA);

    expect((await api.get(url, qian.token)).body).toMatchObject({
      stage: 'deputy_secretary_candidate',
      stageDisplay: '兼职副书记人选',
    });
    const history = await api.get(`${url}/stage-changes`, qian.token);
    expect(history.body.items.map((c: any) => [c.fromStage, c.toStage])).toEqual([
      ['core_member', 'deputy_secretary_candidate'],
      ['volunteer', 'core_member'],
    ]);
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'volunteers.stage-changed' AND target_id = $1`, [
        created.id,
      ]),
    ).toBe(2);
    expectProblem(await api.get(`${url}/stage-changes`, secretaryB), 404, 'resource.not-found');
  });

  it('refuses a secretary changing their own growth stage: volunteers.self-authorization, nothing recorded', async () => {
    const [person] = await createPeople([{ name: '书记周', residence: unit('楼栋A1-1') }]);
    const own = (
      await createLoggedInUser(api, {
        role: 'secretary',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
        personId: person.id,
      })
    ).token;
    const created = await api.post(
      '/api/v1/volunteers/profiles',
      { unitId: unit('小区A1').id, skills: [], availability: [] },
      own,
    );
    expect(created.status).toBe(201);
    const url = `/api/v1/volunteers/profiles/${created.body.id}`;
    expectProblem(
      await api.post(`${url}/stage`, { stage: 'core_member', reason: '自评' }, own),
      403,
      'volunteers.self-authorization',
    );
    expect((await api.get(`${url}/stage-changes`, own)).body.items).toEqual([]);
    expect((await api.post(`${url}/stage`, { stage: 'core_member', reason: '服务积极' }, secretaryA)).status).toBe(201);
  });

  it('records one of two racing changes to the same stage and refuses the other', async () => {
    const lin = await resident('林海');
    const created = (
      await api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('小区A1').id, skills: [], availability: [] },
        lin.token,
      )
    ).body;
    const otherSecretary = await staff('secretary', '社区A');
    const responses = await Promise.all(
      [secretaryA, otherSecretary].map((token) =>
        api.post(
          `/api/v1/volunteers/profiles/${created.id}/stage`,
          { stage: 'core_member', reason: '同时提名' },
          token,
        ),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await countRows(`SELECT count(*) FROM volunteer_stage_changes WHERE profile_id = $1`, [created.id])).toBe(1);
  });

  it("keeps the skill taxonomy: built-in skills, a city's own skill usable at once, no duplicates", async () => {
    const admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    const taxonomy = await api.get('/api/v1/volunteers/skills', secretaryA);
    expect(taxonomy.body.items).toEqual(expect.arrayContaining([{ code: 'legal', name: '法律咨询', builtin: true }]));
    expectProblem(
      await api.post('/api/v1/volunteers/skills', { code: 'legal', name: '法律援助' }, admin),
      409,
      'volunteers.skill-taken',
    );
    expectProblem(
      await api.post('/api/v1/volunteers/skills', { code: 'sign_language', name: '手语翻译' }, secretaryA),
      403,
      'auth.forbidden',
    );
    expect(
      (await api.post('/api/v1/volunteers/skills', { code: 'sign_language', name: '手语翻译' }, admin)).status,
    ).toBe(201);
    expectProblem(
      await api.post('/api/v1/volunteers/skills', { code: 'sign_language_2', name: '手语翻译' }, admin),
      409,
      'volunteers.skill-taken',
    );

    const chen = await resident('陈默');
    const created = await api.post(
      '/api/v1/volunteers/profiles',
      { unitId: unit('小区A1').id, skills: ['sign_language', 'legal'], availability: [] },
      chen.token,
    );
    expect(created.body.skills).toEqual([
      { code: 'sign_language', name: '手语翻译' },
      { code: 'legal', name: '法律咨询' },
    ]);
  });

  it('raises the level as verified hours and good ratings add up', async () => {
    const feng = await resident('冯晨');
    const created = (
      await api.post(
        '/api/v1/volunteers/profiles',
        { unitId: unit('小区A1').id, skills: [], availability: [] },
        feng.token,
      )
    ).body;
    const records = api.app.get(VolunteerRecords);
    const run = api.app.get(TransactionRunner);
    await run.run((manager) =>
      records.addVerifiedHours(manager, { personId: feng.id, hours: 60, unitId: unit('小区A1').id }),
    );
    expect((await api.get('/api/v1/volunteers/profiles/me', feng.token)).body).toMatchObject({
      verifiedHours: 60,
      level: { code: 'star-3', display: '三星志愿者' },
    });
    await run.run((manager) =>
      records.addVerifiedHours(manager, { personId: feng.id, hours: 150.5, unitId: unit('小区A1').id }),
    );
    for (const rating of [5, 5, 4])
      await run.run((manager) => records.addRating(manager, { personId: feng.id, rating, unitId: unit('小区A1').id }));
    const view = (await api.get(`/api/v1/volunteers/profiles/${created.id}`, feng.token)).body;
    expect(view).toMatchObject({
      verifiedHours: 210.5,
      rating: { average: 4.67, count: 3 },
      level: { code: 'star-5', display: '五星志愿者' },
    });
  });

  it("lists the volunteers of the caller's scope with filters, and answers 404 for another community", async () => {
    const [he, lu, ma] = await createPeople([
      { name: '何静', residence: unit('楼栋B1-1') },
      { name: '鲁达', residence: unit('楼栋B1-1') },
      { name: '马可', residence: unit('楼栋B1-1') },
    ]);
    const register = (personId: string, at: string, skills: string[], availability: string[]) =>
      api.post('/api/v1/volunteers/profiles', { personId, unitId: unit(at).id, skills, availability }, secretaryB);
    const heProfile = (await register(he.id, '小区B1', ['medical', 'psychology'], ['weekend_daytime'])).body;
    const luProfile = (await register(lu.id, '楼栋B1-1', ['medical'], ['weekday_evening'])).body;
    const maProfile = (await register(ma.id, '社区B', ['translation'], ['weekend_daytime'])).body;

    const ids = async (query: string, token = secretaryB) =>
      (await api.get(`/api/v1/volunteers/profiles${query}`, token)).body.items.map((p: any) => p.id);
    expect(await ids('')).toEqual([maProfile.id, luProfile.id, heProfile.id]);
    expect(await ids('?skill=medical')).toEqual([luProfile.id, heProfile.id]);
    expect(await ids('?skill=medical&availability=weekend_daytime')).toEqual([heProfile.id]);
    expect(await ids(`?unitId=${unit('小区B1').id}`)).toEqual([luProfile.id, heProfile.id]);
    expect(await ids(`?q=${encodeURIComponent('马')}`)).toEqual([maProfile.id]);
    expect(await ids('?stage=core_member')).toEqual([]);
    const firstPage = await api.get('/api/v1/volunteers/profiles?limit=2', secretaryB);
    expect(firstPage.body.items).toHaveLength(2);
    expect(await ids(`?limit=2&cursor=${firstPage.body.nextCursor}`)).toEqual([heProfile.id]);

    expect(await ids('', secretaryA)).not.toEqual(expect.arrayContaining([heProfile.id]));
    expectProblem(
      await api.get(`/api/v1/volunteers/profiles?unitId=${unit('社区B').id}`, secretaryA),
      404,
      'resource.not-found',
    );
    expectProblem(await api.get(`/api/v1/volunteers/profiles/${heProfile.id}`, secretaryA), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/volunteers/profiles/${heProfile.id}`, gridWorkerA), 404, 'resource.not-found');
  });
});
