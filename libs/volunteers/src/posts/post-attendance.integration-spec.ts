import { Clock, currentCheckInCode } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
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
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (hours: number): Date => new Date(T0.getTime() + hours * HOUR);
const POSTS = '/api/v1/volunteers/posts';

describe('service post shifts: check-in, check-out and verified hours', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretary: { token: string };
  let publisher: { token: string };
  let outsider: { token: string };
  let now: Date = T0;
  let sequence = 0;

  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now));
    units = await createUnitTree(smallDistrict());
    const communityA = { unitId: unit('社区A').id, unitPath: unit('社区A').path };
    secretary = await createLoggedInUser(api, { role: 'secretary', ...communityA });
    publisher = await createLoggedInUser(api, {
      role: 'grid_worker',
      unitId: unit('网格A1').id,
      unitPath: unit('网格A1').path,
    });
    outsider = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区B').id,
      unitPath: unit('社区B').path,
    });
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  /** A post by the grid worker with one shift from T0+24h to T0+27h, claimed by `claimants` residents. */
  async function claimedShift(claimants: number, extra: Record<string, unknown> = {}) {
    const post = await api.post(
      POSTS,
      {
        unitId: unit('楼栋A1-1').id,
        title: '楼栋垃圾分类督导岗',
        slotsPerShift: 5,
        shifts: [{ startsAt: at(24).toISOString(), endsAt: at(27).toISOString() }],
        ...extra,
      },
      publisher.token,
    );
    expect(post.status).toBe(201);
    const people: { personId: string; token: string }[] = [];
    for (let i = 0; i < claimants; i += 1) {
      sequence += 1;
      const person = await createPerson({ name: `督导员${sequence}`, residenceUnitId: unit('楼栋A1-1').id });
      const user = await createLoggedInUser(api, { personId: person.id });
      expect(
        (await api.post(`${POSTS}/${post.body.id}/claims`, { shiftId: post.body.shifts[0].id }, user.token)).status,
      ).toBe(201);
      people.push({ personId: person.id, token: user.token });
    }
    const shiftUrl = `${POSTS}/${post.body.id}/shifts/${post.body.shifts[0].id}`;
    return { postId: post.body.id as string, shiftId: post.body.shifts[0].id as string, shiftUrl, people };
  }

  async function codeNow(shiftUrl: string): Promise<string> {
    const response = await api.get(`${shiftUrl}/check-in-code`, publisher.token);
    expect(response.status).toBe(200);
    return response.body.code;
  }

  it('refuses a check-in with a wrong or expired code, outside the shift window, or without a claim', async () => {
    const { shiftUrl, people } = await claimedShift(1);
    const [person] = people;

    now = at(22);
    expectProblem(
      await api.post(`${shiftUrl}/check-in`, { code: await codeNow(shiftUrl) }, person.token),
      409,
      'volunteers.check-in-closed',
    );

    now = at(24);
    const shown = await codeNow(shiftUrl);
    const secret = (
      await withTestDb((client) =>
        client.query('SELECT check_in_secret FROM volunteer_post_shifts WHERE id = $1', [shiftUrl.split('/').pop()]),
      )
    ).rows[0].check_in_secret;
    expect(shown).toBe(currentCheckInCode(secret, now).code);
    const wrong = shown === '000000' ? '000001' : '000000';
    expectProblem(
      await api.post(`${shiftUrl}/check-in`, { code: wrong }, person.token),
      400,
      'volunteers.check-in-code-invalid',
    );

    now = new Date(at(24).getTime() + 10 * MINUTE);
    expectProblem(
      await api.post(`${shiftUrl}/check-in`, { code: shown }, person.token),
      400,
      'volunteers.check-in-code-invalid',
    );

    const bystander = await createPerson({ name: '路人', residenceUnitId: unit('楼栋A1-1').id });
    const bystanderUser = await createLoggedInUser(api, { personId: bystander.id });
    expectProblem(
      await api.post(`${shiftUrl}/check-in`, { code: await codeNow(shiftUrl) }, bystanderUser.token),
      409,
      'volunteers.not-signed-up',
    );
    expectProblem(
      await api.post(`${shiftUrl}/check-out`, { code: await codeNow(shiftUrl) }, person.token),
      409,
      'volunteers.not-checked-in',
    );
    expect(
      await countRows(
        'SELECT count(*) FROM volunteer_shift_claims WHERE checked_in_at IS NOT NULL AND person_id = $1',
        [person.personId],
      ),
    ).toBe(0);
  });

  it('keeps the first check-in and refuses a check-in far from a post that has a radius', async () => {
    const { shiftUrl, people } = await claimedShift(1, { location: { lat: 39.9075, lng: 116.39723 }, radiusM: 200 });
    const [person] = people;
    now = at(23.75);
    expectProblem(
      await api.post(
        `${shiftUrl}/check-in`,
        { code: await codeNow(shiftUrl), lat: 39.92133, lng: 116.39706 },
        person.token,
      ),
      400,
      'volunteers.check-in-too-far',
    );
    const first = await api.post(
      `${shiftUrl}/check-in`,
      { code: await codeNow(shiftUrl), lat: 39.9076, lng: 116.3973 },
      person.token,
    );
    expect(first.status).toBe(200);
    expect(first.body.checkedInAt).toBe(at(23.75).toISOString());
    now = at(24.5);
    const again = await api.post(
      `${shiftUrl}/check-in`,
      { code: await codeNow(shiftUrl), lat: 39.9076, lng: 116.3973 },
      person.token,
    );
    expect(again.body.checkedInAt).toBe(at(23.75).toISOString());
  });

  it("verifies checked-out attendances once, publishing one pair of events per person, and grows the person's verified hours", async () => {
    const { postId, shiftId, shiftUrl, people } = await claimedShift(2);
    const [early, forgetful] = people;
    now = new Date(at(24).getTime() - 10 * MINUTE);
    for (const person of people)
      expect((await api.post(`${shiftUrl}/check-in`, { code: await codeNow(shiftUrl) }, person.token)).status).toBe(
        200,
      );
    now = new Date(at(27).getTime() + 10 * MINUTE);
    expect((await api.post(`${shiftUrl}/check-out`, { code: await codeNow(shiftUrl) }, early.token)).status).toBe(200);

    const outboxBefore = await countRows('SELECT count(*) FROM outbox_events');
    const [first, second] = await Promise.all([
      api.post(`${shiftUrl}/verify`, {}, publisher.token),
      api.post(`${shiftUrl}/verify`, {}, secretary.token),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const verified = [...first.body.verified, ...second.body.verified];
    expect(verified).toEqual([expect.objectContaining({ personId: early.personId, hours: 3 })]);

    const events = await withTestDb(
      async (client) =>
        (
          await client.query(
            'SELECT type, unit_id, actors, quantity::float AS quantity, data FROM outbox_events ORDER BY seq OFFSET $1',
            [outboxBefore],
          )
        ).rows,
    );
    expect(events).toEqual([
      {
        type: 'volunteers.post.shift-completed',
        unit_id: unit('楼栋A1-1').id,
        actors: [{ personId: early.personId, role: 'volunteer' }],
        quantity: 3,
        data: { postId, shiftId, title: '楼栋垃圾分类督导岗', hours: 3 },
      },
      {
        type: 'volunteers.service.verified',
        unit_id: unit('楼栋A1-1').id,
        actors: [{ personId: early.personId, role: 'volunteer' }],
        quantity: 3,
        data: { source: 'post', sourceId: shiftId, title: '楼栋垃圾分类督导岗', hours: 3 },
      },
    ]);
    expect(
      await countRows('SELECT verified_hours::float FROM volunteer_profiles WHERE person_id = $1', [early.personId]),
    ).toBe(3);
    const profile = await api.get('/api/v1/volunteers/profiles/me', early.token);
    expect(profile.status).toBe(200);
    expect(profile.body.verifiedHours).toBe(3);

    const repeat = await api.post(`${shiftUrl}/verify`, { personIds: [early.personId] }, publisher.token);
    expect(repeat.body).toEqual({ verified: [], alreadyVerified: [early.personId] });
    expectProblem(
      await api.post(`${shiftUrl}/verify`, { personIds: [forgetful.personId] }, publisher.token),
      409,
      'volunteers.not-checked-out',
    );
    expectProblem(
      await api.post(`${shiftUrl}/verify`, { personIds: [forgetful.personId], hours: 2 }, publisher.token),
      400,
      'validation.failed',
    );
    const corrected = await api.post(
      `${shiftUrl}/verify`,
      { personIds: [forgetful.personId], hours: 2, reason: '忘记签退，按值班记录核定' },
      secretary.token,
    );
    expect(corrected.body.verified).toEqual([expect.objectContaining({ personId: forgetful.personId, hours: 2 })]);
    expect(await countRows('SELECT count(*) FROM outbox_events')).toBe(outboxBefore + 4);
    expect(
      await countRows('SELECT verified_hours::float FROM volunteer_profiles WHERE person_id = $1', [
        forgetful.personId,
      ]),
    ).toBe(2);
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'volunteers.shift-verified' AND target_id = $1`, [
        shiftId,
      ]),
    ).toBe(2);
    expectProblem(
      await api.post(`${shiftUrl}/check-out`, { code: await codeNow(shiftUrl) }, early.token),
      409,
      'volunteers.attendance-verified',
    );

    const attendance = await api.get(`${shiftUrl}/attendance`, secretary.token);
    expect(attendance.status).toBe(200);
    const rows = attendance.body.items.map((item: { personId: string; hours: number; checkedOutAt: string | null }) => [
      item.personId,
      item.hours,
      item.checkedOutAt !== null,
    ]);
    expect(rows).toHaveLength(2);
    expect(rows).toEqual(
      expect.arrayContaining([
        [early.personId, 3, true],
        [forgetful.personId, 2, false],
      ]),
    );
  });

  it('refuses a publisher verifying their own shift attendance and leaves it out of a bulk verification', async () => {
    const own = await createPerson({ name: '网格员孙', residenceUnitId: unit('楼栋A1-1').id });
    const organizer = await createLoggedInUser(api, {
      role: 'grid_worker',
      unitId: unit('网格A1').id,
      unitPath: unit('网格A1').path,
      personId: own.id,
    });
    const post = await api.post(
      POSTS,
      {
        unitId: unit('楼栋A1-1').id,
        title: '夜间巡逻岗',
        slotsPerShift: 3,
        shifts: [{ startsAt: at(24).toISOString(), endsAt: at(27).toISOString() }],
      },
      organizer.token,
    );
    expect(post.status).toBe(201);
    const shiftId = post.body.shifts[0].id as string;
    const shiftUrl = `${POSTS}/${post.body.id}/shifts/${shiftId}`;
    sequence += 1;
    const helper = await createPerson({ name: `巡逻员${sequence}`, residenceUnitId: unit('楼栋A1-1').id });
    const helperUser = await createLoggedInUser(api, { personId: helper.id });
    for (const token of [organizer.token, helperUser.token])
      expect((await api.post(`${POSTS}/${post.body.id}/claims`, { shiftId }, token)).status).toBe(201);
    const code = async () => (await api.get(`${shiftUrl}/check-in-code`, organizer.token)).body.code;
    now = at(24);
    for (const token of [organizer.token, helperUser.token])
      expect((await api.post(`${shiftUrl}/check-in`, { code: await code() }, token)).status).toBe(200);
    now = at(27);
    for (const token of [organizer.token, helperUser.token])
      expect((await api.post(`${shiftUrl}/check-out`, { code: await code() }, token)).status).toBe(200);

    expectProblem(
      await api.post(`${shiftUrl}/verify`, { personIds: [own.id] }, organizer.token),
      403,
      'volunteers.self-authorization',
    );
    expectProblem(
      await api.post(`${shiftUrl}/verify`, { personIds: [own.id], hours: 3, reason: '全程值守' }, organizer.token),
      403,
      'volunteers.self-authorization',
    );
    const bulk = await api.post(`${shiftUrl}/verify`, {}, organizer.token);
    expect(bulk.status).toBe(200);
    expect(bulk.body.verified.map((claim: { personId: string }) => claim.personId)).toEqual([helper.id]);
    expect(
      await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'shiftId' = $1 AND actors @> $2::jsonb`, [
        shiftId,
        JSON.stringify([{ personId: own.id }]),
      ]),
    ).toBe(0);
    const bySecretary = await api.post(`${shiftUrl}/verify`, { personIds: [own.id] }, secretary.token);
    expect(bySecretary.body.verified.map((claim: { personId: string }) => claim.personId)).toEqual([own.id]);
  });

  it('answers 429 to repeated wrong shift check-in codes, even once the right code is sent', async () => {
    const { shiftUrl, people } = await claimedShift(1);
    const [person] = people;
    now = at(24);
    const right = await codeNow(shiftUrl);
    const wrong = right === '000000' ? '000001' : '000000';
    const limit = api.config.throttle.code.limit;
    for (let i = 0; i < limit; i += 1)
      expectProblem(
        await api.post(`${shiftUrl}/check-in`, { code: wrong }, person.token),
        400,
        'volunteers.check-in-code-invalid',
      );
    const limited = await api.post(`${shiftUrl}/check-in`, { code: right }, person.token);
    expectProblem(limited, 429, 'request.rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      await countRows(
        `SELECT count(*) FROM volunteer_shift_claims WHERE person_id = $1 AND checked_in_at IS NOT NULL`,
        [person.personId],
      ),
    ).toBe(0);
  });

  it('refuses to verify before the shift starts or a person who did not claim it', async () => {
    const { shiftUrl } = await claimedShift(1);
    expectProblem(await api.post(`${shiftUrl}/verify`, {}, publisher.token), 409, 'volunteers.shift-not-started');
    now = at(28);
    const stranger = await createPerson({ name: '未认领者', residenceUnitId: unit('楼栋A1-1').id });
    expectProblem(
      await api.post(`${shiftUrl}/verify`, { personIds: [stranger.id], hours: 1, reason: '补录' }, publisher.token),
      409,
      'volunteers.not-signed-up',
    );
  });

  it("answers 404 to staff of another community on a shift's code, attendance and verification", async () => {
    const { shiftUrl, people } = await claimedShift(1);
    now = at(28);
    expectProblem(await api.get(`${shiftUrl}/check-in-code`, outsider.token), 404, 'resource.not-found');
    expectProblem(await api.get(`${shiftUrl}/attendance`, outsider.token), 404, 'resource.not-found');
    expectProblem(
      await api.post(
        `${shiftUrl}/verify`,
        { personIds: [people[0].personId], hours: 1, reason: '越权' },
        outsider.token,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(await api.get(`${shiftUrl}/check-in-code`, people[0].token), 403, 'auth.forbidden');
    expect(
      await countRows('SELECT count(*) FROM volunteer_shift_claims WHERE person_id = $1 AND verified_at IS NOT NULL', [
        people[0].personId,
      ]),
    ).toBe(0);
  });
});
