import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BusinessCalendar, Clock, ScheduleContext } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
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
import { EscalateOverdueJob } from '../escalation/escalate-overdue.job';

const HOUR = 3_600_000;
/** Wednesday 30 September 2026, 10:00 Beijing time: the day before the National Day holiday. */
const T0 = new Date('2026-09-30T10:00:00+08:00');
const beijing = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('a case handled grid → community → street on the working-day clock', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let now = T0;
  const unit = (name: string) => units.get(name) as ScenarioUnit;
  const users: Record<string, { token: string; id: string }> = {};
  const people: Record<string, string> = {};
  let resident: { token: string; id: string };
  let departments: Record<string, string>;

  const staff = (name: string, role: 'grid_worker' | 'secretary', at: string) =>
    createLoggedInUser(api, { role, unitId: unit(at).id, unitPath: unit(at).path }).then((user) => {
      users[name] = { token: user.token, id: user.id };
    });
  const report = (body: Record<string, unknown>, token = users.grid.token) =>
    api.post(
      '/api/v1/cases',
      {
        unitId: unit('小区A1').id,
        channel: 'grid_patrol',
        type: 'hazard',
        categoryCode: 'hazard.fire',
        title: '楼道堆放杂物',
        ...body,
      },
      token,
    );
  const act = (id: string, action: string, body: Record<string, unknown> = {}, token = users.grid.token) =>
    api.post(`/api/v1/cases/${id}/${action}`, body, token);
  const escalateAt = async (at: Date) => {
    now = at;
    const job = scheduler.get(EscalateOverdueJob);
    const context = { period: scheduler.get(BusinessCalendar).periodOf(at, 'minute') } as ScheduleContext;
    return Promise.all([job.run(context), job.run(context)]); // two schedulers at the same moment
  };

  beforeAll(async () => {
    await resetState();
    [api, scheduler] = await Promise.all([bootApi(), bootScheduler()]);
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    units = await createUnitTree(smallDistrict());
    users.admin = await createLoggedInUser(api, { role: 'admin' });
    await staff('grid', 'grid_worker', '网格A1');
    await staff('gridOther', 'grid_worker', '网格A1');
    await staff('community', 'secretary', '社区A');
    await staff('street', 'secretary', '示范街道');
    await staff('district', 'secretary', '示范区');
    await staff('outsider', 'secretary', '社区B');
    for (const name of ['张三', '李四', '王五'])
      people[name] = (await createPerson({ name, residenceUnitId: unit('楼栋A1-1').id })).id;
    resident = await createLoggedInUser(api, { personId: people['张三'] });
    const admin = users.admin.token;
    expect(
      (
        await api.request('PUT', '/api/v1/cases/calendars/2026', {
          token: admin,
          body: {
            holidays: [
              '2026-10-01',
              '2026-10-02',
              '2026-10-03',
              '2026-10-04',
              '2026-10-05',
              '2026-10-06',
              '2026-10-07',
            ],
            workdays: ['2026-09-27', '2026-10-10'],
          },
        })
      ).status,
    ).toBe(200);
    for (const category of [
      { code: 'hazard.fire', name: '消防隐患', responseHours: 2, resolveWorkingDays: 3, resolveHours: 24 },
      { code: 'dispute.neighbour', name: '邻里纠纷', responseHours: 24, resolveWorkingDays: 10 },
    ])
      expect((await api.post('/api/v1/cases/categories', category, admin)).status).toBe(201);
    departments = {};
    for (const [name, at] of [
      ['司法所', '示范街道'],
      ['住建局', '示范区'],
    ]) {
      const created = await api.post(
        '/api/v1/cases/departments',
        { unitId: unit(at).id, name, categoryCodes: ['dispute.neighbour'] },
        admin,
      );
      departments[name] = created.body.id;
    }
  });
  afterAll(() => Promise.all([api.close(), scheduler.close()]));

  it('registers a grid worker’s find at once, due at the end of the third working day across the holiday and the make-up Saturday', async () => {
    now = T0;
    const found = await report({ reporterPersonId: people['李四'] });
    expect(found.status).toBe(201);
    expect(found.body).toMatchObject({
      status: 'registered',
      level: 'grid',
      levelUnitName: '网格A1',
      responseDueAt: beijing('2026-09-30T12:00:00'),
      // 1–7 October rest; Thu 8th, Fri 9th, Sat 10th (调休) are the three working days.
      resolveDueAt: beijing('2026-10-11T00:00:00'),
      reporter: { name: '李四' },
    });
    const urgent = await report({ urgency: 'urgent' });
    expect(urgent.body.resolveDueAt).toBe(beijing('2026-10-01T10:00:00')); // 24 hours for an urgent one
    // A grid worker reporting as themselves waits for someone else to register it.
    const own = await createLoggedInUser(api, {
      role: 'grid_worker',
      unitId: unit('网格A1').id,
      unitPath: unit('网格A1').path,
      personId: people['王五'],
    });
    const mine = await report({ reporterPersonId: people['王五'] }, own.token);
    expect(mine.body.status).toBe('reported');
    expectProblem(await act(mine.body.id, 'register', {}, own.token), 403, 'cases.self-authorization');
    expect((await act(mine.body.id, 'register')).body.status).toBe('registered');
  });

  it('escalates grid → community → street → district exactly when each level runs out of time, once with two schedulers', async () => {
    now = T0;
    const created = await report({});
    const id = created.body.id;
    const escalations = () => countRows(`SELECT count(*) FROM case_escalations WHERE case_id = $1`, [id]);

    // One hour before the end of the third working day: nothing moves.
    const level = async () => (await api.get(`/api/v1/cases/${id}`, users.district.token)).body.level;
    await escalateAt(new Date(new Date(beijing('2026-10-11T00:00:00')).getTime() - HOUR));
    expect(await level()).toBe('grid');
    expect(await escalations()).toBe(0);
    await escalateAt(new Date(beijing('2026-10-11T00:00:00')));
    expect(await escalations()).toBe(1);
    let current = (await api.get(`/api/v1/cases/${id}`, users.community.token)).body;
    expect(current).toMatchObject({
      level: 'community',
      levelUnitName: '社区A',
      status: 'dispatched',
      escalationCount: 1,
    });
    // The community's own three working days from Sunday 11 October: Mon 12th, Tue 13th, Wed 14th.
    expect(current.levelDueAt).toBe(beijing('2026-10-15T00:00:00'));
    expect(current.resolveDueAt).toBe(beijing('2026-10-11T00:00:00'));
    expect(current.overdue).toBe(true);
    expect(
      await countRows(
        `SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE 'cases.escalated:%' AND job->'recipient'->>'userId' = $1`,
        [users.community.id],
      ),
    ).toBeGreaterThanOrEqual(1);

    await escalateAt(new Date(beijing('2026-10-15T00:00:00')));
    current = (await api.get(`/api/v1/cases/${id}`, users.street.token)).body;
    expect(current).toMatchObject({ level: 'street', levelUnitName: '示范街道', escalationCount: 2 });
    // From Thursday 15 October: Fri 16th, Mon 19th, Tue 20th.
    expect(current.levelDueAt).toBe(beijing('2026-10-21T00:00:00'));
    await escalateAt(new Date(beijing('2026-10-21T00:00:00')));
    current = (await api.get(`/api/v1/cases/${id}`, users.district.token)).body;
    expect(current).toMatchObject({ level: 'district', escalationCount: 3 });
    await escalateAt(new Date(beijing('2026-11-30T00:00:00')));
    expect(await escalations()).toBe(3);
    expectProblem(await act(id, 'escalate', { reason: '再报' }, users.district.token), 409, 'cases.top-level');
    const steps = (await api.get(`/api/v1/cases/${id}/steps`, users.district.token)).body.items;
    expect(steps.filter((step: { action: string }) => step.action === 'escalate')).toHaveLength(3);
  });

  it('joint handling is handled only when every department’s task is done; a failed verification is rework; an unsatisfied visit reopens', async () => {
    now = new Date(beijing('2026-11-02T09:00:00'));
    const dispute = await report(
      {
        type: 'dispute',
        categoryCode: 'dispute.neighbour',
        title: '邻里噪音纠纷',
        partyPersonIds: [people['李四'], people['王五']],
        reporterPersonId: people['张三'],
        channel: 'household_visit',
      },
      users.community.token,
    );
    expect(dispute.body).toMatchObject({ status: 'registered', partyCount: 2 });
    const id = dispute.body.id;
    expectProblem(
      await act(id, 'dispatch', { level: 'street', departmentIds: [departments['司法所']] }, users.outsider.token),
      404,
      'resource.not-found',
    );
    const dispatched = await act(
      id,
      'dispatch',
      { level: 'street', departmentIds: [departments['司法所'], departments['住建局']] },
      users.district.token,
    );
    expect(dispatched.body).toMatchObject({ status: 'dispatched', level: 'street' });
    expect(dispatched.body.tasks.map((task: { departmentName: string }) => task.departmentName).sort()).toEqual(
      ['住建局', '司法所'].sort(),
    );
    expectProblem(await act(id, 'handle', { note: '已调解' }, users.street.token), 409, 'cases.status');
    expect((await act(id, 'start', {}, users.street.token)).body.status).toBe('in_progress');
    expectProblem(await act(id, 'handle', { note: '已调解' }, users.street.token), 409, 'cases.tasks-open');
    const [first, second] = dispatched.body.tasks;
    const afterOne = await act(id, `tasks/${first.id}/done`, { note: '调解完成' }, users.street.token);
    expect(afterOne.body.status).toBe('in_progress');
    expectProblem(await act(id, `tasks/${first.id}/done`, {}, users.street.token), 409, 'cases.task-not-open');
    const afterAll = await act(id, `tasks/${second.id}/done`, { note: '已整改' }, users.district.token);
    expect(afterAll.body.status).toBe('handled');

    // The district secretary handled it (the last task): they cannot verify their own handling.
    expectProblem(await act(id, 'verify', { passed: true }, users.district.token), 403, 'cases.self-authorization');
    const failed = await act(id, 'verify', { passed: false, note: '噪音仍在' }, resident.token);
    expect(failed.body).toMatchObject({ status: 'in_progress', reworkCount: 1 });
    expect((await act(id, 'handle', { note: '再次调解' }, users.street.token)).body.status).toBe('handled');
    expect((await act(id, 'verify', { passed: true }, users.grid.token)).body.status).toBe('verified');
    const closed = await act(id, 'close', {}, users.community.token);
    expect(closed.body).toMatchObject({ status: 'closed', closedOnTime: true });
    expectProblem(
      await act(id, 'visits', { satisfaction: 'satisfied' }, users.street.token),
      403,
      'cases.self-authorization',
    );
    const unhappy = await act(id, 'visits', { satisfaction: 'unsatisfied', note: '仍有噪音' }, resident.token);
    expect(unhappy.body).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      reworkCount: 2,
      closedAt: null,
      satisfaction: 'unsatisfied',
    });
    expect(
      await countRows(`SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE $1`, [
        `cases.visit-invitation:${id}:%`,
      ]),
    ).toBe(1);
  });

  it('warns once at the warning share of a level’s time, dispatches to a named handler who holds cases.handle there, and lists by status and overdue', async () => {
    now = new Date(beijing('2026-11-02T09:00:00')); // Monday: due at 24:00 on Thursday 5 November
    const created = await report({ title: '消防通道堵塞' });
    const id = created.body.id;
    const dueSoon = async () =>
      (
        await withTestDb((client) =>
          client.query(
            `SELECT job->'recipient'->>'userId' AS user_id FROM notification_requests WHERE dedupe_key LIKE $1`,
            [`cases.due-soon:${id}:%`],
          ),
        )
      ).rows.map((row: { user_id: string }) => row.user_id);
    // 80 % of the 87 hours from registration to the deadline is 69.6 hours: Thursday 06:36.
    await escalateAt(new Date(beijing('2026-11-05T06:00:00')));
    expect(await dueSoon()).toEqual([]);
    await escalateAt(new Date(beijing('2026-11-05T07:00:00')));
    const warned = await dueSoon(); // the grid's workers (no handler yet), each once, even with two schedulers
    expect(warned).toEqual(expect.arrayContaining([users.grid.id, users.gridOther.id]));
    expect(new Set(warned).size).toBe(warned.length);
    await escalateAt(new Date(beijing('2026-11-05T08:00:00')));
    expect((await dueSoon()).length).toBe(warned.length);

    expectProblem(await act(id, 'dispatch', { handlerUserId: users.outsider.id }), 404, 'resource.not-found');
    expectProblem(
      await act(id, 'dispatch', { departmentIds: [departments['司法所']] }, users.street.token),
      400,
      'cases.department',
    ); // 司法所 handles neighbour disputes, not fire hazards
    const dispatched = await act(id, 'dispatch', { handlerUserId: users.gridOther.id });
    expect(dispatched.body).toMatchObject({ status: 'dispatched', handlerUserId: users.gridOther.id });
    expect(
      await countRows(
        `SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE $1 AND job->'recipient'->>'userId' = $2`,
        [`cases.dispatched:${id}:%`, users.gridOther.id],
      ),
    ).toBe(1);

    now = new Date(beijing('2026-11-06T09:00:00'));
    const list = (query: string, token = users.community.token) => api.get(`/api/v1/cases?${query}`, token);
    const overdue = (await list(`overdue=true&unitId=${unit('网格A1').id}`)).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(overdue).toContain(id);
    expect(
      (await list('status=dispatched')).body.items.every((item: { status: string }) => item.status === 'dispatched'),
    ).toBe(true);
    const firstPage = await list('limit=2');
    expect(firstPage.body.items).toHaveLength(2);
    const secondPage = await list(`limit=2&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`);
    expect(secondPage.body.items[0].id).not.toBe(firstPage.body.items[0].id);
    expect((await list('', users.outsider.token)).body.items).toEqual([]);
    expectProblem(await list(`unitId=${unit('社区A').id}`, users.outsider.token), 404, 'resource.not-found');
  });

  it('suspension stops the clock: resuming moves both deadlines by the time suspended', async () => {
    now = new Date(beijing('2026-11-02T09:00:00'));
    const created = await report({});
    expect(created.body.resolveDueAt).toBe(beijing('2026-11-06T00:00:00'));
    expect((await act(created.body.id, 'suspend', { reason: '等待业主回家' })).body.status).toBe('suspended');
    expectProblem(await act(created.body.id, 'start'), 409, 'cases.status');
    now = new Date(beijing('2026-11-04T09:00:00'));
    const resumed = await act(created.body.id, 'resume');
    expect(resumed.body).toMatchObject({ status: 'registered', resolveDueAt: beijing('2026-11-08T00:00:00') });
  });

  it('keeps an anonymous reporter and a dispute’s parties hidden from handlers without the audited reveal', async () => {
    now = new Date(beijing('2026-11-02T09:00:00'));
    const reported = await report({ channel: 'resident', anonymous: true }, resident.token);
    expect(reported.status).toBe(201);
    expect(reported.body).toMatchObject({ status: 'reported', anonymous: true, reporter: { name: '张三' } });
    const seen = (await api.get(`/api/v1/cases/${reported.body.id}`, users.community.token)).body;
    expect(seen.reporter).toBeNull();
    expect(JSON.stringify(seen)).not.toContain(people['张三']);
    expect((await act(reported.body.id, 'reveal', { reason: '核实情况' }, users.grid.token)).status).toBe(403);
    expectProblem(
      await act(reported.body.id, 'reveal', { reason: '核实情况' }, users.outsider.token),
      404,
      'resource.not-found',
    );
    const revealed = await act(reported.body.id, 'reveal', { reason: '需当面核实' }, users.community.token);
    expect(revealed.body.reporters).toEqual([{ personId: people['张三'], name: '张三' }]);
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'cases.identity-revealed' AND target_id = $1 AND data->>'reason' = '需当面核实'`,
        [reported.body.id],
      ),
    ).toBe(1);
    // Residents report for their own community only, as themselves, by a resident channel.
    expectProblem(
      await report({ channel: 'resident', unitId: unit('小区B1').id }, resident.token),
      404,
      'resource.not-found',
    );
    expectProblem(await report({ channel: 'grid_patrol' }, resident.token), 400, 'cases.resident-report');
    expect(
      (await api.get('/api/v1/cases', resident.token)).body.items.map((item: { id: string }) => item.id),
    ).toContain(reported.body.id);
    expectProblem(await api.get(`/api/v1/cases/${reported.body.id}`, users.outsider.token), 404, 'resource.not-found');
  });
});
