import { Clock, ScheduleContext } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
  withTestDb,
} from '@linli/testing';
import { PropertyEvaluationsJobsModule } from './evaluations-jobs.module';
import { EVALUATION_CATEGORIES } from './evaluation-defaults';
import { EvaluationCampaignsJob } from './jobs/evaluation-campaigns.job';
import { OverdueRectificationsJob } from './jobs/overdue-rectifications.job';

type Body = { [key: string]: any };
const DAY = 86_400_000;
/** 10:00 Beijing, Wednesday 2 December 2026. */
const T0 = new Date('2026-12-02T02:00:00Z');

/** A street with community A (complexes A1, A2) and community B (complex B1). */
const tree = (): UnitSpec => ({
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
          children: ['A', 'B'].map((letter) => ({
            kind: 'community' as const,
            name: `社区${letter}`,
            children: [
              {
                kind: 'grid' as const,
                name: `网格${letter}1`,
                children: (letter === 'A' ? ['A1', 'A2'] : ['B1']).map((name) => ({
                  kind: 'complex' as const,
                  name: `小区${name}`,
                  children: [{ kind: 'building' as const, name: `楼栋${name}-1` }],
                })),
              },
            ],
          })),
        },
      ],
    },
  ],
});

/** Every category the same score: the rating's total is that score. */
const flat = (score: number): Record<string, number> =>
  Object.fromEntries(EVALUATION_CATEGORIES.map((category) => [category, score]));

const context = (key: string): ScheduleContext =>
  ({ period: { key }, runId: key, force: false }) as unknown as ScheduleContext;

describe('property companies, contracts, evaluations, rankings, rectifications', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now = T0;
  let admin: string;
  let secretaryA: string;
  let secretaryB: { id: string; token: string };
  let street: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const url = (path: string): string => `/api/v1/property${path}`;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [PropertyEvaluationsJobsModule] });
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(tree());
    const staff = (role: 'admin' | 'secretary', name?: string) =>
      createLoggedInUser(api, name ? { role, unitId: unit(name).id, unitPath: unit(name).path } : { role });
    admin = (await staff('admin')).token;
    secretaryA = (await staff('secretary', '社区A')).token;
    secretaryB = await staff('secretary', '社区B');
    street = (await staff('secretary', '示范街道')).token;
  });
  afterAll(() => api.close());

  /** An owner (a person with an account) of a new part of the complex, with co-owners if given. */
  async function owners(complex: string, count = 1): Promise<{ personId: string; token: string }[]> {
    const people: { personId: string; token: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      serial += 1;
      const person = await createPerson({
        name: `业主${serial}`,
        residenceUnitId: unit(`楼栋${complex.slice(2)}-1`).id,
      });
      people.push({ personId: person.id, token: (await createLoggedInUser(api, { personId: person.id })).token });
    }
    await withTestDb(async (db) => {
      const { rows } = await db.query(
        `INSERT INTO property_parts (complex_id, unit_path, building, number, area_m2) VALUES ($1, $2, '1', $3, 100) RETURNING id`,
        [unit(complex).id, unit(complex).path, `${serial}`],
      );
      for (const person of people)
        await db.query(
          `INSERT INTO property_part_owners (part_id, person_id, started_on) VALUES ($1, $2, '2020-01-01')`,
          [rows[0].id, person.personId],
        );
    });
    return people;
  }

  async function company(name: string, creditCode: string): Promise<string> {
    const response = await api.post(url('/companies'), { name, creditCode }, admin);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const contract = (body: Body, token: string) => api.post(url('/contracts'), body, token);

  it('runs a half-year: companies, contracts, ratings, grades, ranks, a rectification and its overdue notice', async () => {
    // Companies: the check character of the credit code is verified; one company per code.
    expectProblem(
      await api.post(url('/companies'), { name: '坏码物业', creditCode: '91350100M000100Y44' }, admin),
      400,
      'property.credit-code-invalid',
    );
    const x = await company('甲物业', '91350100M000100Y43');
    const y = await company('乙物业', '914403001922038216');
    expectProblem(
      await api.post(url('/companies'), { name: '重复', creditCode: '91350100M000100Y43' }, admin),
      409,
      'property.company-exists',
    );
    expect((await api.get(url('/companies'), secretaryA)).body.items.map((item: Body) => item.name)).toHaveLength(2);

    // Contracts: out of scope → 404; an open hiring decision is refused; a new contract takes over.
    expectProblem(
      await contract({ companyId: x, complexId: unit('小区A1').id, startsOn: '2026-01-01' }, secretaryB.token),
      404,
      'resource.not-found',
    );
    const decisionId = await withTestDb(async (db) => {
      const { rows } = await db.query(
        `INSERT INTO property_decisions (complex_id, unit_path, title, matter, opens_at, closes_at, electorate_area_m2, electorate_heads, created_by_user_id)
         VALUES ($1, $2, '选聘物业', 'company_hiring', now(), now() + interval '1 day', 100, 1, $3) RETURNING id`,
        [unit('小区A1').id, unit('小区A1').path, secretaryB.id],
      );
      return rows[0].id as string;
    });
    expectProblem(
      await contract(
        { companyId: x, complexId: unit('小区A1').id, startsOn: '2026-01-01', hiringDecisionId: decisionId },
        secretaryA,
      ),
      409,
      'property.contract-decision-invalid',
    );
    const first = await contract({ companyId: y, complexId: unit('小区A1').id, startsOn: '2025-01-01' }, secretaryA);
    expect(first.status).toBe(201);
    expect(
      (await contract({ companyId: x, complexId: unit('小区A1').id, startsOn: '2026-01-01' }, secretaryA)).status,
    ).toBe(201);
    const a1 = (await api.get(url(`/contracts?complexId=${unit('小区A1').id}`), secretaryA)).body.items;
    expect(a1.find((item: Body) => item.id === first.body.id)).toMatchObject({
      endsOn: '2025-12-31',
      companyName: '乙物业',
    });
    expect(
      (await contract({ companyId: x, complexId: unit('小区A2').id, startsOn: '2026-01-01' }, secretaryA)).status,
    ).toBe(201);
    expect(
      (await contract({ companyId: y, complexId: unit('小区B1').id, startsOn: '2026-01-01' }, secretaryB.token)).status,
    ).toBe(201);

    // A campaign of the street: weights must sum to 1; one per (unit, period).
    const campaignBody = {
      unitId: unit('示范街道').id,
      period: '2026H2',
      opensAt: new Date(T0.getTime() - DAY).toISOString(),
      closesAt: new Date(T0.getTime() + 10 * DAY).toISOString(),
    };
    expectProblem(
      await api.post(url('/evaluations'), { ...campaignBody, raterWeights: { owner: 0.5, committee: 0.2 } }, street),
      400,
      'property.weights-invalid',
    );
    const created = await api.post(url('/evaluations'), campaignBody, street);
    expect(created.status).toBe(201);
    expectProblem(await api.post(url('/evaluations'), campaignBody, street), 409, 'property.campaign-exists');
    const id = created.body.id as string;
    const rate = (complex: string, raterKind: string, score: number, token: string) =>
      api.post(
        url(`/evaluations/${id}/ratings`),
        { complexId: unit(complex).id, raterKind, scores: flat(score) },
        token,
      );

    // A1: two co-owners share one head: the second is refused. 0.4×90 + 0.2×80 ×3 = 84 → AA.
    const [coOwner1, coOwner2] = await owners('小区A1', 2);
    expect((await rate('小区A1', 'owner', 90, coOwner1.token)).body).toMatchObject({ total: 90, companyId: x });
    expectProblem(await rate('小区A1', 'owner', 10, coOwner2.token), 409, 'property.already-rated');
    for (const kind of ['committee', 'branch', 'community'])
      expect((await rate('小区A1', kind, 80, secretaryA)).status).toBe(201);
    expectProblem(await rate('小区A1', 'committee', 70, secretaryA), 409, 'property.already-rated');
    expectProblem(await rate('小区B1', 'community', 70, secretaryA), 404, 'resource.not-found');
    // A2: owner 85 and community 85 → 85 → AAA (the lower bound is inclusive).
    const [ownerA2] = await owners('小区A2');
    await rate('小区A2', 'owner', 85, ownerA2.token);
    await rate('小区A2', 'community', 85, secretaryA);
    // B1: (0.4×58 + 0.2×50) / 0.6 = 55.33 (weights renormalised over the kinds that rated) → C, rectification.
    const [ownerB1] = await owners('小区B1');
    await rate('小区B1', 'owner', 58, ownerB1.token);
    await rate('小区B1', 'community', 50, secretaryB.token);
    expectProblem(await api.get(url(`/evaluations/${id}/results`), street), 409, 'property.evaluation-not-published');

    const published = await api.post(url(`/evaluations/${id}/publish`), {}, street);
    expect(published.body).toMatchObject({ status: 'published' });
    expectProblem(await rate('小区A2', 'branch', 80, secretaryA), 409, 'property.campaign-closed');

    const results = (await api.get(url(`/evaluations/${id}/results`), street)).body.items;
    expect(results.map((r: Body) => [r.rank, r.complexName, r.score, r.grade, r.streetRank, r.districtRank])).toEqual([
      [1, '小区A2', 85, 'AAA', 1, 1],
      [2, '小区A1', 84, 'AA', 2, 2],
      [3, '小区B1', 55.33, 'C', 3, 3],
    ]);
    // Owners see their own complex's published score; secretary B the complexes of community B.
    expect(
      (await api.get(url(`/evaluations/${id}/results`), ownerB1.token)).body.items.map((r: Body) => r.complexName),
    ).toEqual(['小区B1']);
    expect(
      (await api.get(url(`/evaluations/${id}/results?unitId=${unit('社区A').id}`), secretaryA)).body.items,
    ).toHaveLength(2);

    // Companies: 甲 = (85 + 84) / 2 = 84.5; 乙 = 55.33.
    const ranking = (await api.get(url(`/evaluations/${id}/company-ranking`), street)).body.items;
    expect(ranking.map((r: Body) => [r.rank, r.companyName, r.score, r.complexes])).toEqual([
      [1, '甲物业', 84.5, 2],
      [2, '乙物业', 55.33, 1],
    ]);

    // B1 is ordered to rectify within 30 days of publishing; secretary B is told; the events are out.
    const orders = (await api.get(url(`/rectifications?status=open`), street)).body.items;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ complexId: unit('小区B1').id, companyId: y, deadline: '2027-01-01' });
    expect(
      await countRows(
        `SELECT count(*) FROM notification_requests WHERE job->>'templateKey' = 'property.rectification-ordered' AND job->'recipient'->>'userId' = $1`,
        [secretaryB.id],
      ),
    ).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type IN ('property.evaluation.published', 'property.rectification.ordered')`,
      ),
    ).toBe(2);
    expect(
      (await api.post(url(`/rectifications/${orders[0].id}/follow-ups`), { note: '已约谈项目经理' }, secretaryB.token))
        .status,
    ).toBe(201);

    // Past the deadline, the overdue job tells secretary B once, however often it runs.
    now = new Date('2027-01-02T02:00:00Z');
    const job = api.app.get(OverdueRectificationsJob);
    expect(await job.run(context('2027-01-02'))).toMatchObject({ notified: 1 });
    expect(await job.run(context('2027-01-02b'))).toMatchObject({ notified: 0 });
    expect(
      await countRows(
        `SELECT count(*) FROM notification_requests WHERE job->>'templateKey' = 'property.rectification-overdue'`,
      ),
    ).toBe(1);
    const closed = await api.post(
      url(`/rectifications/${orders[0].id}/close`),
      { outcome: '已整改到位', rectified: true },
      street,
    );
    expect(closed.body).toMatchObject({ status: 'rectified', followUps: [{ note: '已约谈项目经理' }] });
  });

  it('opens the half-year campaign of every district on its first day, once', async () => {
    now = new Date('2027-01-01T01:00:00Z'); // 09:00 on 1 January in Beijing
    const job = api.app.get(EvaluationCampaignsJob);
    expect(await job.run(context('2027-01-01'))).toMatchObject({ opened: 1 });
    expect(await job.run(context('2027-01-01b'))).toMatchObject({ opened: 0 });
    expect(
      await countRows(`SELECT count(*) FROM property_evaluation_campaigns WHERE period = '2027H1' AND unit_id = $1`, [
        unit('示范区').id,
      ]),
    ).toBe(1);
  });
});
