import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { BusinessCalendar, Clock, currentCheckInCode, JobRunner } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createOfficer,
  createPartyOrganization,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { MEETING_REMINDERS_SCHEDULE } from './meeting-reminders.job';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** 09:00 Beijing time on a Saturday. */
const T0 = new Date('2026-11-28T01:00:00Z');
const at = (offsetMs: number): string => new Date(T0.getTime() + offsetMs).toISOString();
const MEETINGS = '/api/v1/deliberation/meetings';

describe('deliberation meetings: kinds, notice, agenda, attendance, minutes, joint meetings, reminders', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let secretaryA: { id: string; token: string; personId: string | null };
  let gridA: string;
  let secretaryB: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    [api, scheduler] = await Promise.all([bootApi(), bootScheduler()]);
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(now));
    units = await createUnitTree(smallDistrict());
    const [staffPerson] = await createPeople([{ name: '书记本人', residence: unit('小区A1') }]);
    const staff = (name: string, role: 'secretary' | 'grid_worker', personId?: string) =>
      createLoggedInUser(api, { role, unitId: unit(name).id, unitPath: unit(name).path, personId });
    secretaryA = await staff('社区A', 'secretary', staffPerson.id);
    gridA = (await staff('社区A', 'grid_worker')).token;
    secretaryB = (await staff('社区B', 'secretary')).token;
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => Promise.all([api.close(), scheduler.close()]));

  async function resident(home: string, birthDate = '1980-05-01'): Promise<{ personId: string; token: string }> {
    serial += 1;
    const [person] = await createPeople([{ name: `居民${serial}`, residence: unit(home), birthDate }]);
    return { personId: person.id, token: (await createLoggedInUser(api, { personId: person.id })).token };
  }

  /** A topic at `home`, straight in the resolution step (or `step`). */
  async function topic(home: string, title: string, step = 'resolve'): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO deliberation_topics (unit_id, unit_path, title, category, source, step, step_entered_at, created_by_user_id)
         VALUES ($1, $2, $3, 'lift_installation', 'grid_worker', $4, now(), $5) RETURNING id`,
        [unit(home).id, unit(home).path, title, step, secretaryA.id],
      );
      return rows[0].id as string;
    });
  }

  async function meeting(overrides: Record<string, unknown> = {}, token = gridA): Promise<any> {
    const response = await api.post(
      MEETINGS,
      {
        unitId: unit('楼栋A1-1').id,
        kind: 'residents_meeting',
        title: '加装电梯居民会议',
        startsAt: at(2 * HOUR),
        endsAt: at(4 * HOUR),
        ...overrides,
      },
      token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  /** The accounts a reminder of the meeting was requested for, sorted. */
  async function reminded(meetingId: string): Promise<string[]> {
    return withTestDb(async (client) =>
      (
        await client.query(
          `SELECT job->'recipient'->>'userId' AS user_id FROM notification_requests WHERE dedupe_key LIKE $1`,
          [`deliberation.meeting-reminder:${meetingId}:%`],
        )
      ).rows
        .map((row) => row.user_id as string)
        .sort(),
    );
  }

  async function codeOf(meetingId: string, instant: Date): Promise<string> {
    const secret = await withTestDb(
      async (client) =>
        (await client.query('SELECT check_in_secret FROM deliberation_meetings WHERE id = $1', [meetingId])).rows[0]
          .check_in_secret,
    );
    return currentCheckInCode(secret, instant).code;
  }

  it('lists the seven kinds with their notice days and legal quorum and decision rules', async () => {
    const kinds = await api.get('/api/v1/deliberation/meeting-kinds', gridA);
    expect(kinds.status).toBe(200);
    const byKind = new Map(kinds.body.items.map((k: { kind: string }) => [k.kind, k]));
    expect([...byKind.keys()]).toHaveLength(7);
    expect(byKind.get('residents_meeting')).toMatchObject({
      displayName: '居民会议',
      quorum: {
        rule: 'more_than_half',
        base: 'adult_residents_or_households',
        source: expect.stringContaining('第九条'),
      },
      decision: { rule: 'more_than_half' },
    });
    expect(byKind.get('representatives_meeting')).toMatchObject({ quorum: { rule: 'two_thirds' } });
    expect(byKind.get('hearing')).toMatchObject({ displayName: '事务听评会', noticeDays: 10 });
    expect(byKind.get('joint_meeting')).toMatchObject({ noticeDays: 15, quorum: { rule: 'none' } });
  });

  it('records attendance once per person, by staff or with the rotating code, with one event per new attendee and the quorum', async () => {
    const [p1, p2, p3] = [await resident('楼栋A1-1'), await resident('楼栋A1-1'), await resident('楼栋A1-1')];
    await resident('楼栋A1-1', '2015-01-01'); // a child: not counted in the base
    const created = await meeting();
    const base = `${MEETINGS}/${created.id}`;
    expect(created.quorum).toMatchObject({
      rule: 'more_than_half',
      basis: 'adult_residents',
      base: 3,
      required: 2,
      met: false,
    });

    expectProblem(
      await api.post(`${base}/attendance`, { personIds: [p1.personId] }, gridA),
      409,
      'deliberation.meeting-not-started',
    );
    now = new Date(T0.getTime() + 2 * HOUR);
    const first = await api.post(`${base}/attendance`, { personIds: [p1.personId] }, gridA);
    expect(first.body).toEqual({ recorded: [p1.personId], skipped: [], attendanceCount: 1 });
    now = new Date(now.getTime() + 60_000);
    const again = await api.post(`${base}/attendance`, { personIds: [p1.personId, p2.personId] }, gridA);
    expect(again.body).toEqual({ recorded: [p2.personId], skipped: [p1.personId], attendanceCount: 2 });
    expectProblem(
      await api.post(`${base}/attendance`, { personIds: [secretaryA.personId] }, secretaryA.token),
      403,
      'deliberation.self-authorization',
    );
    const outsider = await resident('楼栋B1-1');
    expectProblem(
      await api.post(`${base}/attendance`, { personIds: [outsider.personId] }, gridA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`${base}/attendance`, { personIds: [p3.personId] }, secretaryB),
      404,
      'resource.not-found',
    );

    now = new Date(now.getTime() + 60_000);
    const shown = await api.get(`${base}/check-in-code`, gridA);
    expect(shown.body.code).toBe(await codeOf(created.id, now));
    expectProblem(
      await api.post(`${base}/check-in`, { code: '000000' === shown.body.code ? '111111' : '000000' }, p3.token),
      400,
      'deliberation.check-in-code-invalid',
    );
    expectProblem(
      await api.post(`${base}/check-in`, { code: shown.body.code }, outsider.token),
      404,
      'resource.not-found',
    );
    const checkedIn = await api.post(`${base}/check-in`, { code: shown.body.code }, p3.token);
    expect(checkedIn.body).toMatchObject({ personId: p3.personId, newlyRecorded: true });
    const twice = await api.post(`${base}/check-in`, { code: shown.body.code }, p3.token);
    expect(twice.body).toMatchObject({ newlyRecorded: false, attendedAt: checkedIn.body.attendedAt });

    now = new Date(T0.getTime() + 5 * HOUR);
    expectProblem(
      await api.post(`${base}/check-in`, { code: await codeOf(created.id, now) }, p1.token),
      409,
      'deliberation.check-in-closed',
    );
    const events = await countRows(
      `SELECT count(*) FROM outbox_events WHERE type = 'deliberation.meeting.attended' AND data->>'meetingId' = $1`,
      [created.id],
    );
    expect(events).toBe(3);
    const detail = await api.get(base, gridA);
    expect(detail.body).toMatchObject({ attendanceCount: 3, quorum: { base: 3, present: 3, met: true } });
    const list = await api.get(`${base}/attendance?limit=2`, gridA);
    expect(list.body.items.map((a: { personId: string; method: string }) => [a.personId, a.method])).toEqual([
      [p1.personId, 'staff'],
      [p2.personId, 'staff'],
    ]);
    const rest = await api.get(`${base}/attendance?limit=2&cursor=${list.body.nextCursor}`, gridA);
    expect(rest.body).toMatchObject({ items: [{ personId: p3.personId, method: 'code' }], nextCursor: null });
  });

  it('refuses a hearing announced 9 days ahead, naming the earliest start, and accepts one 10 days ahead', async () => {
    const hearing = { kind: 'hearing', title: '停车收费听评会', unitId: unit('小区A1').id };
    const early = await api.post(MEETINGS, { ...hearing, startsAt: at(9 * DAY), endsAt: at(9 * DAY + HOUR) }, gridA);
    expectProblem(early, 409, 'deliberation.meeting-notice-too-short');
    expect(early.body).toMatchObject({
      earliestStart: at(10 * DAY),
      detail: expect.stringContaining('2026-12-08 09:00'),
    });
    const ok = await meeting({ ...hearing, startsAt: at(10 * DAY), endsAt: at(10 * DAY + HOUR) });
    expect(ok).toMatchObject({ kind: 'hearing', displayKind: '事务听评会', status: 'scheduled' });
    expect(JSON.stringify(ok)).not.toMatch(/secret/i);
    expectProblem(
      await api.post(MEETINGS, { ...hearing, startsAt: at(11 * DAY), endsAt: at(10 * DAY) }, gridA),
      400,
      'deliberation.meeting-times',
    );
  });

  it('puts topics in resolution on the agenda, refusing others, and answers 404 outside the scope', async () => {
    const lift = await topic('楼栋A1-1', '1号楼加装电梯');
    const created = await meeting({ topicIds: [lift] });
    expect(created.agenda).toEqual([{ topicId: lift, title: '1号楼加装电梯', position: 1 }]);

    const collecting = await topic('楼栋A1-1', '垃圾分类点位', 'collect');
    expectProblem(
      await api.post(MEETINGS, { ...baseOf(created), topicIds: [collecting] }, gridA),
      409,
      'deliberation.action-not-allowed',
    );
    const above = await topic('社区A', '社区停车');
    expectProblem(
      await api.post(MEETINGS, { ...baseOf(created), topicIds: [above] }, gridA),
      400,
      'deliberation.agenda-topic-outside-unit',
    );
    const elsewhere = await topic('楼栋B1-1', '别的社区的议题');
    expectProblem(
      await api.post(MEETINGS, { ...baseOf(created), topicIds: [elsewhere] }, gridA),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(
        MEETINGS,
        { ...baseOf(created), kind: 'joint_meeting', startsAt: at(16 * DAY), endsAt: at(17 * DAY) },
        gridA,
      ),
      400,
      'deliberation.meeting-unit-kind',
    );

    const outsider = await resident('楼栋B1-1');
    expectProblem(await api.get(`${MEETINGS}/${created.id}`, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(`${MEETINGS}/${created.id}`, outsider.token), 404, 'resource.not-found');
    expectProblem(await api.post(`${MEETINGS}/${created.id}/cancel`, {}, secretaryB), 404, 'resource.not-found');
    const neighbour = await resident('楼栋A1-1');
    const seen = await api.get(`${MEETINGS}?unitId=${unit('社区A').id}&kind=residents_meeting`, neighbour.token);
    expect(seen.body.items.map((m: { id: string }) => m.id)).toContain(created.id);
    expect((await api.get(`${MEETINGS}?kind=residents_meeting`, secretaryB)).body.items).toEqual([]);

    // An open form (民情恳谈会) is listed to every resident of the community; a building's residents' meeting is not.
    const talk = await meeting({ kind: 'public_talk', title: '楼栋民情恳谈会' });
    const upstairs = await resident('小区A1');
    const listed = (await api.get(`${MEETINGS}?limit=100`, upstairs.token)).body.items.map((m: { id: string }) => m.id);
    expect(listed).toContain(talk.id);
    expect(listed).not.toContain(created.id);
    expect((await api.get(`${MEETINGS}/${talk.id}`, upstairs.token)).status).toBe(200);
    expectProblem(await api.get(`${MEETINGS}/${created.id}`, upstairs.token), 404, 'resource.not-found');
  });

  it('records the minutes once after the start, for agenda topics only, and marks the meeting held', async () => {
    const onAgenda = await topic('楼栋A1-1', '楼道堆物清理');
    const other = await topic('楼栋A1-1', '不在议程上的议题');
    const created = await meeting({ topicIds: [onAgenda] });
    const minutes = (topicId: string) => ({
      summary: '会议同意清理楼道堆物',
      decisions: [{ topicId, decision: '两周内清理完毕', adopted: true }],
      followUps: [{ task: '通知各户', owner: '楼栋长', dueOn: '2026-12-10' }],
    });
    const url = `${MEETINGS}/${created.id}/minutes`;
    expectProblem(await api.post(url, minutes(onAgenda), gridA), 409, 'deliberation.meeting-not-started');
    now = new Date(T0.getTime() + 3 * HOUR);
    expectProblem(await api.post(url, minutes(other), gridA), 400, 'deliberation.minutes-topic-not-on-agenda');
    expectProblem(await api.post(url, minutes(onAgenda), secretaryB), 404, 'resource.not-found');
    const recorded = await api.post(url, minutes(onAgenda), gridA);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'held',
      minutes: { attendeeCount: 0, decisions: [{ topicId: onAgenda, decision: '两周内清理完毕', adopted: true }] },
    });
    expectProblem(await api.post(url, minutes(onAgenda), gridA), 409, 'deliberation.minutes-recorded');
    const stored = await withTestDb(
      async (client) =>
        (await client.query('SELECT decisions FROM deliberation_meeting_minutes WHERE meeting_id = $1', [created.id]))
          .rows[0].decisions,
    );
    expect(stored).toEqual([{ topicId: onAgenda, decision: '两周内清理完毕', adopted: true }]);
    expectProblem(
      await api.post(`${MEETINGS}/${created.id}/cancel`, {}, gridA),
      409,
      'deliberation.meeting-not-scheduled',
    );
  });

  it("rotates the chair of joint meetings A, B, C, A, skipping a member who left, flags the third unexcused absence and reminds the members' secretaries", async () => {
    const org = (name: string) => createPartyOrganization({ kind: 'branch', name, unitId: unit('社区A').id });
    const [a, b, x, c] = [
      await org('甲单位党支部'),
      await org('乙单位党支部'),
      await org('丙单位党支部'),
      await org('丁单位党支部'),
    ];
    const join = async (organizationId: string) => {
      const response = await api.post(
        '/api/v1/deliberation/joint-members',
        { unitId: unit('社区A').id, organizationId },
        secretaryA.token,
      );
      expect(response.status).toBe(201);
      return response.body;
    };
    await join(a.id);
    await join(b.id);
    const leaving = await join(x.id);
    await join(c.id);
    expectProblem(
      await api.post(
        '/api/v1/deliberation/joint-members',
        { unitId: unit('社区A').id, organizationId: a.id },
        secretaryA.token,
      ),
      409,
      'deliberation.joint-member-exists',
    );
    expect(
      (await api.post(`/api/v1/deliberation/joint-members/${leaving.id}/leave`, {}, secretaryA.token)).status,
    ).toBe(200);
    expectProblem(
      await api.post(`/api/v1/deliberation/joint-members/${leaving.id}/leave`, {}, secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.request('DELETE', `/api/v1/deliberation/joint-members/${leaving.id}`, { token: secretaryA.token }),
      409,
      'deliberation.joint-member-left',
    );

    const joint: any[] = [];
    for (let i = 0; i < 4; i += 1) {
      now = new Date(T0.getTime() + i * HOUR);
      joint.push(
        await meeting(
          {
            unitId: unit('社区A').id,
            kind: 'joint_meeting',
            title: `第${i + 1}次党建联席会议`,
            startsAt: at((16 + i) * DAY),
            endsAt: at((16 + i) * DAY + 2 * HOUR),
          },
          secretaryA.token,
        ),
      );
    }
    expect(joint.map((m) => m.chairOrganizationName)).toEqual([
      '甲单位党支部',
      '乙单位党支部',
      '丁单位党支部',
      '甲单位党支部',
    ]);

    const mark = (m: { id: string }, organizationId: string, status: string) =>
      api.post(`${MEETINGS}/${m.id}/member-attendance`, { organizationId, status }, secretaryA.token);
    expect((await mark(joint[0], b.id, 'absent')).body).toMatchObject({ absences: 1, flagged: false });
    expect((await mark(joint[1], b.id, 'absent')).body).toMatchObject({ absences: 2, flagged: false });
    expect((await mark(joint[2], b.id, 'excused')).body).toMatchObject({ absences: 2, flagged: false });
    expect((await mark(joint[2], a.id, 'present')).body).toMatchObject({ absences: 0, flagged: false });
    expectProblem(await mark(joint[2], x.id, 'absent'), 400, 'deliberation.not-joint-member');
    const listed = await api.get(`/api/v1/deliberation/joint-members?unitId=${unit('社区A').id}&year=2026`, gridA);
    expect(listed.body.items.map((m: any) => [m.organizationName, m.rotationOrder, m.absences, m.flagged])).toEqual([
      ['甲单位党支部', 1, 0, false],
      ['乙单位党支部', 2, 2, false],
      ['丁单位党支部', 4, 0, false],
    ]);
    expect((await mark(joint[3], b.id, 'absent')).body).toMatchObject({ absences: 3, flagged: true });
    const flagged = await api.get(`/api/v1/deliberation/joint-members?unitId=${unit('社区A').id}&year=2026`, gridA);
    expect(flagged.body.items.find((m: any) => m.organizationId === b.id)).toMatchObject({
      absences: 3,
      flagged: true,
    });
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'deliberation.joint-member-flagged' AND data->>'organizationId' = $1`,
        [b.id],
      ),
    ).toBe(1);

    // A day before the first joint meeting, its creator and the member organizations' secretaries (with an account) are reminded.
    const secretaryOf = async (organizationId: string) => {
      const person = await resident('楼栋A1-1');
      await createOfficer({ organizationId, personId: person.personId });
      return withTestDb(
        async (client) =>
          (await client.query('SELECT id FROM users WHERE person_id = $1', [person.personId])).rows[0].id as string,
      );
    };
    const [secretaryOfA, secretaryOfC] = [await secretaryOf(a.id), await secretaryOf(c.id)];
    now = new Date(T0.getTime() + 16 * DAY - 20 * HOUR);
    const period = scheduler.get(BusinessCalendar).periodOf(now, 'hour').key;
    expect((await scheduler.get(JobRunner).run({ schedule: MEETING_REMINDERS_SCHEDULE, period })).run.status).toBe(
      'succeeded',
    );
    expect(await reminded(joint[0].id)).toEqual([secretaryA.id, secretaryOfA, secretaryOfC].sort());
    expect(await reminded(joint[1].id)).toEqual([]);

    now = T0;
    const ordinary = await meeting();
    expectProblem(await mark(ordinary, b.id, 'absent'), 409, 'deliberation.not-joint-meeting');
  });

  it('reminds the creator and the representatives with an account of a meeting within 24 hours, once', async () => {
    const representative = await resident('楼栋A1-1');
    const representativeUser = await withTestDb(
      async (client) =>
        (await client.query('SELECT id FROM users WHERE person_id = $1', [representative.personId])).rows[0]
          .id as string,
    );
    await withTestDb((client) =>
      client.query(
        `INSERT INTO deliberation_representatives (unit_id, unit_path, person_id, started_on, created_by_user_id)
         VALUES ($1, $2, $3, '2026-01-01', $4)`,
        [unit('小区A1').id, unit('小区A1').path, representative.personId, secretaryA.id],
      ),
    );
    const created = await meeting(
      { unitId: unit('小区A1').id, kind: 'representatives_meeting', startsAt: at(20 * HOUR), endsAt: at(22 * HOUR) },
      secretaryA.token,
    );
    expect(created.quorum).toMatchObject({ rule: 'two_thirds', basis: 'representatives', base: 1, required: 1 });

    const runner = scheduler.get(JobRunner);
    const period = scheduler.get(BusinessCalendar).periodOf(now, 'hour').key;
    const first = await runner.run({ schedule: MEETING_REMINDERS_SCHEDULE, period });
    expect(first.run).toMatchObject({ status: 'succeeded', result: { period } });
    expect(await reminded(created.id)).toEqual([secretaryA.id, representativeUser].sort());
    now = new Date(T0.getTime() + HOUR);
    const next = await runner.run({
      schedule: MEETING_REMINDERS_SCHEDULE,
      period: scheduler.get(BusinessCalendar).periodOf(now, 'hour').key,
    });
    expect(next.run.result).toMatchObject({ reminded: 0 });
  });
});

function baseOf(created: { unitId: string; kind: string; title: string; startsAt: string; endsAt: string }) {
  return {
    unitId: created.unitId,
    kind: created.kind,
    title: created.title,
    startsAt: created.startsAt,
    endsAt: created.endsAt,
  };
}
