import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, JobRunner } from '@linli/platform';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  drain,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { ACTIVITY_REMINDERS_SCHEDULE } from '../activity-reminders.job';

describe('hour requests and activity reminders', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: string;
  let secretaryB: string;
  let gridA: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date('2026-11-22T02:00:00Z'));
    units = await createUnitTree(smallDistrict());
    const staff = (role: 'secretary' | 'grid_worker', community: string) =>
      createLoggedInUser(api, { role, unitId: unit(community).id, unitPath: unit(community).path });
    secretaryA = (await staff('secretary', '社区A')).token;
    secretaryB = (await staff('secretary', '社区B')).token;
    gridA = (await staff('grid_worker', '社区A')).token;
  });
  afterAll(() => api.close());

  async function resident(): Promise<{ personId: string; token: string }> {
    const person = await createPerson({ name: '李阿姨', residenceUnitId: unit('楼栋A1-1').id });
    return { personId: person.id, token: (await createLoggedInUser(api, { personId: person.id })).token };
  }

  it('counts self-reported hours once a secretary in scope approves them, once', async () => {
    const person = await resident();
    const body = {
      date: '2026-11-20',
      hours: 2,
      description: '为独居老人代买药品并陪同就医',
      unitId: unit('社区A').id,
    };
    expectProblem(await api.post('/api/v1/volunteers/hour-requests', body, gridA), 403, 'volunteers.person-not-linked');
    expectProblem(
      await api.post('/api/v1/volunteers/hour-requests', { ...body, date: '2026-11-23' }, person.token),
      400,
      'volunteers.hour-request-future',
    );
    const created = await api.post('/api/v1/volunteers/hour-requests', body, person.token);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'pending', hours: 2, date: '2026-11-20', personId: person.personId });

    expect(
      (await api.get('/api/v1/volunteers/hour-requests', person.token)).body.items.map((r: { id: string }) => r.id),
    ).toEqual([created.body.id]);
    expect((await api.get('/api/v1/volunteers/hour-requests', secretaryB)).body.items).toEqual([]);
    expectProblem(
      await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, {}, secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, {}, gridA),
      403,
      'auth.forbidden',
    );

    const [first, second] = await Promise.all([
      api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, { hours: 1.5 }, secretaryA),
      api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, { hours: 1.5 }, secretaryA),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body).toMatchObject({ status: 'approved', approvedHours: 1.5 });
    const events = await withTestDb(
      async (client) =>
        (
          await client.query(`SELECT type, quantity, actors, data FROM outbox_events WHERE data->>'sourceId' = $1`, [
            created.body.id,
          ])
        ).rows,
    );
    expect(events).toEqual([
      {
        type: 'volunteers.service.verified',
        quantity: '1.5',
        actors: [{ personId: person.personId, role: 'volunteer' }],
        data: {
          source: 'hour-request',
          sourceId: created.body.id,
          title: '自报服务：为独居老人代买药品并陪同就医',
          hours: 1.5,
        },
      },
    ]);
    expect(
      await countRows('SELECT verified_hours FROM volunteer_profiles WHERE person_id = $1', [person.personId]),
    ).toBe(1.5);
    expectProblem(
      await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/reject`, { reason: '无法核实' }, secretaryA),
      409,
      'volunteers.hour-request-decided',
    );
  });

  it('refuses a secretary approving their own hour request: volunteers.self-authorization, nothing counted', async () => {
    const person = await createPerson({ name: '书记赵', residenceUnitId: unit('楼栋A1-1').id });
    const secretary = (
      await createLoggedInUser(api, {
        role: 'secretary',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
        personId: person.id,
      })
    ).token;
    const created = await api.post(
      '/api/v1/volunteers/hour-requests',
      { date: '2026-11-20', hours: 6, description: '社区值守', unitId: unit('社区A').id },
      secretary,
    );
    expect(created.status).toBe(201);
    expectProblem(
      await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, { hours: 8 }, secretary),
      403,
      'volunteers.self-authorization',
    );
    expect(await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'sourceId' = $1`, [created.body.id])).toBe(
      0,
    );
    expect(
      (await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, {}, secretaryA)).body,
    ).toMatchObject({ status: 'approved', approvedHours: 6 });
  });

  it('rejects a request with a reason and counts nothing', async () => {
    const person = await resident();
    const created = await api.post(
      '/api/v1/volunteers/hour-requests',
      { date: '2026-11-21', hours: 3, description: '社区巡逻', unitId: unit('社区A').id },
      person.token,
    );
    const rejected = await api.post(
      `/api/v1/volunteers/hour-requests/${created.body.id}/reject`,
      { reason: '无法核实服务情况' },
      secretaryA,
    );
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '无法核实服务情况', approvedHours: null });
    expect(await countRows(`SELECT count(*) FROM outbox_events WHERE data->>'sourceId' = $1`, [created.body.id])).toBe(
      0,
    );
    expectProblem(
      await api.post(`/api/v1/volunteers/hour-requests/${created.body.id}/approve`, {}, secretaryA),
      409,
      'volunteers.hour-request-decided',
    );
  });

  it('reminds each confirmed participant once, a day before the activity starts', async () => {
    let scheduler: NestFastifyApplication | undefined;
    let notifier: NestFastifyApplication | undefined;
    try {
      scheduler = await bootScheduler();
      notifier = await bootNotifier();
      jest.spyOn(scheduler.get(Clock), 'now').mockImplementation(() => new Date('2026-11-22T02:10:00Z'));
      const created = await api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('社区A').id,
          title: '重阳节包饺子',
          kind: 'neighbour',
          startsAt: '2026-11-23T02:30:00Z',
          endsAt: '2026-11-23T04:00:00Z',
          capacity: 1,
          location: { lat: 39.9, lng: 116.4, address: '社区食堂' },
        },
        gridA,
      );
      const later = await api.post(
        '/api/v1/volunteers/activities',
        {
          unitId: unit('社区A').id,
          title: '下周读书会',
          kind: 'neighbour',
          startsAt: '2026-11-29T02:30:00Z',
          endsAt: '2026-11-29T04:00:00Z',
          capacity: 5,
        },
        gridA,
      );
      const [going, waiting] = [await resident(), await resident()];
      for (const person of [going, waiting])
        await api.post(`/api/v1/volunteers/activities/${created.body.id}/signups`, {}, person.token);
      await api.post(`/api/v1/volunteers/activities/${later.body.id}/signups`, {}, going.token);

      const run = await scheduler
        .get(JobRunner)
        .run({ schedule: ACTIVITY_REMINDERS_SCHEDULE, period: '2026-11-22T10' });
      expect(run.run).toMatchObject({ status: 'succeeded', result: { reminded: 1 } });
      const rerun = await scheduler
        .get(JobRunner)
        .run({ schedule: ACTIVITY_REMINDERS_SCHEDULE, period: '2026-11-22T10', force: true });
      expect(rerun.run).toMatchObject({ status: 'succeeded', result: { reminded: 0 } });
      await drain([scheduler, notifier]);
      const inbox = await withTestDb(
        async (client) =>
          (
            await client.query(
              `SELECT recipient_person_id, body FROM notifications WHERE template_key = 'volunteers.activity-reminder'`,
            )
          ).rows,
      );
      expect(inbox).toEqual([
        {
          recipient_person_id: going.personId,
          body: '您报名的活动「重阳节包饺子」将于 2026-11-23 10:30 开始，地点：社区食堂，请准时参加',
        },
      ]);
    } finally {
      await Promise.all([scheduler?.close(), notifier?.close()]);
    }
  });
});
