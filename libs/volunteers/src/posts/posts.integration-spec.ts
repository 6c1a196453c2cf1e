import { Clock } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createMember,
  createMemberDualRegistration,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

const T0 = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;
const at = (hours: number): string => new Date(T0.getTime() + hours * HOUR).toISOString();
const POSTS = '/api/v1/volunteers/posts';

describe('service posts: publishing, browsing and claims', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretary: { token: string; id: string };
  let outsider: { token: string };
  let now: Date = T0;
  let sequence = 0;

  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    units = await createUnitTree(smallDistrict());
    secretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
    outsider = await createLoggedInUser(api, {
      role: 'grid_worker',
      unitId: unit('社区B').id,
      unitPath: unit('社区B').path,
    });
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  async function publish(
    overrides: Record<string, unknown> = {},
    token = secretary.token,
  ): Promise<{ id: string; shifts: { id: string }[] }> {
    const response = await api.post(
      POSTS,
      {
        unitId: unit('楼栋A1-1').id,
        title: '党群服务中心值班岗',
        slotsPerShift: 3,
        shifts: [{ startsAt: at(24), endsAt: at(27) }],
        ...overrides,
      },
      token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function resident(residence = '楼栋A1-1'): Promise<{ personId: string; token: string }> {
    sequence += 1;
    const person = await createPerson({ name: `居民${sequence}`, residenceUnitId: unit(residence).id });
    const user = await createLoggedInUser(api, { personId: person.id });
    return { personId: person.id, token: user.token };
  }

  it('publishes a post with its shifts at a unit of a community and shows the slots left in each', async () => {
    const response = await api.post(
      POSTS,
      {
        unitId: unit('社区A').id,
        title: '助老送餐岗',
        category: '为老服务',
        requiredSkills: ['elderly_care'],
        slotsPerShift: 2,
        shifts: [
          { startsAt: at(48), endsAt: at(50) },
          { startsAt: at(24), endsAt: at(26) },
        ],
        location: { lat: 39.9075, lng: 116.39723, address: '社区A党群服务中心' },
        radiusM: 300,
      },
      secretary.token,
    );

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      unitId: unit('社区A').id,
      unitName: '社区A',
      title: '助老送餐岗',
      requiredSkills: ['elderly_care'],
      upcomingShifts: 2,
      upcomingSlotsLeft: 4,
      nextShiftStartsAt: at(24),
      location: { lat: 39.9075, lng: 116.39723, address: '社区A党群服务中心' },
      radiusM: 300,
    });
    expect(response.body.shifts.map((s: { startsAt: string; slotsLeft: number }) => [s.startsAt, s.slotsLeft])).toEqual(
      [
        [at(24), 2],
        [at(48), 2],
      ],
    );
    expect(JSON.stringify(response.body)).not.toMatch(/secret/i);
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'volunteers.post-created' AND target_id = $1`, [
        response.body.id,
      ]),
    ).toBe(1);

    const added = await api.post(
      `${POSTS}/${response.body.id}/shifts`,
      { shifts: [{ startsAt: at(72), endsAt: at(75) }] },
      secretary.token,
    );
    expect(added.status).toBe(201);
    expect(added.body.shifts).toHaveLength(3);
    expect(added.body.shifts[2]).toMatchObject({ startsAt: at(72), slots: 2, slotsLeft: 2 });
  });

  it('refuses a post above a community, outside the scope, with a shift in the past or backwards, or with an unknown skill', async () => {
    const base = { title: '值班岗', slotsPerShift: 1, shifts: [{ startsAt: at(24), endsAt: at(25) }] };
    expectProblem(
      await api.post(POSTS, { ...base, unitId: unit('示范街道').id }, secretary.token),
      404,
      'resource.not-found',
    );
    const admin = await createLoggedInUser(api, { role: 'admin' });
    expectProblem(
      await api.post(POSTS, { ...base, unitId: unit('示范街道').id }, admin.token),
      400,
      'volunteers.post-unit-level',
    );
    expectProblem(
      await api.post(POSTS, { ...base, unitId: unit('社区A').id }, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        POSTS,
        { ...base, unitId: unit('社区A').id, shifts: [{ startsAt: at(25), endsAt: at(24) }] },
        secretary.token,
      ),
      400,
      'volunteers.shift-times',
    );
    expectProblem(
      await api.post(
        POSTS,
        { ...base, unitId: unit('社区A').id, shifts: [{ startsAt: at(-2), endsAt: at(-1) }] },
        secretary.token,
      ),
      400,
      'volunteers.shift-times',
    );
    expectProblem(
      await api.post(POSTS, { ...base, unitId: unit('社区A').id, requiredSkills: ['juggling'] }, secretary.token),
      400,
      'volunteers.unknown-skill',
    );
    expectProblem(
      await api.post(POSTS, { ...base, unitId: unit('社区A').id, radiusM: 200 }, secretary.token),
      400,
      'validation.failed',
    );
  });

  it('lets residents browse the posts of their own community and of the community where they are dual-registered, and nothing else', async () => {
    const postA = await publish({ title: '社区A巡逻岗', requiredSkills: ['it'] });
    const secretaryB = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区B').id,
      unitPath: unit('社区B').path,
    });
    const postB = await publish({ unitId: unit('小区B1').id, title: '社区B巡逻岗' }, secretaryB.token);
    const neighbour = await resident('楼栋A1-1');

    const seen = await api.get(`${POSTS}?limit=100`, neighbour.token);
    expect(seen.status).toBe(200);
    const titles = seen.body.items.map((p: { title: string }) => p.title);
    expect(titles).toContain('社区A巡逻岗');
    expect(titles).not.toContain('社区B巡逻岗');
    expectProblem(await api.get(`${POSTS}/${postB.id}`, neighbour.token), 404, 'resource.not-found');
    expect((await api.get(`${POSTS}/${postA.id}`, neighbour.token)).status).toBe(200);

    const partyOrg = await createPartyOrganization({
      kind: 'branch',
      name: '某局机关党支部',
      unitId: unit('社区B').id,
    });
    const memberPerson = await createPerson({ name: '李明', residenceUnitId: unit('楼栋B1-1').id });
    const member = await createMember({
      personId: memberPerson.id,
      organizationId: partyOrg.id,
      category: 'in_service',
    });
    await createMemberDualRegistration({ memberId: member.id, communityUnitId: unit('社区A').id });
    const memberUser = await createLoggedInUser(api, { personId: memberPerson.id });
    const memberTitles = (await api.get(`${POSTS}?limit=100`, memberUser.token)).body.items.map(
      (p: { title: string }) => p.title,
    );
    expect(memberTitles).toEqual(expect.arrayContaining(['社区A巡逻岗', '社区B巡逻岗']));

    const withSkill = await api.get(`${POSTS}?skill=it&limit=100`, secretary.token);
    expect(withSkill.body.items.map((p: { id: string }) => p.id)).toEqual([postA.id]);
    expect(
      (await api.get(`${POSTS}?limit=100`, outsider.token)).body.items.map((p: { id: string }) => p.id),
    ).not.toContain(postA.id);
    expectProblem(await api.get(`${POSTS}?unitId=${unit('社区A').id}`, outsider.token), 404, 'resource.not-found');
  });

  it('pages posts newest first and lists only open ones on request', async () => {
    const full = await publish({ title: '满员岗', slotsPerShift: 1 });
    const person = await resident();
    expect((await api.post(`${POSTS}/${full.id}/claims`, { shiftId: full.shifts[0].id }, person.token)).status).toBe(
      201,
    );

    const open = await api.get(`${POSTS}?open=true&limit=100`, secretary.token);
    expect(open.body.items.map((p: { id: string }) => p.id)).not.toContain(full.id);
    const first = await api.get(`${POSTS}?limit=1`, secretary.token);
    expect(first.body.items[0].id).toBe(full.id);
    const second = await api.get(`${POSTS}?limit=1&cursor=${first.body.nextCursor}`, secretary.token);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].id).not.toBe(full.id);
  });

  it('gives exactly 3 of 10 concurrent claims of a shift with 3 slots', async () => {
    const post = await publish({ slotsPerShift: 3 });
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createPerson({ name: `抢岗${i}`, residenceUnitId: unit('楼栋A1-1').id })),
    );

    const responses = await Promise.all(
      people.map((person) =>
        api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id, personId: person.id }, secretary.token),
      ),
    );

    expect(responses.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(7);
    for (const response of refused) expectProblem(response, 409, 'volunteers.shift-full');
    expect(await countRows('SELECT claimed FROM volunteer_post_shifts WHERE id = $1', [post.shifts[0].id])).toBe(3);
    expect(
      await countRows('SELECT count(*) FROM volunteer_shift_claims WHERE shift_id = $1 AND released_at IS NULL', [
        post.shifts[0].id,
      ]),
    ).toBe(3);
    const detail = await api.get(`${POSTS}/${post.id}`, secretary.token);
    expect(detail.body.shifts[0]).toMatchObject({ claimed: 3, slotsLeft: 0 });
  });

  it('refuses a second claim of the same shift and a shift overlapping one already claimed, also when both are raced', async () => {
    const morning = await publish({ title: '上午岗', shifts: [{ startsAt: at(24), endsAt: at(27) }] });
    const overlapping = await publish({ title: '午间岗', shifts: [{ startsAt: at(26), endsAt: at(29) }] });
    const later = await publish({ title: '下午岗', shifts: [{ startsAt: at(27), endsAt: at(30) }] });
    const person = await resident();

    expect(
      (await api.post(`${POSTS}/${morning.id}/claims`, { shiftId: morning.shifts[0].id }, person.token)).status,
    ).toBe(201);
    expectProblem(
      await api.post(`${POSTS}/${morning.id}/claims`, { shiftId: morning.shifts[0].id }, person.token),
      409,
      'volunteers.shift-already-claimed',
    );
    const overlap = await api.post(
      `${POSTS}/${overlapping.id}/claims`,
      { shiftId: overlapping.shifts[0].id },
      person.token,
    );
    expectProblem(overlap, 409, 'volunteers.shift-overlap');
    expect(overlap.body.conflictingShiftId).toBe(morning.shifts[0].id);
    expect((await api.post(`${POSTS}/${later.id}/claims`, { shiftId: later.shifts[0].id }, person.token)).status).toBe(
      201,
    );

    const racer = await resident();
    const raced = await Promise.all([
      api.post(`${POSTS}/${morning.id}/claims`, { shiftId: morning.shifts[0].id }, racer.token),
      api.post(`${POSTS}/${overlapping.id}/claims`, { shiftId: overlapping.shifts[0].id }, racer.token),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(raced.find((r) => r.status === 409) as (typeof raced)[number], 409, 'volunteers.shift-overlap');
    expect(
      await countRows('SELECT count(*) FROM volunteer_shift_claims WHERE person_id = $1 AND released_at IS NULL', [
        racer.personId,
      ]),
    ).toBe(1);
  });

  it("records whether the claimant is a party member dual-registered at the post's community", async () => {
    const post = await publish({ slotsPerShift: 5 });
    const plain = await resident();
    const partyOrg = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局党支部',
      unitId: unit('社区B').id,
    });
    const registered = await createPerson({ name: '张红', residenceUnitId: unit('楼栋B1-1').id });
    const registeredMember = await createMember({
      personId: registered.id,
      organizationId: partyOrg.id,
      category: 'in_service',
    });
    await createMemberDualRegistration({ memberId: registeredMember.id, communityUnitId: unit('社区A').id });
    const elsewhere = await createPerson({ name: '赵强', residenceUnitId: unit('楼栋A1-1').id });
    const elsewhereMember = await createMember({
      personId: elsewhere.id,
      organizationId: partyOrg.id,
      category: 'in_service',
    });
    await createMemberDualRegistration({ memberId: elsewhereMember.id, communityUnitId: unit('社区B').id });

    const claim = (personId?: string, token = secretary.token) =>
      api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id, ...(personId ? { personId } : {}) }, token);
    expect((await claim(undefined, plain.token)).body).toMatchObject({
      personId: plain.personId,
      partyMember: false,
      dualRegistered: false,
    });
    expect((await claim(registered.id)).body).toMatchObject({
      personId: registered.id,
      personName: '张红',
      partyMember: true,
      dualRegistered: true,
    });
    expect((await claim(elsewhere.id)).body).toMatchObject({
      personId: elsewhere.id,
      partyMember: true,
      dualRegistered: false,
    });
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'volunteers.shift-claimed' AND data->>'postId' = $1`,
        [post.id],
      ),
    ).toBe(3);
  });

  it('releases a claim before the shift starts, freeing its slot, and refuses to release twice or after the start', async () => {
    const post = await publish({ slotsPerShift: 1 });
    const first = await resident();
    const second = await resident();
    const claim = await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id }, first.token);
    expectProblem(
      await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id }, second.token),
      409,
      'volunteers.shift-full',
    );
    expectProblem(
      await api.request('DELETE', `${POSTS}/${post.id}/claims/${claim.body.id}`, { token: second.token }),
      404,
      'resource.not-found',
    );

    const released = await api.request('DELETE', `${POSTS}/${post.id}/claims/${claim.body.id}`, { token: first.token });
    expect(released.status).toBe(200);
    expect(released.body.releasedAt).toBe(T0.toISOString());
    expectProblem(
      await api.request('DELETE', `${POSTS}/${post.id}/claims/${claim.body.id}`, { token: first.token }),
      409,
      'volunteers.claim-released',
    );
    const taken = await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id }, second.token);
    expect(taken.status).toBe(201);
    expect((await api.get(`${POSTS}/${post.id}`, second.token)).body.shifts[0]).toMatchObject({
      claimed: 1,
      slotsLeft: 0,
      myClaimId: taken.body.id,
    });

    now = new Date(T0.getTime() + 24 * HOUR);
    expectProblem(
      await api.request('DELETE', `${POSTS}/${post.id}/claims/${taken.body.id}`, { token: second.token }),
      409,
      'volunteers.shift-started',
    );
    expectProblem(
      await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id }, first.token),
      409,
      'volunteers.shift-started',
    );
  });

  it('answers 404 to staff of another community and 403 to an account acting for itself without a person', async () => {
    const post = await publish();
    const person = await createPerson({ name: '孙丽', residenceUnitId: unit('楼栋A1-1').id });
    expectProblem(await api.get(`${POSTS}/${post.id}`, outsider.token), 404, 'resource.not-found');
    expectProblem(
      await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id, personId: person.id }, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`${POSTS}/${post.id}/shifts`, { shifts: [{ startsAt: at(30), endsAt: at(31) }] }, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`${POSTS}/${post.id}/claims`, { shiftId: post.shifts[0].id }, secretary.token),
      403,
      'volunteers.person-not-linked',
    );
    const stranger = await createPerson({ name: '外区居民', residenceUnitId: unit('楼栋B1-1').id });
    expectProblem(
      await api.post(
        `${POSTS}/${post.id}/claims`,
        { shiftId: post.shifts[0].id, personId: stranger.id },
        secretary.token,
      ),
      404,
      'resource.not-found',
    );
    const claims = await withTestDb((client) =>
      client.query('SELECT count(*)::int AS n FROM volunteer_shift_claims WHERE post_id = $1', [post.id]),
    );
    expect(claims.rows[0].n).toBe(0);
  });
});
