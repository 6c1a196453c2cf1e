import { Clock } from '@linli/platform';
import {
  bootApi,
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
import { CloseDecisionsJob } from './close-decisions.job';
import { DecisionClosing } from './decision-closing';

const HOUR = 3600_000;
/** 09:00 Beijing time on a Wednesday. */
const T0 = new Date('2026-12-02T01:00:00Z');
const URL = '/api/v1/property/decisions';

interface Owner {
  personId: string;
  token: string;
  name: string;
}

/** A part of the complex: area in m² (text), its owners (indexes into `owners`), its status. */
interface PartSpec {
  area: string;
  owners: number[];
  status?: 'delivered' | 'unsold' | 'sold_undelivered';
}

describe('property decisions: frozen roll, one ballot per head, the art. 278 tally, closing, published results', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let secretaryA: string;
  let secretaryB: string;
  let gridA: string;
  let staffOwner: { token: string; personId: string };
  let outsider: string;
  const owners: Owner[] = [];
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (offsetMs: number): string => new Date(T0.getTime() + offsetMs).toISOString();

  async function person(name: string): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO people (name, residence_unit_id, residence_path) VALUES ($1, $2, $3) RETURNING id`,
        [name, unit('楼栋A1-1').id, unit('楼栋A1-1').path],
      );
      return rows[0].id;
    });
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    const staff = (role: 'secretary' | 'grid_worker', community: string, personId?: string) =>
      createLoggedInUser(api, { role, unitId: unit(community).id, unitPath: unit(community).path, personId });
    secretaryA = (await staff('secretary', '社区A')).token;
    secretaryB = (await staff('secretary', '社区B')).token;
    gridA = (await staff('grid_worker', '社区A')).token;
    for (let i = 0; i < 6; i += 1) {
      const name = `业主姓名${i}`;
      const personId = await person(name);
      owners.push({ personId, name, token: (await createLoggedInUser(api, { personId })).token });
    }
    const staffPerson = await person('网格员业主');
    staffOwner = { personId: staffPerson, token: (await staff('grid_worker', '社区A', staffPerson)).token };
    outsider = (await createLoggedInUser(api, { personId: await person('外人') })).token;
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  /** Replaces the parts of 小区A1 (ownerIndex 6 = the grid worker who owns a flat) and opens a decision on them. */
  async function decide(
    matter: string,
    parts: PartSpec[],
    times: { opensAt?: string; closesAt?: string } = {},
  ): Promise<string> {
    const complex = unit('小区A1');
    await withTestDb(async (client) => {
      await client.query(
        `DELETE FROM property_part_owners WHERE part_id IN (SELECT id FROM property_parts WHERE complex_id = $1)`,
        [complex.id],
      );
      await client.query(`DELETE FROM property_parts WHERE complex_id = $1`, [complex.id]);
      for (const [i, part] of parts.entries()) {
        serial += 1;
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO property_parts (complex_id, unit_path, building, number, area_m2, status)
           VALUES ($1, $2, '1栋', $3, $4, $5) RETURNING id`,
          [complex.id, complex.path, String(101 + i), part.area, part.status ?? 'delivered'],
        );
        for (const index of part.owners)
          await client.query(
            `INSERT INTO property_part_owners (part_id, person_id, started_on) VALUES ($1, $2, '2020-01-01')`,
            [rows[0].id, index === 6 ? staffOwner.personId : owners[index].personId],
          );
      }
    });
    const response = await api.post(
      URL,
      {
        complexId: complex.id,
        title: `事项${serial}`,
        matter,
        opensAt: times.opensAt ?? at(-HOUR),
        closesAt: times.closesAt ?? at(2 * HOUR),
      },
      secretaryA,
    );
    expect(response.status).toBe(201);
    return response.body.id;
  }

  const vote = (id: string, body: Record<string, unknown>, token: string) =>
    api.post(`${URL}/${id}/ballots`, body, token);
  const four = (last = '100.00'): PartSpec[] => [
    { area: '100.00', owners: [0] },
    { area: '100.00', owners: [1] },
    { area: '100.00', owners: [2] },
    { area: last, owners: [3] },
  ];

  it('freezes the roll: the developer’s parts one head, one buyer’s parts one head, co-owners one head', async () => {
    const id = await decide('fund_use', [
      { area: '80.50', owners: [], status: 'unsold' },
      { area: '90.00', owners: [], status: 'sold_undelivered' },
      { area: '100.00', owners: [0] },
      { area: '60.25', owners: [0] },
      { area: '120.00', owners: [1, 2] },
    ]);
    const decision = await api.get(`${URL}/${id}`, owners[0].token);
    // 80.50 + 90.00 + 100.00 + 60.25 + 120.00 = 450.75 m²; heads: developer, owner 0, owners 1+2 = 3.
    expect(decision.body).toMatchObject({ electorateAreaM2: 450.75, electorateHeads: 3, status: 'open' });
    expect(decision.body.myHead).toMatchObject({ areaM2: 160.25, voted: false });
    expect(await countRows(`SELECT count(*) FROM property_decision_heads WHERE decision_id = $1`, [id])).toBe(3);
  });

  it('rebuilding passes at exactly 3/4 of the participating area and heads, and fails just below', async () => {
    const exact = await decide('rebuilding', four());
    for (const i of [0, 1, 2]) expect((await vote(exact, { choice: 'agree' }, owners[i].token)).status).toBe(201);
    expect((await vote(exact, { choice: 'disagree' }, owners[3].token)).status).toBe(201);
    const live = await api.get(`${URL}/${exact}/tally`, owners[0].token);
    expect(live.body).toEqual({
      electorate: { areaM2: 400, heads: 4 },
      participation: { areaM2: 400, heads: 4, areaRatio: 1, headRatio: 1, met: true },
      approval: { areaM2: 300, heads: 3, areaRatio: 0.75, headRatio: 0.75, rule: 'three_quarters', met: true },
      needed: { participation: { areaM2: 0, heads: 0 }, approval: { areaM2: 0, heads: 0 } },
      outcome: 'open',
      outcomeSoFar: 'passed',
    });
    // Every head voted: staff may close before the end time.
    const closed = await api.post(`${URL}/${exact}/close`, {}, secretaryA);
    expect(closed.status).toBe(200);
    expect(closed.body.outcome).toBe('passed');

    const below = await decide('rebuilding', four('100.01'));
    for (const i of [0, 1, 2]) await vote(below, { choice: 'agree' }, owners[i].token);
    await vote(below, { choice: 'disagree' }, owners[3].token);
    const tally = (await api.get(`${URL}/${below}/tally`, secretaryA)).body;
    // 300.00 / 400.01 = 0.749981… < 3/4; the least agreeing area is ⌈40001 × 3/4⌉ = 30001 hundredths: 0.01 m² more.
    expect(tally.approval).toMatchObject({ areaM2: 300, heads: 3, areaRatio: 0.749981, headRatio: 0.75, met: false });
    expect(tally.needed.approval).toEqual({ areaM2: 0.01, heads: 0 });
    expect(tally.outcomeSoFar).toBe('rejected');
  });

  it('a more-than-half matter fails at exactly half', async () => {
    const id = await decide('company_hiring', four());
    await vote(id, { choice: 'agree' }, owners[0].token);
    await vote(id, { choice: 'agree' }, owners[1].token);
    await vote(id, { choice: 'disagree' }, owners[2].token);
    await vote(id, { choice: 'abstain' }, owners[3].token);
    const tally = (await api.get(`${URL}/${id}/tally`, secretaryA)).body;
    expect(tally.approval).toEqual({
      areaM2: 200,
      heads: 2,
      areaRatio: 0.5,
      headRatio: 0.5,
      rule: 'more_than_half',
      met: false,
    });
    expect(tally.needed.approval).toEqual({ areaM2: 0.01, heads: 1 });
    expect((await api.post(`${URL}/${id}/close`, {}, secretaryA)).body.outcome).toBe('rejected');
  });

  it('participation at exactly 2/3 is valid, just below it is not_valid', async () => {
    const three = (last: string): PartSpec[] => [
      { area: '100.00', owners: [0] },
      { area: '100.00', owners: [1] },
      { area: last, owners: [2] },
    ];
    const exact = await decide('fund_use', three('100.00'));
    await vote(exact, { choice: 'agree' }, owners[0].token);
    await vote(exact, { choice: 'agree' }, owners[1].token);
    const valid = (await api.get(`${URL}/${exact}/tally`, secretaryA)).body;
    expect(valid.participation).toEqual({ areaM2: 200, heads: 2, areaRatio: 0.666667, headRatio: 0.666667, met: true });
    expect(valid.outcomeSoFar).toBe('passed');

    const below = await decide('fund_use', three('100.01'));
    await vote(below, { choice: 'agree' }, owners[0].token);
    await vote(below, { choice: 'agree' }, owners[1].token);
    const short = (await api.get(`${URL}/${below}/tally`, secretaryA)).body;
    // 200.00 / 300.01 = 0.666644… < 2/3; ⌈30001 × 2/3⌉ = 20001 hundredths: 0.01 m² more.
    expect(short.participation).toMatchObject({ areaRatio: 0.666644, headRatio: 0.666667, met: false });
    expect(short.needed.participation).toEqual({ areaM2: 0.01, heads: 0 });
    expect(short.outcomeSoFar).toBe('not_valid');
    // Not every head voted: no early close.
    expectProblem(await api.post(`${URL}/${below}/close`, {}, secretaryA), 409, 'property.decision-still-open');
  });

  it('one ballot per head: a co-owner’s second ballot is refused, no re-voting, 20 concurrent ballots count once', async () => {
    const id = await decide('fund_use', [
      { area: '120.00', owners: [0, 1] },
      { area: '100.00', owners: [2] },
    ]);
    expect((await vote(id, { choice: 'agree' }, owners[0].token)).body).toMatchObject({
      areaM2: 120,
      channel: 'online',
    });
    const second = await vote(id, { choice: 'disagree' }, owners[1].token);
    expectProblem(second, 409, 'property.head-already-voted');
    expect(second.body.detail).toContain('本户（专有部分）已投票');
    expectProblem(await vote(id, { choice: 'disagree' }, owners[0].token), 409, 'property.head-already-voted');
    expect((await api.get(`${URL}/${id}`, owners[1].token)).body.myHead).toMatchObject({ voted: true });

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => vote(id, { choice: i % 2 ? 'agree' : 'disagree' }, owners[2].token)),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of responses.filter((r) => r.status !== 201)) expectProblem(r, 409, 'property.head-already-voted');
    expect(await countRows(`SELECT count(*) FROM property_ballots WHERE decision_id = $1`, [id])).toBe(2);
    // Not an owner in the roll: 403 for someone who may see it, 404 for anyone else.
    expectProblem(await vote(id, { choice: 'agree' }, gridA), 403, 'property.person-not-linked');
    expectProblem(await vote(id, { choice: 'agree' }, outsider), 404, 'resource.not-found');
  });

  it('paper and proxy ballots need evidence, proxies name the authorized person, never for oneself; the developer votes on paper', async () => {
    const id = await decide('fund_use', [
      { area: '100.00', owners: [0] },
      { area: '100.00', owners: [1] },
      { area: '100.00', owners: [6] },
      { area: '300.00', owners: [], status: 'unsold' },
    ]);
    const paper = { choice: 'agree', channel: 'paper', ownerPersonId: owners[0].personId };
    expectProblem(await vote(id, paper, gridA), 400, 'property.evidence-required');
    expectProblem(
      await vote(id, { choice: 'agree', ownerPersonId: owners[0].personId }, gridA),
      400,
      'property.ballot-channel',
    );
    const recorded = await vote(id, { ...paper, evidence: '纸质票-001' }, gridA);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ channel: 'paper', areaM2: 100 });

    const proxy = { choice: 'disagree', channel: 'proxy', ownerPersonId: owners[1].personId, evidence: '委托书-7' };
    expectProblem(await vote(id, proxy, gridA), 400, 'property.proxy-person');
    expect((await vote(id, { ...proxy, proxyPersonId: owners[4].personId }, gridA)).status).toBe(201);
    expect(
      await countRows(`SELECT count(*) FROM property_ballots WHERE decision_id = $1 AND proxy_person_id = $2`, [
        id,
        owners[4].personId,
      ]),
    ).toBe(1);

    // The grid worker owns the third flat: nobody records a ballot for their own head.
    const own = { choice: 'agree', channel: 'paper', ownerPersonId: staffOwner.personId, evidence: '纸质票-002' };
    expectProblem(await vote(id, own, staffOwner.token), 403, 'property.self-authorization');
    expect((await vote(id, own, gridA)).status).toBe(201);

    // The developer's unsold parts vote as one head, recorded by staff without an owner.
    expect(
      (await vote(id, { choice: 'abstain', channel: 'paper', evidence: '建设单位盖章票' }, gridA)).body,
    ).toMatchObject({
      areaM2: 300,
    });
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE target_id = $1 AND action LIKE 'property.%-ballot-recorded'`,
        [id],
      ),
    ).toBe(3 + 1);
    // An owner may not record paper ballots, and staff of another community cannot reach the decision.
    expectProblem(await vote(id, { ...paper, evidence: 'x' }, owners[2].token), 404, 'resource.not-found');
  });

  it('ballots only while open; the close job closes once under two runs; results are published without names; immutable', async () => {
    const early = await decide('fund_use', four(), { opensAt: at(HOUR), closesAt: at(3 * HOUR) });
    expectProblem(await vote(early, { choice: 'agree' }, owners[0].token), 409, 'property.decision-not-open');

    const id = await decide('management_statute', four(), { opensAt: at(-HOUR), closesAt: at(2 * HOUR) });
    await vote(id, { choice: 'agree' }, owners[0].token);
    await vote(id, { choice: 'agree' }, owners[1].token);
    await vote(id, { choice: 'disagree', channel: 'paper', ownerPersonId: owners[2].personId, evidence: 'P-3' }, gridA);
    expectProblem(await api.get(`${URL}/${id}/results`, owners[0].token), 409, 'property.results-not-published');

    const job = new CloseDecisionsJob(api.app.get(DecisionClosing), api.app.get(Clock));
    const context = { period: { key: '2026-12-02T03' } } as never;
    now = new Date(T0.getTime() + 2 * HOUR);
    expectProblem(await vote(id, { choice: 'agree' }, owners[3].token), 409, 'property.decision-not-open');
    const runs = await Promise.all([job.closeDue(context), job.closeDue(context)]);
    expect(Math.min(...runs.map((run) => run.closed))).toBe(0);
    expect(Math.max(...runs.map((run) => run.closed))).toBeGreaterThanOrEqual(1);
    expect((await job.closeDue(context)).closed).toBe(0);
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'property.decision-closed' AND target_id = $1`, [
        id,
      ]),
    ).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type = 'property.decision.closed' AND data->>'decisionId' = $1`,
        [id],
      ),
    ).toBe(1);

    expect(
      await countRows(`SELECT count(*) FROM notification_requests WHERE dedupe_key = $1`, [
        `property.decision-closed:${id}`,
      ]),
    ).toBe(1);
    // 3 of 4 heads and 300 of 400 m² took part (≥ 2/3); 2 of 3 agree (> 1/2): passed.
    const tally = (await api.get(`${URL}/${id}/tally`, owners[3].token)).body;
    expect(tally).toMatchObject({
      participation: { areaM2: 300, heads: 3, met: true },
      approval: { areaM2: 200, heads: 2, areaRatio: 0.666667, met: true },
      outcome: 'passed',
    });
    const results = await api.get(`${URL}/${id}/results`, owners[3].token);
    expect(results.status).toBe(200);
    expect(results.body.heads).toEqual([
      { units: ['1栋-101'], areaM2: 100, developer: false, choice: 'agree', channel: 'online' },
      { units: ['1栋-102'], areaM2: 100, developer: false, choice: 'agree', channel: 'online' },
      { units: ['1栋-103'], areaM2: 100, developer: false, choice: 'disagree', channel: 'paper' },
      { units: ['1栋-104'], areaM2: 100, developer: false, choice: null, channel: null },
    ]);
    const text = JSON.stringify(results.body);
    for (const owner of owners) {
      expect(text).not.toContain(owner.name);
      expect(text).not.toContain(owner.personId);
    }
    expectProblem(await api.post(`${URL}/${id}/close`, {}, secretaryA), 409, 'property.decision-not-open');
    now = new Date(T0.getTime());
    expect(
      (await api.get(`${URL}?status=closed&complexId=${unit('小区A1').id}`, owners[0].token)).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toContain(id);
  });

  it('bad input and out of scope', async () => {
    const complexId = unit('小区A1').id;
    const body = { complexId, title: '事项', matter: 'rebuilding', opensAt: at(HOUR), closesAt: at(HOUR) };
    expectProblem(await api.post(URL, body, secretaryA), 400, 'property.decision-times');
    expectProblem(
      await api.post(URL, { ...body, matter: 'nonsense', closesAt: at(2 * HOUR) }, secretaryA),
      400,
      'validation.failed',
    );
    expectProblem(await api.post(URL, { ...body, closesAt: at(2 * HOUR) }, secretaryB), 404, 'resource.not-found');
    expectProblem(
      await api.post(URL, { ...body, complexId: unit('小区B1').id, closesAt: at(2 * HOUR) }, secretaryB),
      409,
      'property.no-electorate',
    );
    const id = await decide('fund_use', four());
    for (const path of [`${URL}/${id}`, `${URL}/${id}/tally`, `${URL}/${id}/results`])
      expectProblem(await api.get(path, secretaryB), 404, 'resource.not-found');
    expectProblem(await api.get(`${URL}/${id}/tally`, outsider), 404, 'resource.not-found');
    expectProblem(await api.post(`${URL}/${id}/close`, {}, secretaryB), 404, 'resource.not-found');
    expectProblem(
      await vote(
        id,
        { choice: 'agree', channel: 'paper', ownerPersonId: owners[0].personId, evidence: 'x' },
        secretaryB,
      ),
      404,
      'resource.not-found',
    );
  });
});
