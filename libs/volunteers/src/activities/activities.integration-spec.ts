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

const HOUR = 3600_000;
/** 09:00 Beijing time on a Saturday. */
const T0 = new Date('2026-11-28T01:00:00Z');

describe('volunteer activities: sign-up, waitlist, check-in, verification', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let gridA: string;
  let gridA2: string;
  let secretaryA: string;
  let secretaryB: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (offsetMs: number): string => new Date(T0.getTime() + offsetMs).toISOString();

  beforeAll(async () => {
    await resetState();
    // Dozens of residents log in from this one client: the per-client login limit is not what is tested here.
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    gridA = (
      await createLoggedInUser(api, { role: 'grid_worker', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    gridA2 = (
      await createLoggedInUser(api, { role: 'grid_worker', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    secretaryB = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区B').id, unitPath: unit('社区B').path })
    ).token;
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  /** A resident living in a building of community A (or `home`), with an account linked to them. */
  async function resident(home = '楼栋A1-1'): Promise<{ personId: string; token: string }> {
    serial += 1;
    const person = await createPerson({ name: `居民${serial}`, residenceUnitId: unit(home).id });
    const user = await createLoggedInUser(api, { personId: person.id });
    return { personId: person.id, token: user.token };
  }

  async function activity(
    overrides: Record<string, unknown> = {},
    token = gridA,
  ): Promise<{ id: string; [key: string]: any }> {
    const response = await api.post(
      '/api/v1/volunteers/activities',
      {
        unitId: unit('小区A1').id,
        title: '社区清洁日',
        kind: 'service',
        startsAt: at(HOUR),
        endsAt: at(3 * HOUR),
        capacity: 10,
        ...overrides,
      },
      token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  async function codeOf(activityId: string, instant: Date): Promise<string> {
    const secret = await withTestDb(
      async (client) =>
        (await client.query('SELECT check_in_secret FROM volunteer_activities WHERE id = $1', [activityId])).rows[0]
          .check_in_secret,
    );
    return currentCheckInCode(secret, instant).code;
  }

  async function signedUp(activityId: string, home?: string): Promise<{ personId: string; token: string }> {
    const person = await resident(home);
    expect((await api.post(`/api/v1/volunteers/activities/${activityId}/signups`, {}, person.token)).status).toBe(201);
    return person;
  }

  it('publishes an activity whose residents of the community see it, never its check-in secret', async () => {
    const created = await activity({ location: { lat: 39.9, lng: 116.4, address: '幸福里党群服务站' }, radiusM: 200 });
    expect(created).toMatchObject({
      title: '社区清洁日',
      kind: 'service',
      displayKind: '志愿服务日',
      capacity: 10,
      confirmedCount: 0,
      placesLeft: 10,
      radiusM: 200,
      signupDeadline: at(HOUR),
    });
    expect(JSON.stringify(created)).not.toMatch(/secret/i);

    const neighbour = await resident('楼栋A1-1');
    const elsewhere = await resident('楼栋B1-1');
    expect((await api.get(`/api/v1/volunteers/activities/${created.id}`, neighbour.token)).status).toBe(200);
    const listed = await api.get(`/api/v1/volunteers/activities?kind=service&upcoming=true&limit=100`, neighbour.token);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(created.id);
    expectProblem(
      await api.get(`/api/v1/volunteers/activities/${created.id}`, elsewhere.token),
      404,
      'resource.not-found',
    );
    expect(
      (await api.get('/api/v1/volunteers/activities?limit=100', elsewhere.token)).body.items.map(
        (a: { id: string }) => a.id,
      ),
    ).not.toContain(created.id);
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, elsewhere.token),
      404,
      'resource.not-found',
    );

    expectProblem(
      await api.post(
        '/api/v1/volunteers/activities',
        { unitId: unit('小区A1').id, title: 'x', kind: 'service', startsAt: at(HOUR), endsAt: at(HOUR), capacity: 1 },
        gridA,
      ),
      400,
      'volunteers.activity-times',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/activities',
        { unitId: unit('小区A1').id, title: 'x', kind: 'party', startsAt: at(HOUR), endsAt: at(2 * HOUR), capacity: 1 },
        gridA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('小区A1').id,
          title: 'x',
          kind: 'service',
          startsAt: at(HOUR),
          endsAt: at(2 * HOUR),
          capacity: 1,
          radiusM: 100,
        },
        gridA,
      ),
      400,
      'validation.failed',
    );
  });

  it('answers 404 to staff of another community for every activity route', async () => {
    const created = await activity();
    const base = `/api/v1/volunteers/activities/${created.id}`;
    expectProblem(await api.get(base, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(`${base}/check-in-code`, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(`${base}/attendance`, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.post(`${base}/verify`, {}, secretaryB), 404, 'resource.not-found');
    expectProblem(
      await api.post(`${base}/signups`, { personId: (await resident()).personId }, secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('小区A1').id,
          title: 'x',
          kind: 'service',
          startsAt: at(HOUR),
          endsAt: at(2 * HOUR),
          capacity: 1,
        },
        secretaryB,
      ),
      404,
      'resource.not-found',
    );
    expect((await api.get(`/api/v1/volunteers/activities?unitId=${unit('社区A').id}`, secretaryB)).body.items).toEqual(
      [],
    );
  });

  it('puts the sign-up after a full activity on the waitlist, and a cancellation promotes the first waiting', async () => {
    const created = await activity({ capacity: 2 });
    const [first, second] = [await signedUp(created.id), await signedUp(created.id)];
    const third = await resident();
    const fourth = await resident();
    const waiting = await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, third.token);
    expect(waiting.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(
      (await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, fourth.token)).body,
    ).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    // Signing up again answers the same sign-up.
    expect((await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, third.token)).body).toMatchObject(
      { id: waiting.body.id, waitlistPosition: 1 },
    );

    const cancelled = await api.request('DELETE', `/api/v1/volunteers/activities/${created.id}/signups/me`, {
      token: first.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const attendance = await api.get(`/api/v1/volunteers/activities/${created.id}/attendance`, gridA);
    const byPerson = new Map(attendance.body.items.map((a: { personId: string }) => [a.personId, a]));
    expect(byPerson.get(second.personId)).toMatchObject({ status: 'confirmed' });
    expect(byPerson.get(third.personId)).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(byPerson.get(fourth.personId)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await api.get(`/api/v1/volunteers/activities/${created.id}`, gridA)).body).toMatchObject({
      confirmedCount: 2,
      placesLeft: 0,
    });

    // Requested in the cancellation's transaction; the scheduler's relay queues it after the commit.
    const promotions = await withTestDb(async (client) =>
      (
        await client.query(
          `SELECT job FROM notification_requests WHERE job->>'templateKey' = 'volunteers.activity-promoted' ORDER BY dedupe_key`,
        )
      ).rows.map((row) => row.job),
    );
    expect(promotions.map((job) => job.recipient)).toEqual([{ personId: third.personId }]);
    expect(promotions[0].data).toMatchObject({ title: '社区清洁日', startsAt: '2026-11-28 10:00' });

    // Staff cancel for someone else; the waitlist moves up again.
    expect(
      (
        await api.request('DELETE', `/api/v1/volunteers/activities/${created.id}/signups/${second.personId}`, {
          token: gridA,
        })
      ).status,
    ).toBe(200);
    const after = await api.get(`/api/v1/volunteers/activities/${created.id}/attendance?status=confirmed`, gridA);
    expect(after.body.items.map((a: { personId: string }) => a.personId).sort()).toEqual(
      [third.personId, fourth.personId].sort(),
    );

    // Nobody waits any more: a cancellation frees a place.
    await api.request('DELETE', `/api/v1/volunteers/activities/${created.id}/signups/me`, { token: fourth.token });
    expect((await api.get(`/api/v1/volunteers/activities/${created.id}`, gridA)).body).toMatchObject({
      confirmedCount: 1,
      placesLeft: 1,
    });
  });

  it('refuses a sign-up to an activity overlapping one the person is signed up to, and after the deadline', async () => {
    const morning = await activity({ title: '上午义诊', startsAt: at(HOUR), endsAt: at(3 * HOUR) });
    const overlapping = await activity({ title: '中午包饺子', startsAt: at(1.5 * HOUR), endsAt: at(2.5 * HOUR) });
    const afternoon = await activity({ title: '下午读书会', startsAt: at(3 * HOUR), endsAt: at(5 * HOUR) });
    const person = await signedUp(morning.id);
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${overlapping.id}/signups`, {}, person.token),
      409,
      'volunteers.activity-overlap',
    );
    expect((await api.post(`/api/v1/volunteers/activities/${afternoon.id}/signups`, {}, person.token)).status).toBe(
      201,
    );
    await api.request('DELETE', `/api/v1/volunteers/activities/${morning.id}/signups/me`, { token: person.token });
    expect((await api.post(`/api/v1/volunteers/activities/${overlapping.id}/signups`, {}, person.token)).status).toBe(
      201,
    );

    const closing = await activity({
      title: '截止报名',
      startsAt: at(10 * HOUR),
      endsAt: at(11 * HOUR),
      signupDeadline: at(HOUR),
    });
    now = new Date(T0.getTime() + HOUR + 1000);
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${closing.id}/signups`, {}, (await resident()).token),
      409,
      'volunteers.signup-closed',
    );
    const unlinked = await createLoggedInUser(api, {});
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${afternoon.id}/signups`, {}, unlinked.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${afternoon.id}/signups`, {}, gridA),
      403,
      'volunteers.person-not-linked',
    );
    expectProblem(
      await api.post(
        `/api/v1/volunteers/activities/${afternoon.id}/signups`,
        { personId: (await resident()).personId },
        person.token,
      ),
      403,
      'auth.forbidden',
    );
  });

  it('gives exactly the capacity to 20 people signing up at once and queues the rest in order', async () => {
    const created = await activity({ capacity: 5, startsAt: at(20 * HOUR), endsAt: at(22 * HOUR) });
    const people = await Promise.all(Array.from({ length: 20 }, () => resident()));
    const responses = await Promise.all(
      people.map((p) => api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, p.token)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(responses.filter((r) => r.body.status === 'confirmed')).toHaveLength(5);
    const positions = responses.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.waitlistPosition);
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(await countRows(`SELECT confirmed_count FROM volunteer_activities WHERE id = $1`, [created.id])).toBe(5);
  });

  it('refuses check-in with a wrong or expired code, outside the window, too far away, or without a place', async () => {
    const created = await activity({ location: { lat: 39.9075, lng: 116.39723 }, radiusM: 300 });
    const person = await signedUp(created.id);
    const url = `/api/v1/volunteers/activities/${created.id}/check-in`;
    const here = { lat: 39.9076, lng: 116.3973 };

    now = new Date(T0.getTime() + HOUR - 31 * 60_000);
    expectProblem(
      await api.post(url, { code: await codeOf(created.id, now), ...here }, person.token),
      409,
      'volunteers.check-in-closed',
    );

    now = new Date(T0.getTime() + HOUR + 5 * 60_000);
    const shown = await api.get(`/api/v1/volunteers/activities/${created.id}/check-in-code`, gridA);
    expect(shown.body.code).toMatch(/^\d{6}$/);
    const wrong = shown.body.code === '000000' ? '000001' : '000000';
    expectProblem(await api.post(url, { code: wrong, ...here }, person.token), 400, 'volunteers.check-in-code-invalid');
    expectProblem(
      await api.post(url, { code: shown.body.code }, person.token),
      400,
      'volunteers.check-in-location-required',
    );
    expectProblem(
      await api.post(url, { code: shown.body.code, lat: 39.92133, lng: 116.39706 }, person.token),
      400,
      'volunteers.check-in-too-far',
    );
    expectProblem(
      await api.post(url, { code: shown.body.code, ...here }, (await resident()).token),
      409,
      'volunteers.not-signed-up',
    );
    expectProblem(
      await api.post(
        `/api/v1/volunteers/activities/${created.id}/check-out`,
        { code: shown.body.code, ...here },
        person.token,
      ),
      409,
      'volunteers.not-checked-in',
    );

    const checkedIn = await api.post(url, { code: shown.body.code, ...here }, person.token);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body).toMatchObject({
      personId: person.personId,
      checkedInAt: now.toISOString(),
      checkedOutAt: null,
    });

    const shownAt = now;
    now = new Date(shownAt.getTime() + 10 * 60_000);
    expectProblem(
      await api.post(url, { code: shown.body.code, ...here }, person.token),
      400,
      'volunteers.check-in-code-invalid',
    );
    const again = await api.post(url, { code: await codeOf(created.id, now), ...here }, person.token);
    expect(again.body.checkedInAt).toBe(shownAt.toISOString());

    now = new Date(T0.getTime() + 3 * HOUR + 31 * 60_000);
    expectProblem(
      await api.post(
        `/api/v1/volunteers/activities/${created.id}/check-out`,
        { code: await codeOf(created.id, now), ...here },
        person.token,
      ),
      409,
      'volunteers.check-in-closed',
    );
  });

  it('verifies everyone checked out once, with one event per attendee, and hours on their profiles', async () => {
    const created = await activity({ title: '敬老院志愿服务' });
    const [early, late, absent] = [await signedUp(created.id), await signedUp(created.id), await signedUp(created.id)];
    now = new Date(T0.getTime() + HOUR - 10 * 60_000);
    for (const p of [early, late])
      expect(
        (
          await api.post(
            `/api/v1/volunteers/activities/${created.id}/check-in`,
            { code: await codeOf(created.id, now) },
            p.token,
          )
        ).status,
      ).toBe(200);
    now = new Date(T0.getTime() + 2 * HOUR + 20 * 60_000);
    expect(
      (
        await api.post(
          `/api/v1/volunteers/activities/${created.id}/check-out`,
          { code: await codeOf(created.id, now) },
          early.token,
        )
      ).status,
    ).toBe(200);
    now = new Date(T0.getTime() + 3 * HOUR + 10 * 60_000);
    expect(
      (
        await api.post(
          `/api/v1/volunteers/activities/${created.id}/check-out`,
          { code: await codeOf(created.id, now) },
          late.token,
        )
      ).status,
    ).toBe(200);

    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${created.id}/verify`, {}, gridA2),
      403,
      'volunteers.verifier-only',
    );
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${created.id}/verify`, { personIds: [absent.personId] }, gridA),
      409,
      'volunteers.not-checked-out',
    );
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${created.id}/verify`, { hours: 2 }, gridA),
      400,
      'validation.failed',
    );

    const [first, second] = await Promise.all([
      api.post(`/api/v1/volunteers/activities/${created.id}/verify`, {}, gridA),
      api.post(`/api/v1/volunteers/activities/${created.id}/verify`, {}, secretaryA),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const verified = [...first.body.verified, ...second.body.verified];
    expect(verified.map((v: { personId: string; hours: number }) => [v.personId, v.hours]).sort()).toEqual(
      [
        [early.personId, 1.25],
        [late.personId, 2],
      ].sort(),
    );

    const events = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT type, quantity, actors, data FROM outbox_events WHERE data->>'activityId' = $1 OR data->>'sourceId' = $1 ORDER BY type`,
            [created.id],
          )
        ).rows,
    );
    expect(events).toHaveLength(4);
    expect(events.filter((e) => e.type === 'volunteers.activity.attended').map((e) => e.actors[0])).toEqual(
      expect.arrayContaining([
        { personId: early.personId, role: 'attendee' },
        { personId: late.personId, role: 'attendee' },
      ]),
    );
    expect(
      events.find((e) => e.type === 'volunteers.service.verified' && e.actors[0].personId === early.personId),
    ).toMatchObject({
      quantity: '1.25',
      data: { source: 'activity', sourceId: created.id, title: '敬老院志愿服务', hours: 1.25 },
    });
    expect(await countRows(`SELECT verified_hours FROM volunteer_profiles WHERE person_id = $1`, [late.personId])).toBe(
      2,
    );

    const third = await api.post(
      `/api/v1/volunteers/activities/${created.id}/verify`,
      { personIds: [early.personId] },
      secretaryA,
    );
    expect(third.body).toEqual({ verified: [], alreadyVerified: [early.personId] });

    const override = await api.post(
      `/api/v1/volunteers/activities/${created.id}/verify`,
      { personIds: [absent.personId], hours: 1, reason: '提前到场布置，忘记签到' },
      secretaryA,
    );
    expect(override.body.verified).toEqual([
      expect.objectContaining({
        personId: absent.personId,
        hours: 1,
        computedHours: null,
        hoursReason: '提前到场布置，忘记签到',
      }),
    ]);
    expect(
      await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'activityId' = $1 OR data->>'sourceId' = $1`, [
        created.id,
      ]),
    ).toBe(6);

    const corrected = await api.request(
      'PATCH',
      `/api/v1/volunteers/activities/${created.id}/attendance/${late.personId}`,
      { token: secretaryA, body: { hours: 1.5, reason: '中途离开半小时' } },
    );
    expect(corrected.body).toMatchObject({
      hours: 1.5,
      computedHours: 2,
      hoursReason: '中途离开半小时',
      verified: true,
    });
    expect(await countRows(`SELECT verified_hours FROM volunteer_profiles WHERE person_id = $1`, [late.personId])).toBe(
      1.5,
    );
    expect(
      await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'activityId' = $1 OR data->>'sourceId' = $1`, [
        created.id,
      ]),
    ).toBe(6);
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'volunteers.attendance-corrected' AND target_id = $1`,
        [created.id],
      ),
    ).toBe(1);
    const stranger = await resident();
    expectProblem(
      await api.request('PATCH', `/api/v1/volunteers/activities/${created.id}/attendance/${stranger.personId}`, {
        token: secretaryA,
        body: { hours: 1, reason: '补录' },
      }),
      409,
      'volunteers.not-signed-up',
    );
  });
  it('answers 404 and writes nothing when staff sign up or check in a resident of another community', async () => {
    const created = await activity({ title: '邻里节' });
    const outsider = await resident('楼栋B1-1');
    expectProblem(
      await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, { personId: outsider.personId }, gridA),
      404,
      'resource.not-found',
    );
    now = new Date(T0.getTime() + HOUR);
    expectProblem(
      await api.post(
        `/api/v1/volunteers/activities/${created.id}/check-in`,
        { personId: outsider.personId, code: await codeOf(created.id, now) },
        gridA,
      ),
      404,
      'resource.not-found',
    );
    expect(
      await countRows(`SELECT count(*) FROM volunteer_activity_signups WHERE person_id = $1`, [outsider.personId]),
    ).toBe(0);
    expect(await countRows(`SELECT confirmed_count FROM volunteer_activities WHERE id = $1`, [created.id])).toBe(0);
    now = T0;
    const neighbour = await resident();
    expect(
      (await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, { personId: neighbour.personId }, gridA))
        .status,
    ).toBe(201);
  });

  it('refuses an organizer verifying or correcting their own attendance (with or without hours) and leaves it out of a bulk verification', async () => {
    const organizerPerson = await createPerson({ name: '组织者王', residenceUnitId: unit('楼栋A1-1').id });
    const organizer = (
      await createLoggedInUser(api, {
        role: 'grid_worker',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
        personId: organizerPerson.id,
      })
    ).token;
    const created = await activity({ title: '楼道清理' }, organizer);
    expect((await api.post(`/api/v1/volunteers/activities/${created.id}/signups`, {}, organizer)).status).toBe(201);
    const other = await signedUp(created.id);
    now = new Date(T0.getTime() + HOUR);
    for (const token of [organizer, other.token])
      expect(
        (
          await api.post(
            `/api/v1/volunteers/activities/${created.id}/check-in`,
            { code: await codeOf(created.id, now) },
            token,
          )
        ).status,
      ).toBe(200);
    now = new Date(T0.getTime() + 3 * HOUR);
    for (const token of [organizer, other.token])
      expect(
        (
          await api.post(
            `/api/v1/volunteers/activities/${created.id}/check-out`,
            { code: await codeOf(created.id, now) },
            token,
          )
        ).status,
      ).toBe(200);

    const verify = (body: unknown, token = organizer) =>
      api.post(`/api/v1/volunteers/activities/${created.id}/verify`, body, token);
    expectProblem(await verify({ personIds: [organizerPerson.id] }), 403, 'volunteers.self-authorization');
    expectProblem(
      await verify({ personIds: [organizerPerson.id, other.personId], hours: 8, reason: '全程组织' }),
      403,
      'volunteers.self-authorization',
    );
    expect(
      await countRows(
        `SELECT count(*) FROM volunteer_activity_signups WHERE activity_id = $1 AND verified_at IS NOT NULL`,
        [created.id],
      ),
    ).toBe(0);

    const bulk = await verify({});
    expect(bulk.status).toBe(200);
    expect(bulk.body.verified.map((v: { personId: string }) => v.personId)).toEqual([other.personId]);
    expect(
      await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'activityId' = $1 AND actors @> $2::jsonb`, [
        created.id,
        JSON.stringify([{ personId: organizerPerson.id }]),
      ]),
    ).toBe(0);

    const bySecretary = await verify({ personIds: [organizerPerson.id] }, secretaryA);
    expect(bySecretary.body.verified.map((v: { personId: string }) => v.personId)).toEqual([organizerPerson.id]);
    expectProblem(
      await api.request('PATCH', `/api/v1/volunteers/activities/${created.id}/attendance/${organizerPerson.id}`, {
        token: organizer,
        body: { hours: 8, reason: '全程组织' },
      }),
      403,
      'volunteers.self-authorization',
    );
  });
  it('answers 429 to repeated wrong check-in codes, even once the right code is sent', async () => {
    const created = await activity({ title: '猜码测试' });
    const person = await signedUp(created.id);
    now = new Date(T0.getTime() + HOUR);
    const right = await codeOf(created.id, now);
    const wrong = right === '000000' ? '000001' : '000000';
    const limit = api.config.throttle.code.limit;
    const statuses: number[] = [];
    for (let i = 0; i < limit; i += 1)
      statuses.push(
        (await api.post(`/api/v1/volunteers/activities/${created.id}/check-in`, { code: wrong }, person.token)).status,
      );
    expect(statuses).toEqual(Array(limit).fill(400));
    const limited = await api.post(
      `/api/v1/volunteers/activities/${created.id}/check-in`,
      { code: right },
      person.token,
    );
    expectProblem(limited, 429, 'request.rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      await countRows(
        `SELECT count(*) FROM volunteer_activity_signups WHERE person_id = $1 AND checked_in_at IS NOT NULL`,
        [person.personId],
      ),
    ).toBe(0);
  });
});
