import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Clock,
  JobQueue,
  JobRunner,
  NotificationOutbox,
  NotificationRelay,
  QueueName,
  ScheduleRegistry,
} from '@linli/platform';
import {
  analyticsFixtures as fx,
  bootNotifier,
  bootScheduler,
  createUnitTree,
  drain,
  resetState,
  ScenarioUnit,
  waitFor,
  withTestDb,
} from '@linli/testing';
import { STRUCTURE_CHECK_SCHEDULE } from './structure-check.job';

/** 2026-12-01 03:00 in Beijing (still 30 November in UTC): when the December check fires. */
const FIRED = new Date('2026-11-30T19:00:00Z');

interface StoredFinding {
  period_key: string;
  rule: string;
  unit_id: string;
  organization_id: string | null;
}

const stored = (period: string): Promise<StoredFinding[]> =>
  withTestDb(
    async (db) =>
      (
        await db.query(
          `SELECT period_key, rule, unit_id, organization_id FROM structure_findings WHERE period_key = $1 ORDER BY rule, unit_path`,
          [period],
        )
      ).rows,
  );

/** Notification requests of committed runs not yet in the notifications queue. */
const unrelayedNotifications = (): Promise<number> =>
  withTestDb(
    async (db) =>
      (await db.query(`SELECT count(*)::int AS n FROM notification_requests WHERE relayed_at IS NULL`)).rows[0].n,
  );

describe('the monthly structure check job', () => {
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let communitySecretary: string;
  let branchSecretary: string;
  const at = (name: string) => units.get(name) as ScenarioUnit;
  /** The notifications queue once the relay has queued every committed request. */
  const queuedNotifications = async () => {
    await waitFor(
      async () => {
        await scheduler.get(NotificationRelay).relayOnce();
        return (await unrelayedNotifications()) === 0;
      },
      { what: 'the notification requests relayed' },
    );
    return scheduler
      .get(JobQueue)
      .get(QueueName.Notifications)
      .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  };

  beforeAll(async () => {
    await resetState();
    scheduler = await bootScheduler();
    jest.spyOn(scheduler.get(Clock), 'now').mockImplementation(() => new Date(FIRED));
    units = await createUnitTree({
      kind: 'city',
      name: '示范市',
      children: [
        {
          kind: 'district',
          name: '示范区',
          children: [
            {
              kind: 'street',
              name: '示范街道',
              children: [
                {
                  kind: 'community',
                  name: '社区A',
                  children: [
                    { kind: 'grid', name: '网格A1', children: [{ kind: 'complex', name: '小区X' }] },
                    {
                      kind: 'grid',
                      name: '网格A2',
                      children: ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'].map((n) => ({
                        kind: 'complex' as const,
                        name: `小区${n}`,
                      })),
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    // Unit findings (two grids without a worker) go to the community organization's secretary.
    const communityOrg = await fx.organization({ kind: 'committee', name: '社区A党委', unit: at('社区A') });
    [communitySecretary] = await fx.people(at('社区A'), 1, '社区书记');
    await fx.officer(communityOrg, communitySecretary, {
      role: 'secretary',
      termStart: '2024-03-01',
      termEnd: '2029-03-01',
    });
    // An organization finding (no branch committee) goes to that branch's secretary.
    const branch = await fx.organization({ kind: 'branch', name: '小区X党支部', unit: at('小区X') });
    const members = await fx.members(branch, at('小区X'), 7);
    branchSecretary = members.personIds[0];
    await fx.officer(branch, branchSecretary, { role: 'secretary', termStart: '2024-03-01', termEnd: '2029-03-01' });
    // A joint branch covering six complexes and without a secretary: stored, nobody notified.
    await fx.organization({
      kind: 'joint_branch',
      name: '网格A2联合党支部',
      unit: at('小区Y1'),
      covers: ['Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6'].map((n) => at(`小区${n}`)),
    });
  });
  afterAll(() => scheduler.close());

  it('is registered with the scheduler for 03:00 on the 1st of every month, Beijing time', async () => {
    expect(scheduler.get(ScheduleRegistry).get(STRUCTURE_CHECK_SCHEDULE)).toMatchObject({
      cron: '0 3 1 * *',
      timeZone: 'Asia/Shanghai',
      period: 'month',
    });
    const schedulers = await scheduler.get(JobQueue).get(QueueName.Schedules).getJobSchedulers();
    expect(schedulers.find((s) => s.key === STRUCTURE_CHECK_SCHEDULE)).toMatchObject({
      pattern: '0 3 1 * *',
      tz: 'Asia/Shanghai',
    });
  });

  it("stores the month's findings once and notifies each responsible secretary once, even when triggered twice at once", async () => {
    const runner = scheduler.get(JobRunner);
    const reports = await Promise.all([
      runner.run({ schedule: STRUCTURE_CHECK_SCHEDULE, firedAt: FIRED }),
      runner.run({ schedule: STRUCTURE_CHECK_SCHEDULE, firedAt: FIRED }),
    ]);
    expect(reports.filter((r) => r.executed)).toHaveLength(1);
    expect(reports[0].run.periodKey).toBe('2026-12');

    const findings = await stored('2026-12');
    expect(findings.map((f) => f.rule).sort()).toEqual([
      'branch.committee-missing',
      'grid.no-worker',
      'grid.no-worker',
      'joint-branch.too-many-units',
    ]);
    expect(new Set(findings.map((f) => f.unit_id))).toEqual(
      new Set([at('小区X').id, at('网格A1').id, at('网格A2').id, at('小区Y1').id]),
    );

    const runs = await withTestDb(
      async (db) =>
        (
          await db.query(`SELECT period_key, status, attempts, result FROM job_runs WHERE job = $1`, [
            STRUCTURE_CHECK_SCHEDULE,
          ])
        ).rows,
    );
    expect(runs).toEqual([
      {
        period_key: '2026-12',
        status: 'succeeded',
        attempts: 1,
        result: expect.objectContaining({
          period: '2026-12',
          asOf: '2026-12-01',
          cities: 1,
          findings: 4,
          notified: 2,
          withoutSecretary: 1,
        }),
      },
    ]);

    const jobs = await queuedNotifications();
    const byPerson = Object.fromEntries(jobs.map((job) => [job.data.recipient.personId, job.data]));
    expect(jobs).toHaveLength(2);
    expect(byPerson[communitySecretary]).toEqual({
      recipient: { personId: communitySecretary },
      templateKey: 'organization.structure-findings',
      data: { period: '2026-12', asOf: '2026-12-01', total: 2, summary: '网格无在岗网格员 2 项' },
      dedupeKey: `organization.structure-findings:2026-12:${communitySecretary}`,
    });
    expect(byPerson[branchSecretary]).toMatchObject({ data: { total: 1, summary: '党支部应设未设支委会 1 项' } });
  });

  it("replaces the month's findings wholly when the period is recomputed, and does not notify twice", async () => {
    const [worker] = await fx.people(at('网格A1'), 1, '网格员');
    await fx.staffRole(worker, 'grid_worker', at('网格A1'));
    const report = await scheduler
      .get(JobRunner)
      .run({ schedule: STRUCTURE_CHECK_SCHEDULE, period: '2026-12', force: true });
    expect(report.run).toMatchObject({ status: 'succeeded', attempts: 2, forced: true });
    const findings = await stored('2026-12');
    expect(findings.map((f) => f.rule).sort()).toEqual([
      'branch.committee-missing',
      'grid.no-worker',
      'joint-branch.too-many-units',
    ]);
    expect(findings.find((f) => f.rule === 'grid.no-worker')?.unit_id).toBe(at('网格A2').id);
    expect(await queuedNotifications()).toHaveLength(2);
  });

  it("keeps each month's findings apart, measuring a later recomputed month from its first day", async () => {
    const report = await scheduler.get(JobRunner).run({ schedule: STRUCTURE_CHECK_SCHEDULE, period: '2027-01' });
    expect(report.run.result).toMatchObject({ period: '2027-01', asOf: '2027-01-01', findings: 3 });
    expect(await stored('2027-01')).toHaveLength(3);
    expect(await stored('2026-12')).toHaveLength(3);
  });

  it('requests no notification when the run fails after requesting them (they roll back with the findings)', async () => {
    const outbox = scheduler.get(NotificationOutbox);
    const request = outbox.request.bind(outbox);
    jest.spyOn(outbox, 'request').mockImplementationOnce(async (manager, jobs) => {
      await request(manager, jobs);
      throw new Error('crashed after requesting');
    });
    const report = await scheduler.get(JobRunner).run({ schedule: STRUCTURE_CHECK_SCHEDULE, period: '2027-02' });
    expect(report.run).toMatchObject({ status: 'failed', error: expect.stringContaining('crashed after requesting') });
    expect(await stored('2027-02')).toEqual([]);
    const requested = await withTestDb(
      async (db) =>
        (await db.query(`SELECT dedupe_key FROM notification_requests WHERE dedupe_key LIKE '%:2027-02:%'`)).rows,
    );
    expect(requested).toEqual([]);
    expect((await queuedNotifications()).filter((job) => job.data.data.period === '2027-02')).toEqual([]);
  });

  it("delivers the notifications to the secretaries' inboxes through the notifier", async () => {
    const notifier = await bootNotifier();
    try {
      await drain([scheduler, notifier]);
      const inbox = await withTestDb(
        async (db) =>
          (
            await db.query(
              `SELECT recipient_person_id, title, body FROM notifications WHERE template_key = 'organization.structure-findings' ORDER BY title`,
            )
          ).rows,
      );
      expect(inbox).toHaveLength(4);
      expect(inbox).toContainEqual({
        recipient_person_id: communitySecretary,
        title: '2026-12 月度组织结构体检：2 项待处理',
        body: '您负责的党组织或所在社区在 2026-12 月度组织结构体检中有 2 项待处理：网格无在岗网格员 2 项。请登录邻里平台查看明细，及时整改。',
      });
    } finally {
      await notifier.close();
    }
  });
});
