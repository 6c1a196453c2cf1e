import { BusinessCalendar, Clock } from '@linli/platform';
import {
  bootApi,
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
import { MonthlyReportComputation } from './monthly-report-computation';
import { MonthlyReportJob } from './monthly-report.job';

/** 10:00 Beijing time on 2 December 2026: November is over. */
const NOW = new Date('2026-12-02T02:00:00Z');

describe('deliberation monthly report', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  let userId: string;
  let now = NOW;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const report = (unitName: string, period: string, token = admin) =>
    api.get(`/api/v1/deliberation/reports/monthly?unitId=${unit(unitName).id}&period=${period}`, token);
  const recompute = (period: string, token = admin) =>
    api.post('/api/v1/deliberation/reports/monthly/recompute', { period }, token);

  async function topic(at: string, status: 'active' | 'withdrawn', changes: [string | null, string, string][]) {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO deliberation_topics (unit_id, unit_path, title, category, source, step, status, step_entered_at, created_by_user_id, created_at)
         VALUES ($1, $2, '加装电梯', 'lift_installation', 'grid_worker', $3, $4, $5, $6, $5) RETURNING id`,
        [unit(at).id, unit(at).path, changes[changes.length - 1][1], status, changes[changes.length - 1][2], userId],
      );
      for (const [from, to, changedAt] of changes)
        await client.query(
          `INSERT INTO deliberation_step_changes (topic_id, from_step, to_step, changed_by_user_id, changed_at) VALUES ($1, $2, $3, $4, $5)`,
          [rows[0].id, from, to, userId, changedAt],
        );
      return rows[0].id;
    });
  }

  const sql = (text: string, params: unknown[]) => withTestDb((client) => client.query(text, params));
  const opinion = (topicId: string, at: string) =>
    sql(
      `INSERT INTO deliberation_opinions (topic_id, author_user_id, content, created_at) VALUES ($1, $2, '同意', $3)`,
      [topicId, userId, at],
    );
  const meeting = (at: string, status: string, startsAt: string) =>
    sql(
      `INSERT INTO deliberation_meetings (unit_id, unit_path, kind, title, starts_at, ends_at, status, check_in_secret, created_by_user_id)
       VALUES ($1, $2, 'residents_meeting', '居民议事会', $3, $3::timestamptz + interval '2 hours', $4, 'secret', $5)`,
      [unit(at).id, unit(at).path, startsAt, status, userId],
    );
  const rating = (topicId: string, personId: string, score: number, at: string) =>
    sql(`INSERT INTO deliberation_ratings (topic_id, person_id, score, created_at) VALUES ($1, $2, $3, $4)`, [
      topicId,
      personId,
      score,
      at,
    ]);

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    const adminUser = await createLoggedInUser(api, { role: 'admin' });
    admin = adminUser.token;
    userId = adminUser.id;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    const people = await Promise.all(
      ['居民甲', '居民乙', '居民丙'].map((name) => createPerson({ name, residenceUnitId: unit('楼栋A1-1').id })),
    );

    // Community A: a topic at a complex through collect (10 days) and review (5 days) in November;
    // a topic at the community collecting since October, in review from 6 November, resolved in December.
    const a1 = await topic('小区A1', 'active', [
      [null, 'collect', '2026-11-02T02:00:00Z'],
      ['collect', 'review', '2026-11-12T02:00:00Z'],
      ['review', 'resolve', '2026-11-17T02:00:00Z'],
    ]);
    const a2 = await topic('社区A', 'active', [
      [null, 'collect', '2026-10-01T02:00:00Z'],
      ['collect', 'review', '2026-11-06T02:00:00Z'],
      ['review', 'resolve', '2026-12-05T02:00:00Z'],
    ]);
    await opinion(a1, '2026-11-03T02:00:00Z');
    await opinion(a1, '2026-11-30T15:59:59Z');
    await opinion(a2, '2026-10-31T16:30:00Z'); // 00:30 on 1 November in Beijing
    await opinion(a1, '2026-11-30T16:30:00Z'); // 00:30 on 1 December in Beijing
    await meeting('社区A', 'held', '2026-11-20T11:00:00Z');
    await meeting('社区A', 'scheduled', '2026-11-25T11:00:00Z');
    await meeting('社区A', 'held', '2026-10-20T11:00:00Z');
    await sql(
      `INSERT INTO deliberation_proposals (unit_id, unit_path, title, description, proposer_person_id, proposer_user_id, status, threshold, topic_id, adopted_at)
       VALUES ($1, $2, '加装电梯', '三号楼加装电梯', $3, $4, 'adopted', 10, $5, '2026-11-05T02:00:00Z')`,
      [unit('社区A').id, unit('社区A').path, people[0].id, userId, a1],
    );
    await rating(a1, people[0].id, 4, '2026-11-25T02:00:00Z');
    await rating(a1, people[1].id, 5, '2026-11-26T02:00:00Z');
    await rating(a2, people[2].id, 2, '2026-12-01T02:00:00Z');

    // Community B: a topic at a building collecting 4 days, and a withdrawn one (not counted by step).
    const b1 = await topic('楼栋B1-1', 'active', [
      [null, 'collect', '2026-11-03T02:00:00Z'],
      ['collect', 'review', '2026-11-07T02:00:00Z'],
    ]);
    await topic('社区B', 'withdrawn', [[null, 'collect', '2026-11-04T02:00:00Z']]);
    await opinion(b1, '2026-11-04T02:00:00Z');
    await opinion(b1, '2026-11-05T02:00:00Z');
    await meeting('网格B1', 'held', '2026-11-10T11:00:00Z');
    await meeting('社区B', 'held', '2026-11-11T11:00:00Z');
    await rating(b1, people[2].id, 3, '2026-11-27T02:00:00Z');
  });
  afterAll(() => api.close());

  const communityA = {
    communities: 1,
    meetingsHeld: 1,
    topicsByStep: { collect: 0, review: 1, resolve: 1, notice: 0, execute: 0, evaluate: 0, closed: 0 },
    opinionsCollected: 3,
    proposalsAdopted: 1,
    stepDays: {
      collect: { days: 23, n: 2 },
      review: { days: 5, n: 1 },
      resolve: { days: null, n: 0 },
      notice: { days: null, n: 0 },
      execute: { days: null, n: 0 },
      evaluate: { days: null, n: 0 },
    },
    satisfaction: { count: 2, sum: 9, average: 4.5 },
  };

  it('answers zeros and computedAt null for a month never computed', async () => {
    const response = await report('示范街道', '2026-11');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      unitId: unit('示范街道').id,
      period: '2026-11',
      communities: 0,
      meetingsHeld: 0,
      opinionsCollected: 0,
      satisfaction: { count: 0, sum: 0, average: null },
      computedAt: null,
    });
  });

  it("computes November once per community, in Beijing time, and a unit below a community reads its community's row", async () => {
    const run = await recompute('2026-11');
    expect(run.status).toBe(200);
    expect(run.body).toEqual({ period: '2026-11', communities: 2, computedAt: NOW.toISOString() });
    const a = await report('社区A', '2026-11');
    expect(a.status).toBe(200);
    expect(a.body).toEqual({
      unitId: unit('社区A').id,
      period: '2026-11',
      ...communityA,
      computedAt: NOW.toISOString(),
    });
    expect((await report('楼栋A1-1', '2026-11')).body).toMatchObject({ ...communityA, unitId: unit('楼栋A1-1').id });
    expect((await report('社区B', '2026-11')).body).toMatchObject({
      meetingsHeld: 2,
      opinionsCollected: 2,
      proposalsAdopted: 0,
      topicsByStep: { collect: 0, review: 1 },
      stepDays: { collect: { days: 4, n: 1 }, review: { days: null, n: 0 } },
      satisfaction: { count: 1, sum: 3, average: 3 },
    });
    // The opinion at 16:30 UTC on 30 November is December's, as is the review left on 5 December after 29 days.
    now = new Date('2027-01-02T02:00:00Z');
    expect((await recompute('2026-12')).status).toBe(200);
    expect((await report('社区A', '2026-12')).body).toMatchObject({
      opinionsCollected: 1,
      meetingsHeld: 0,
      topicsByStep: { review: 0, resolve: 2 },
      stepDays: { review: { days: 29, n: 1 }, collect: { days: null, n: 0 } },
      satisfaction: { count: 1, sum: 2, average: 2 },
    });
    now = NOW;
  });

  it('recomputes the same rows (the job as the route) and a street sums its communities', async () => {
    const rows = () =>
      withTestDb(
        async (client) =>
          (
            await client.query(
              `SELECT unit_id, unit_path, period, meetings_held, topics_by_step, opinions_collected, proposals_adopted,
                      step_days, ratings_count, ratings_sum FROM deliberation_monthly_reports ORDER BY period, unit_path`,
            )
          ).rows,
      );
    expect((await recompute('2026-11')).status).toBe(200);
    const before = await rows();
    const computation = api.app.get(MonthlyReportComputation, { strict: false });
    const period = api.app.get(BusinessCalendar).parse('2026-11');
    await new MonthlyReportJob(computation).run({ period, runId: 'spec', force: true, attempt: 1 });
    expect(await rows()).toEqual(before);
    expect(before.filter((row) => row.period === '2026-11')).toHaveLength(2);

    const a = (await report('社区A', '2026-11')).body;
    const b = (await report('社区B', '2026-11')).body;
    const street = (await report('示范街道', '2026-11')).body;
    expect(street).toMatchObject({
      communities: 2,
      meetingsHeld: a.meetingsHeld + b.meetingsHeld,
      opinionsCollected: a.opinionsCollected + b.opinionsCollected,
      proposalsAdopted: a.proposalsAdopted + b.proposalsAdopted,
      topicsByStep: { collect: 0, review: 2, resolve: 1, closed: 0 },
      // (23 days × 2 topics + 4 days × 1 topic) / 3 topics
      stepDays: { collect: { days: 16.67, n: 3 }, review: { days: 5, n: 1 } },
      satisfaction: { count: 3, sum: 12, average: 4 },
    });
    expect((await report('示范市', '2026-11')).body).toEqual({ ...street, unitId: unit('示范市').id });
  });

  it('answers 404 for a unit outside the caller’s scope or unknown, 400 for a period that is not a month; an administrator of a community recomputes only it', async () => {
    expect((await report('网格A1', '2026-11', secretaryA)).status).toBe(200);
    expectProblem(await report('社区B', '2026-11', secretaryA), 404, 'resource.not-found');
    expectProblem(await report('示范街道', '2026-11', secretaryA), 404, 'resource.not-found');
    expectProblem(
      await api.get(
        '/api/v1/deliberation/reports/monthly?unitId=00000000-0000-4000-8000-000000000000&period=2026-11',
        admin,
      ),
      404,
      'resource.not-found',
    );
    expectProblem(await report('社区A', '2026-13'), 400, 'validation.failed');
    expectProblem(await recompute('2026Q4'), 400, 'validation.failed');
    expect((await recompute('2026-11', secretaryA)).status).toBe(403);
    const adminA = await createLoggedInUser(api, {
      role: 'admin',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
    expect((await recompute('2026-11', adminA.token)).body).toMatchObject({ period: '2026-11', communities: 1 });
  });
});
