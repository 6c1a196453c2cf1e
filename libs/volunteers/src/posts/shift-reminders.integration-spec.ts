import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BusinessCalendar, Clock, JobRunner } from '@linli/platform';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  drain,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { SHIFT_REMINDERS_SCHEDULE } from './shift-reminders.job';

/** 2026-12-01 08:00 in Beijing. */
const T0 = new Date('2026-12-01T00:00:00Z');
const HOUR = 3600_000;
const at = (hours: number): string => new Date(T0.getTime() + hours * HOUR).toISOString();

describe('the hourly shift reminders', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let notifier: NestFastifyApplication;
  let now: Date = T0;

  beforeAll(async () => {
    await resetState();
    [api, scheduler, notifier] = await Promise.all([bootApi(), bootScheduler(), bootNotifier()]);
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    now = T0;
  });
  afterAll(() => Promise.all([api.close(), scheduler.close(), notifier.close()]));

  it('tells each claimant of a shift starting within 24 hours once, in a recorded run per hour', async () => {
    const units = await createUnitTree(smallDistrict());
    const community = units.get('社区A') as ScenarioUnit;
    const secretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: community.id,
      unitPath: community.path,
    });
    const post = await api.post(
      '/api/v1/volunteers/posts',
      {
        unitId: community.id,
        title: '核酸点引导岗',
        slotsPerShift: 5,
        shifts: [
          { startsAt: at(23), endsAt: at(25) },
          { startsAt: at(30), endsAt: at(32) },
        ],
      },
      secretary.token,
    );
    expect(post.status).toBe(201);
    const [soon, later] = post.body.shifts as { id: string }[];
    const [wang, li, zhao] = await Promise.all(
      ['王芳', '李明', '赵强'].map((name) =>
        createPerson({ name, residenceUnitId: (units.get('楼栋A1-1') as ScenarioUnit).id }),
      ),
    );
    const claim = (shiftId: string, personId: string) =>
      api.post(`/api/v1/volunteers/posts/${post.body.id}/claims`, { shiftId, personId }, secretary.token);
    expect((await claim(soon.id, wang.id)).status).toBe(201);
    expect((await claim(later.id, li.id)).status).toBe(201);
    const released = await claim(soon.id, zhao.id);
    expect(
      (
        await api.request('DELETE', `/api/v1/volunteers/posts/${post.body.id}/claims/${released.body.id}`, {
          token: secretary.token,
        })
      ).status,
    ).toBe(200);

    const runner = scheduler.get(JobRunner);
    const hour = scheduler.get(BusinessCalendar).periodOf(now, 'hour').key;
    const first = await runner.run({ schedule: SHIFT_REMINDERS_SCHEDULE, period: hour });
    expect(first).toMatchObject({
      executed: true,
      run: { status: 'succeeded', result: { period: '2026-12-01T08', reminded: 1 } },
    });

    now = new Date(T0.getTime() + HOUR);
    const next = await runner.run({
      schedule: SHIFT_REMINDERS_SCHEDULE,
      period: scheduler.get(BusinessCalendar).periodOf(now, 'hour').key,
    });
    expect(next.run.result).toEqual({ period: '2026-12-01T09', reminded: 0 });

    await drain([scheduler, notifier]);
    const inbox = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT recipient_person_id, title, body FROM notifications WHERE template_key = 'volunteers.shift-reminder'`,
          )
        ).rows,
    );
    expect(inbox).toEqual([
      {
        recipient_person_id: wang.id,
        title: '岗位值守提醒',
        body: '您认领的志愿服务岗位「核酸点引导岗」（社区A）将于 2026-12-02 07:00 开始，请准时到岗签到',
      },
    ]);

    now = new Date(T0.getTime() + 7 * HOUR);
    const third = await runner.run({
      schedule: SHIFT_REMINDERS_SCHEDULE,
      period: scheduler.get(BusinessCalendar).periodOf(now, 'hour').key,
    });
    expect(third.run.result).toEqual({ period: '2026-12-01T15', reminded: 1 });
  });
});
