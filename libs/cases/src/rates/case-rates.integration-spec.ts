import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Clock, JobRunner } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { MONTHLY_RANKING_SCHEDULE } from './monthly-ranking.job';

/** Tuesday 1 December 2026, 04:00 Beijing time: the ranking of November runs. */
const NOW = new Date('2026-12-01T04:00:00+08:00');
const at = (local: string) => new Date(`${local}+08:00`);

interface Seeded {
  complex: string;
  status: string;
  channel?: string;
  reported: string;
  respondedWithin?: boolean;
  due: string;
  closedOnTime?: boolean;
  satisfaction?: string;
  rework?: number;
}

/**
 * Hand-computed November at 社区A (cases 1–7, and case 9 reported in October but due in November)
 * and 社区B (case 8): see each row's comment and the expected figures.
 */
const SEEDED: Seeded[] = [
  // 1: found by a grid worker, responded in time, closed on time, 满意
  {
    complex: '小区A1',
    status: 'closed',
    channel: 'grid_patrol',
    reported: '2026-11-02T09:00:00',
    respondedWithin: true,
    due: '2026-11-05T00:00:00',
    closedOnTime: true,
    satisfaction: 'satisfied',
  },
  // 2: grid worker, in time, on time, 基本满意
  {
    complex: '小区A1',
    status: 'closed',
    channel: 'grid_patrol',
    reported: '2026-11-03T09:00:00',
    respondedWithin: true,
    due: '2026-11-06T00:00:00',
    closedOnTime: true,
    satisfaction: 'basically_satisfied',
  },
  // 3: hotline, responded late, reopened after 不满意 (rework), open past its deadline: late
  {
    complex: '小区A1',
    status: 'in_progress',
    channel: 'hotline_12345',
    reported: '2026-11-04T09:00:00',
    respondedWithin: false,
    due: '2026-11-07T00:00:00',
    satisfaction: 'unsatisfied',
    rework: 1,
  },
  // 4: a rejected duplicate, answered in time
  {
    complex: '小区A1',
    status: 'rejected',
    reported: '2026-11-05T09:00:00',
    respondedWithin: true,
    due: '2026-11-09T00:00:00',
  },
  // 5: registered, never taken up, overdue and open: late
  { complex: '小区A1', status: 'registered', reported: '2026-11-16T09:00:00', due: '2026-11-20T00:00:00' },
  // 6: suspended (deferred): out of the on-time base
  { complex: '小区A1', status: 'suspended', reported: '2026-11-20T09:00:00', due: '2026-11-25T00:00:00' },
  // 7: resident, in time, closed on time after a failed verification (rework), not visited
  {
    complex: '小区A1',
    status: 'closed',
    channel: 'resident',
    reported: '2026-11-23T09:00:00',
    respondedWithin: true,
    due: '2026-11-26T00:00:00',
    closedOnTime: true,
    rework: 1,
  },
  // 8: 社区B, in time, on time
  {
    complex: '小区B1',
    status: 'closed',
    reported: '2026-11-10T09:00:00',
    respondedWithin: true,
    due: '2026-11-13T00:00:00',
    closedOnTime: true,
  },
  // 9: 社区A, reported in October, due and closed on time in November
  {
    complex: '小区A1',
    status: 'closed',
    reported: '2026-10-28T09:00:00',
    respondedWithin: true,
    due: '2026-11-02T00:00:00',
    closedOnTime: true,
  },
];

describe('the rates of 接诉即办 for a subtree and a month, and the monthly ranking', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let secretaryA: { token: string; id: string };
  let secretaryB: { token: string; id: string };
  let street: string;
  const unit = (name: string) => units.get(name) as ScenarioUnit;
  const rates = (name: string, token: string, period = '2026-11') =>
    api.get(`/api/v1/cases/units/${unit(name).id}/case-rates?period=${period}`, token);

  beforeAll(async () => {
    await resetState();
    [api, scheduler] = await Promise.all([bootApi(), bootScheduler()]);
    for (const app of [api.app, scheduler]) jest.spyOn(app.get(Clock), 'now').mockImplementation(() => new Date(NOW));
    units = await createUnitTree(smallDistrict());
    const admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    const category = await api.post(
      '/api/v1/cases/categories',
      { code: 'demand.repair', name: '维修诉求', responseHours: 2, resolveWorkingDays: 2 },
      admin,
    );
    const staff = (name: string, role: 'secretary') =>
      createLoggedInUser(api, { role, unitId: unit(name).id, unitPath: unit(name).path });
    secretaryA = await staff('社区A', 'secretary');
    secretaryB = await staff('社区B', 'secretary');
    street = (await staff('示范街道', 'secretary')).token;
    await withTestDb(async (client) => {
      for (const c of SEEDED) {
        const reported = at(c.reported);
        const responseDue = new Date(reported.getTime() + 2 * 3_600_000);
        const responded =
          c.respondedWithin === undefined
            ? null
            : new Date(responseDue.getTime() + (c.respondedWithin ? -60_000 : 60_000));
        const due = at(c.due);
        await client.query(
          `INSERT INTO cases (channel, type, category_id, unit_id, unit_path, title, status, level, level_unit_id,
             reported_at, response_due_at, responded_at, registered_at, resolve_due_at, level_due_at, closed_at,
             closed_on_time, rejected_at, suspended_at, suspended_from, rework_count, visited_at, satisfaction)
           VALUES ($1, 'demand', $2, $3, $4, '测试案件', $5, 'community', $6, $7, $8, $9, $7, $10, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
          [
            c.channel ?? 'other',
            category.body.id,
            unit(c.complex).id,
            unit(c.complex).path,
            c.status,
            unit(c.complex === '小区A1' ? '社区A' : '社区B').id,
            reported,
            responseDue,
            responded,
            due,
            c.status === 'closed' ? new Date(due.getTime() + (c.closedOnTime ? -3_600_000 : 3_600_000)) : null,
            c.status === 'closed' ? Boolean(c.closedOnTime) : null,
            c.status === 'rejected' ? responded : null,
            c.status === 'suspended' ? at('2026-11-21T09:00:00') : null,
            c.status === 'suspended' ? 'in_progress' : null,
            c.rework ?? 0,
            c.satisfaction ? new Date(due.getTime() + 86_400_000) : null,
            c.satisfaction ?? null,
          ],
        );
      }
    });
  });
  afterAll(() => Promise.all([api.close(), scheduler.close()]));

  it('counts a community’s month by hand: the three rates, on-time close with overdue-open cases late, rework, the score', async () => {
    const a = await rates('社区A', secretaryA.token);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({
      period: '2026-11',
      received: 7, // cases 1–7 (9 was reported in October)
      responded: 4, // 1, 2, 4, 7 (3 late; 5 and 6 never taken up)
      rejected: 1,
      resolved: 3, // 1, 2, 7 closed; 3 reopened
      visited: 3,
      satisfied: 2, // 满意 + 基本满意
      reworked: 2, // 3 and 7
      due: 7, // deadlines in November: 1, 2, 3, 5, 6, 7 and 9
      suspended: 1,
      closedOnTime: 4, // 1, 2, 7, 9; 3 and 5 are open past their deadline: late
      gridFound: 2,
    });
    expect(a.body.responseRate).toBeCloseTo(4 / 7, 12);
    expect(a.body.resolutionRate).toBe(0.5); // 3 ÷ (7 − 1)
    expect(a.body.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(a.body.onTimeCloseRate).toBeCloseTo(4 / 6, 12); // 4 ÷ (7 − 1 suspended)
    expect(a.body.reworkRate).toBeCloseTo(2 / 6, 12);
    expect(a.body.gridFoundShare).toBeCloseTo(2 / 7, 12);
    // 100 × (0.30 × 4/7 + 0.35 × 1/2 + 0.35 × 2/3) = 17.142857 + 17.5 + 23.333333 = 57.98
    expect(a.body.score).toBe(57.98);
    expect(a.body.summary).toBe('社区A（2026-11）共受理诉求 7 件，办结 3 件，解决率 50.00%，网格员发现 28.57%');

    const streetRates = (await rates('示范街道', street)).body;
    expect(streetRates).toMatchObject({ received: 8, responded: 5, resolved: 4, due: 8, closedOnTime: 5 });
    expect((await rates('社区A', secretaryA.token, '2026-10')).body).toMatchObject({ received: 1, due: 0 });
    expectProblem(await rates('社区B', secretaryA.token), 404, 'resource.not-found');
    expectProblem(await rates('社区A', secretaryA.token, 'November'), 400, 'validation.failed');
  });

  it('ranks the communities and streets of the month once, telling the lowest community’s secretary', async () => {
    const runner = scheduler.get(JobRunner);
    const report = await runner.run({ schedule: MONTHLY_RANKING_SCHEDULE, period: '2026-11' });
    expect(report.run).toMatchObject({
      status: 'succeeded',
      result: { period: '2026-11', streets: 1, communities: 2 },
    });
    const ranking = await api.get('/api/v1/cases/rankings?period=2026-11&kind=community', street);
    expect(
      ranking.body.items.map((item: { unitName: string; rank: number; score: number }) => [
        item.unitName,
        item.rank,
        item.score,
      ]),
    ).toEqual([
      ['社区B', 1, 100], // one case, responded and resolved; no visit: (30 + 35) ÷ 65
      ['社区A', 2, 57.98],
    ]);
    const own = await api.get('/api/v1/cases/rankings?period=2026-11&kind=community', secretaryA.token);
    expect(own.body.items).toMatchObject([{ unitName: '社区A', rank: 2, ranked: 2 }]);
    const lowest = `SELECT count(*) FROM notification_requests WHERE dedupe_key LIKE 'cases.ranked-lowest:2026-11:%' AND job->'recipient'->>'userId' = $1`;
    expect(await countRows(lowest, [secretaryA.id])).toBe(1);
    expect(await countRows(lowest, [secretaryB.id])).toBe(0);
    await runner.run({ schedule: MONTHLY_RANKING_SCHEDULE, period: '2026-11', force: true });
    expect(await countRows(lowest, [secretaryA.id])).toBe(1);
    expect(await countRows(`SELECT count(*) FROM case_rankings WHERE period = '2026-11'`)).toBe(3);
  });

  it('weighs the score as the deployment sets it, audited, and back to the defaults', async () => {
    const admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    const put = (key: string, value: number, token = admin) =>
      api.request('PUT', `/api/v1/cases/settings/${key}`, { body: { value }, token });
    expect((await put('weights.satisfaction', 0, street)).status).toBe(403);
    expectProblem(await put('weights.satisfaction', 101), 400, 'cases.setting-range');
    expectProblem(await put('weights.nothing', 1), 404, 'cases.setting-unknown');
    expect((await put('weights.satisfaction', 0)).status).toBe(200);
    // 100 × (30 × 4/7 + 35 × 1/2) ÷ 65 = 53.30
    expect((await rates('社区A', secretaryA.token)).body).toMatchObject({
      score: 53.3,
      weights: { response: 30, resolution: 35, satisfaction: 0, onTime: 0, rework: 0 },
    });
    expect(await countRows(`SELECT count(*) FROM audit_log WHERE action = 'cases.setting-changed'`)).toBe(1);
    expect((await api.request('DELETE', '/api/v1/cases/settings/weights.satisfaction', { token: admin })).status).toBe(
      200,
    );
    expect((await rates('社区A', secretaryA.token)).body.score).toBe(57.98);
  });
});
