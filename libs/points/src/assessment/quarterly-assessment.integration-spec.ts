import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { JobRunner, TransactionRunner } from '@linli/platform';
import {
  bootApi,
  bootScheduler,
  countRows,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  requestedNotifications,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { PointsLedger } from '../ledger/points-ledger.service';
import { PointsOwner } from '../ledger/points-owner';
import { tierOf, tierSql } from './assessment-tiers';
import { QUARTERLY_ASSESSMENT_SCHEDULE } from './quarterly-assessment.job';

interface StoredResult {
  id: string;
  owner_id: string;
  score: string;
  tier: string;
  community_rank: number | null;
  street_rank: number | null;
  ineffective: boolean;
  leadership_review: boolean;
}

function results(period: string): Promise<Map<string, StoredResult>> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<StoredResult>(
      'SELECT id, owner_id, score, tier, community_rank, street_rank, ineffective, leadership_review FROM point_assessments WHERE period_key = $1',
      [period],
    );
    return new Map(rows.map((row) => [row.owner_id, row]));
  });
}

function resultOf(map: Map<string, StoredResult>, ownerId: string): StoredResult {
  const row = map.get(ownerId);
  if (!row) throw new Error(`no result for ${ownerId}`);
  return row;
}

describe('quarterly assessment and leaderboards', () => {
  let api: TestApi;
  let scheduler: INestApplicationContext;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};
  const orgs: Record<string, string> = {};

  function credit(owner: PointsOwner, amount: number, occurredAt: string) {
    return api.app.get(TransactionRunner).run((manager) =>
      api.app.get(PointsLedger).credit(manager, {
        owner,
        kind: 'assessment',
        amount,
        reason: '参加组织生活',
        idempotencyKey: randomUUID(),
        occurredAt: new Date(occurredAt),
      }),
    );
  }

  async function member(name: string, building: string, organizationId: string): Promise<string> {
    const person = await createPerson({ name, residenceUnitId: unit(building).id });
    await createMember({ personId: person.id, organizationId });
    return person.id;
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    scheduler = await bootScheduler();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    tokens.admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    tokens.secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    tokens.secretaryB = (await createLoggedInUser(api, { role: 'secretary', ...at('社区B') })).token;

    orgs.a = (await createPartyOrganization({ kind: 'branch', name: '社区A党支部', unitId: unit('社区A').id })).id;
    orgs.b = (await createPartyOrganization({ kind: 'branch', name: '社区B党支部', unitId: unit('社区B').id })).id;
    people.li = await member('李红', '楼栋A1-1', orgs.a);
    people.zhang = await member('张伟', '楼栋A1-1', orgs.a);
    people.zhao = await member('赵敏', '楼栋A1-1', orgs.a);
    people.wang = await member('王强', '楼栋B1-1', orgs.b);
    people.chen = (await createPerson({ name: '陈静', residenceUnitId: unit('楼栋B1-1').id })).id;
    people.secretaryB = (await createPerson({ name: '刘书记', residenceUnitId: unit('楼栋B1-1').id })).id;
    await withTestDb(async (client) => {
      await client.query(
        `INSERT INTO organization_officers (organization_id, person_id, role, term_start) VALUES ($1, $2, 'secretary', '2025-01-01')`,
        [orgs.b, people.secretaryB],
      );
      await client.query(
        `INSERT INTO point_assessment_thresholds (owner_type, excellent, good, pass) VALUES ('person', 30, 20, 10), ('organization', 100, 50, 20)`,
      );
    });

    const person = (id: string): PointsOwner => ({ type: 'person', id });
    await credit(person(people.li), 32, '2026-11-10T02:00:00Z');
    await credit(person(people.li), 3, '2026-12-31T15:59:00Z');
    await credit(person(people.li), 7, '2026-12-31T16:30:00Z');
    await credit(person(people.zhang), 20, '2026-10-08T01:00:00Z');
    await credit(person(people.zhao), 20, '2026-12-01T01:00:00Z');
    await credit(person(people.wang), 5, '2026-10-20T01:00:00Z');
    await credit(person(people.chen), 50, '2026-10-20T01:00:00Z');
    await credit({ type: 'organization', id: orgs.a }, 60, '2026-11-01T01:00:00Z');
    await credit({ type: 'organization', id: orgs.b }, 10, '2026-11-01T01:00:00Z');
  });
  afterAll(async () => {
    await scheduler.close();
    await api.close();
  });

  it('scores, tiers and ranks members and organizations within community and street, counting 2026-12-31T15:59Z in 2026Q4 but 16:30Z in 2027Q1', async () => {
    const run = await api.post('/api/v1/points/assessments/2026Q4/recompute', {}, tokens.admin);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      period: '2026Q4',
      persons: 4,
      organizations: 2,
      ineffective: 1,
      leadershipReview: 0,
      notified: 1,
    });

    const q4 = await results('2026Q4');
    expect(q4.has(people.chen)).toBe(false);
    expect(resultOf(q4, people.li)).toMatchObject({
      score: '35',
      tier: 'excellent',
      community_rank: 1,
      street_rank: 1,
    });
    expect(resultOf(q4, people.zhang)).toMatchObject({ score: '20', tier: 'good', community_rank: 2, street_rank: 2 });
    expect(resultOf(q4, people.zhao)).toMatchObject({ score: '20', tier: 'good', community_rank: 2, street_rank: 2 });
    expect(resultOf(q4, people.wang)).toMatchObject({
      score: '5',
      tier: 'below_standard',
      community_rank: 1,
      street_rank: 4,
      ineffective: false,
    });
    expect(resultOf(q4, orgs.a)).toMatchObject({
      score: '60',
      tier: 'good',
      community_rank: 1,
      street_rank: 1,
      ineffective: false,
    });
    expect(resultOf(q4, orgs.b)).toMatchObject({
      score: '10',
      tier: 'below_standard',
      community_rank: 1,
      street_rank: 2,
      ineffective: true,
      leadership_review: false,
    });

    const board = await api.get(
      `/api/v1/points/leaderboard?period=2027Q1&ownerType=person&unitId=${unit('社区A').id}`,
      tokens.secretaryA,
    );
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([{ rank: 1, ownerType: 'person', ownerId: people.li, name: '李红', points: 7 }]);
  });

  it('ranks a unit subtree live by the points of a quarter or a year, ties sharing a rank', async () => {
    const quarter = await api.get(
      `/api/v1/points/leaderboard?period=2026Q4&ownerType=person&unitId=${unit('社区A').id}`,
      tokens.secretaryA,
    );
    expect(quarter.status).toBe(200);
    expect(
      quarter.body.items.map((item: { ownerId: string; rank: number; points: number }) => [
        item.ownerId,
        item.rank,
        item.points,
      ]),
    ).toEqual([[people.li, 1, 35], ...[people.zhang, people.zhao].sort().map((id) => [id, 2, 20])]);
    const year = await api.get('/api/v1/points/leaderboard?period=2026&ownerType=organization', tokens.admin);
    expect(year.body.items.map((item: { ownerId: string; points: number }) => [item.ownerId, item.points])).toEqual([
      [orgs.a, 60],
      [orgs.b, 10],
    ]);
    const paged = await api.get('/api/v1/points/leaderboard?period=2026Q4&limit=2', tokens.admin);
    const rest = await api.get(
      `/api/v1/points/leaderboard?period=2026Q4&limit=2&cursor=${paged.body.nextCursor}`,
      tokens.admin,
    );
    expect([...paged.body.items, ...rest.body.items].map((item: { points: number }) => item.points)).toEqual([
      50, 35, 20, 20,
    ]);
  });

  it("ranks only the organizations anchored within the caller's scope", async () => {
    const board = await api.get('/api/v1/points/leaderboard?period=2026&ownerType=organization', tokens.secretaryA);
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([
      { rank: 1, ownerType: 'organization', ownerId: orgs.a, name: '社区A党支部', points: 60 },
    ]);
  });

  it('raises the leadership review flag for an organization below standard two quarters in a row, not after one', async () => {
    await api.post('/api/v1/points/assessments/2027Q1/recompute', {}, tokens.admin);
    const q1 = await results('2027Q1');
    expect(resultOf(q1, orgs.b)).toMatchObject({ tier: 'below_standard', ineffective: true, leadership_review: true });
    expect(resultOf(q1, orgs.a)).toMatchObject({ tier: 'below_standard', ineffective: true, leadership_review: false });
  });

  it('replaces the draft results of a quarter wholly when recomputed before publication', async () => {
    const before = await results('2026Q4');
    await credit({ type: 'person', id: people.wang }, 10, '2026-12-15T01:00:00Z');
    const newcomer = (people.sun = await member('孙丽', '楼栋B1-1', orgs.b));
    await api.post('/api/v1/points/assessments/2026Q4/recompute', {}, tokens.admin);
    const after = await results('2026Q4');
    expect(after.size).toBe(before.size + 1);
    expect(
      [...after.values()].some((row) => before.has(row.owner_id) && resultOf(before, row.owner_id).id === row.id),
    ).toBe(false);
    expect(resultOf(after, people.wang)).toMatchObject({ score: '15', tier: 'pass' });
    expect(resultOf(after, newcomer)).toMatchObject({ score: '0', tier: 'below_standard' });
  });

  it('notifies the secretary of an ineffective organization once per quarter, however often the quarter is recomputed', async () => {
    const queued = await requestedNotifications();
    const notices = queued
      .filter(
        (job) => job.templateKey === 'points.assessment-ineffective' && job.recipient.personId === people.secretaryB,
      )
      .map((job) => job.data)
      .sort((x, y) => String(x.period).localeCompare(String(y.period)));
    expect(notices).toEqual([
      { period: '2026Q4', organizationName: '社区B党支部', score: 10, leadershipReview: false },
      { period: '2027Q1', organizationName: '社区B党支部', score: 0, leadershipReview: true },
    ]);
  });

  it('makes a published quarter immutable: recompute refused with points.assessment-published and rows unchanged', async () => {
    const before = await results('2026Q4');
    const published = await api.post('/api/v1/points/assessments/2026Q4/publish', {}, tokens.admin);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ period: '2026Q4', status: 'published', results: before.size });

    await credit({ type: 'person', id: people.zhang }, 30, '2026-12-20T01:00:00Z');
    expectProblem(
      await api.post('/api/v1/points/assessments/2026Q4/recompute', {}, tokens.admin),
      409,
      'points.assessment-published',
    );
    await expect(
      withTestDb((client) =>
        client.query(`UPDATE point_assessments SET tier = 'excellent' WHERE period_key = '2026Q4'`),
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      withTestDb((client) => client.query(`DELETE FROM point_assessments WHERE period_key = '2026Q4'`)),
    ).rejects.toThrow(/immutable/);
    expect(await results('2026Q4')).toEqual(before);

    const listed = await api.get(
      '/api/v1/points/assessments?period=2026Q4&ownerType=person&tier=excellent',
      tokens.admin,
    );
    expect(listed.body.items).toEqual([
      expect.objectContaining({ ownerId: people.li, tierName: '优秀', status: 'published', score: 35 }),
    ]);
  });

  it('records the scheduled run once per quarter even when triggered twice at once', async () => {
    const runner = scheduler.get(JobRunner, { strict: false });
    const firedAt = new Date('2026-09-30T18:00:00Z');
    const reports = await Promise.all([
      runner.run({ schedule: QUARTERLY_ASSESSMENT_SCHEDULE, firedAt }),
      runner.run({ schedule: QUARTERLY_ASSESSMENT_SCHEDULE, firedAt }),
    ]);
    expect(reports.filter((report) => report.executed)).toHaveLength(1);
    expect(
      await countRows(`SELECT count(*) AS n FROM job_runs WHERE job = $1 AND period_key = '2026Q3'`, [
        QUARTERLY_ASSESSMENT_SCHEDULE,
      ]),
    ).toBe(1);
    // Nobody earned in 2026Q3: every member and organization of the scenario scores 0, below standard,
    // all tied first; both organizations are ineffective, none under review (no 2026Q2 results).
    const executed = reports.find((report) => report.executed);
    expect(executed?.run).toMatchObject({
      status: 'succeeded',
      result: {
        period: '2026Q3',
        persons: 5,
        organizations: 2,
        belowStandard: 7,
        ineffective: 2,
        leadershipReview: 0,
        notified: 1,
      },
    });
    const q3 = await results('2026Q3');
    const row = (r: StoredResult) => [
      r.score,
      r.tier,
      r.community_rank,
      r.street_rank,
      r.ineffective,
      r.leadership_review,
    ];
    expect(new Map([...q3].map(([id, r]) => [id, row(r)]))).toEqual(
      new Map<string, unknown[]>([
        ...[people.li, people.zhang, people.zhao, people.wang, people.sun].map((id): [string, unknown[]] => [
          id,
          ['0', 'below_standard', 1, 1, false, false],
        ]),
        ...[orgs.a, orgs.b].map((id): [string, unknown[]] => [id, ['0', 'below_standard', 1, 1, true, false]]),
      ]),
    );
  });

  it('leaves a quarter published before its scheduled run untouched and records the run as skipped', async () => {
    const runner = scheduler.get(JobRunner, { strict: false });
    const before = await results('2026Q4');
    const report = await runner.run({ schedule: QUARTERLY_ASSESSMENT_SCHEDULE, period: '2026Q4' });
    expect(report.run).toMatchObject({ status: 'succeeded', result: { period: '2026Q4', skipped: 'published' } });
    expect(await results('2026Q4')).toEqual(before);
  });

  it("tiers in PostgreSQL exactly as tierOf does, the statement's CASE being generated from the same rule", async () => {
    const thresholds = { excellent: 90, good: 75, pass: 60 };
    const scores = [-5, 0, 59, 60, 61, 74, 75, 89, 90, 1000];
    const rows = await withTestDb(
      async (client) =>
        (
          await client.query<{ tier: string }>(
            `SELECT ${tierSql('s.score', { excellent: '$2::bigint', good: '$3::bigint', pass: '$4::bigint' })} AS tier FROM unnest($1::bigint[]) WITH ORDINALITY AS s(score, n) ORDER BY s.n`,
            [scores, thresholds.excellent, thresholds.good, thresholds.pass],
          )
        ).rows,
    );
    expect(rows.map((row) => row.tier)).toEqual(scores.map((score) => tierOf(score, thresholds)));
  });

  it("answers 404 to reads of a unit outside the caller's scope and limits unfiltered reads to it", async () => {
    expectProblem(
      await api.get(`/api/v1/points/assessments?unitId=${unit('社区A').id}`, tokens.secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/points/leaderboard?period=2026Q4&unitId=${unit('社区A').id}`, tokens.secretaryB),
      404,
      'resource.not-found',
    );
    const own = await api.get('/api/v1/points/assessments?period=2026Q4', tokens.secretaryB);
    expect(own.status).toBe(200);
    // 社区B's members and organization only (陈静 and the secretary are no members: no result).
    expect(own.body.items.map((item: { ownerId: string }) => item.ownerId).sort()).toEqual(
      [people.wang, people.sun, orgs.b].sort(),
    );
    expectProblem(
      await api.post('/api/v1/points/assessments/2026Q4/publish', {}, tokens.secretaryA),
      403,
      'auth.forbidden',
    );
  });
});
