import { Clock } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
  withTestDb,
} from '@linli/testing';
import { CloseVotesJob } from './close-votes.job';
import { VoteClosing } from './vote-closing';

const HOUR = 3600_000;
/** 09:00 Beijing time on a Wednesday. */
const T0 = new Date('2026-12-02T01:00:00Z');
const BUILDINGS = 8;

/** Community A with one complex of eight buildings (a fresh roll per test), community B with one. */
function district(): UnitSpec {
  return {
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
                  {
                    kind: 'grid',
                    name: '网格A1',
                    children: [
                      {
                        kind: 'complex',
                        name: '小区A1',
                        children: Array.from({ length: BUILDINGS }, (_, i) => ({
                          kind: 'building' as const,
                          name: `楼栋${i + 1}`,
                        })),
                      },
                    ],
                  },
                ],
              },
              {
                kind: 'community',
                name: '社区B',
                children: [
                  {
                    kind: 'grid',
                    name: '网格B1',
                    children: [{ kind: 'complex', name: '小区B1', children: [{ kind: 'building', name: '楼栋B' }] }],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

interface Resident {
  personId: string;
  token: string;
}

describe('deliberation votes: frozen roll, one ballot per voter or household, quorum, hidden results, closing', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let secretaryA: string;
  let gridA: string;
  let secretaryB: string;
  let admin: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const at = (offsetMs: number): string => new Date(T0.getTime() + offsetMs).toISOString();

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(district());
    const staff = (role: 'secretary' | 'grid_worker', community: string) =>
      createLoggedInUser(api, { role, unitId: unit(community).id, unitPath: unit(community).path });
    secretaryA = (await staff('secretary', '社区A')).token;
    gridA = (await staff('grid_worker', '社区A')).token;
    secretaryB = (await staff('secretary', '社区B')).token;
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  async function person(home: string, extra: { household?: string; birthDate?: string } = {}): Promise<string> {
    serial += 1;
    return withTestDb(async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO people (name, residence_unit_id, residence_path, household_code, birth_date)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [`居民${serial}`, unit(home).id, unit(home).path, extra.household ?? null, extra.birthDate ?? null],
      );
      return rows[0].id;
    });
  }

  async function resident(home: string, extra: { household?: string; birthDate?: string } = {}): Promise<Resident> {
    const personId = await person(home, extra);
    return { personId, token: (await createLoggedInUser(api, { personId })).token };
  }

  async function vote(overrides: Record<string, unknown> = {}, token = secretaryA): Promise<any> {
    const response = await api.post(
      '/api/v1/deliberation/votes',
      {
        unitId: unit('楼栋1').id,
        title: '是否同意加装电梯',
        options: ['同意', '不同意', '弃权'],
        electorate: 'residents',
        quorum: 'more_than_half',
        passRule: 'more_than_half',
        opensAt: at(0),
        closesAt: at(48 * HOUR),
        ...overrides,
      },
      token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  const ballot = (voteId: string, body: Record<string, unknown>, token: string) =>
    api.post(`/api/v1/deliberation/votes/${voteId}/ballots`, body, token);

  async function topicAt(unitName: string, step: string): Promise<string> {
    return withTestDb(async (client) => {
      const { rows: users } = await client.query<{ id: string }>(`SELECT id FROM users LIMIT 1`);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO deliberation_topics (unit_id, unit_path, title, category, source, step, step_entered_at, created_by_user_id)
         VALUES ($1, $2, '加装电梯', 'lift_installation', 'grid_worker', $3, now(), $4) RETURNING id`,
        [unit(unitName).id, unit(unitName).path, step, users[0].id],
      );
      return rows[0].id;
    });
  }

  it('creates a vote with its roll frozen (adults, as of opening), refusing bad times, options, units and topics', async () => {
    await person('楼栋1');
    await person('楼栋1', { birthDate: '1990-05-01' });
    await person('楼栋1', { birthDate: '2015-05-01' }); // a child: not on the roll
    const created = await vote();
    expect(created).toMatchObject({
      title: '是否同意加装电梯',
      options: ['同意', '不同意', '弃权'],
      electorate: 'residents',
      hideResults: true,
      status: 'open',
      eligible: 2,
      result: null,
      myBallot: null,
    });
    expect(await countRows('SELECT count(*) FROM deliberation_vote_electors WHERE vote_id = $1', [created.id])).toBe(2);

    const body = {
      unitId: unit('楼栋1').id,
      title: 'x',
      options: ['同意', '不同意'],
      electorate: 'residents',
      quorum: 'none',
      passRule: 'more_than_half',
      opensAt: at(HOUR),
      closesAt: at(HOUR),
    };
    const before = await countRows('SELECT count(*) FROM deliberation_votes');
    expectProblem(await api.post('/api/v1/deliberation/votes', body, secretaryA), 400, 'deliberation.vote-times');
    expectProblem(
      await api.post(
        '/api/v1/deliberation/votes',
        { ...body, closesAt: at(2 * HOUR), options: ['同意', ' 同意 '] },
        secretaryA,
      ),
      400,
      'deliberation.vote-options',
    );
    expectProblem(
      await api.post(
        '/api/v1/deliberation/votes',
        { ...body, closesAt: at(2 * HOUR), unitId: unit('示范街道').id },
        admin,
      ),
      400,
      'deliberation.unit-kind',
    );
    expectProblem(
      await api.post('/api/v1/deliberation/votes', { ...body, closesAt: at(2 * HOUR) }, secretaryB),
      404,
      'resource.not-found',
    );
    const inResolve = await topicAt('楼栋1', 'resolve');
    const inCollect = await topicAt('楼栋1', 'collect');
    const elsewhere = await topicAt('楼栋2', 'resolve');
    const ok = { ...body, closesAt: at(2 * HOUR) };
    expectProblem(
      await api.post('/api/v1/deliberation/votes', { ...ok, unitId: unit('楼栋B').id, topicId: inResolve }, secretaryB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post('/api/v1/deliberation/votes', { ...ok, topicId: inCollect }, secretaryA),
      409,
      'deliberation.action-not-allowed',
    );
    expectProblem(
      await api.post('/api/v1/deliberation/votes', { ...ok, topicId: elsewhere }, secretaryA),
      400,
      'deliberation.vote-unit-mismatch',
    );
    expect(await countRows('SELECT count(*) FROM deliberation_votes')).toBe(before);
    expect((await vote({ topicId: inResolve })).topicId).toBe(inResolve);
  });

  it('counts one ballot of 20 concurrent ones by one voter; the others answer 409; results stay hidden until close', async () => {
    const voter = await resident('楼栋2');
    const other = await resident('楼栋2');
    const created = await vote({ unitId: unit('楼栋2').id, closesAt: at(HOUR) });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ballot(created.id, { option: i % 2 ? '同意' : '不同意' }, voter.token)),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(19);
    for (const response of refused) expectProblem(response, 409, 'deliberation.already-voted');
    const accepted = responses.find((r) => r.status === 201)?.body;
    expect(Object.keys(accepted).sort()).toEqual([
      'castAt',
      'channel',
      'evidenceRef',
      'id',
      'option',
      'personId',
      'voteId',
    ]);
    expect(await countRows('SELECT count(*) FROM deliberation_ballots WHERE vote_id = $1', [created.id])).toBe(1);

    expect((await api.get(`/api/v1/deliberation/votes/${created.id}`, voter.token)).body.myBallot).toMatchObject({
      option: accepted.option,
      byYou: true,
    });
    for (const token of [voter.token, secretaryA])
      expectProblem(
        await api.get(`/api/v1/deliberation/votes/${created.id}/result`, token),
        409,
        'deliberation.results-hidden',
      );

    expect((await ballot(created.id, { option: '同意' }, other.token)).status).toBe(201);
    now = new Date(T0.getTime() + HOUR);
    expectProblem(await ballot(created.id, { option: '同意' }, other.token), 409, 'deliberation.vote-not-open');
    const result = await api.get(`/api/v1/deliberation/votes/${created.id}/result`, voter.token);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ eligible: 2, cast: 2, quorumMet: true });
  });

  it('takes one ballot per household: the second member gets 409 本户已投票', async () => {
    const husband = await resident('楼栋3', { household: '301' });
    const wife = await resident('楼栋3', { household: '301' });
    const neighbour = await resident('楼栋3', { household: '302' });
    const created = await vote({ unitId: unit('楼栋3').id, electorate: 'households' });
    expect(created.eligible).toBe(2);
    expect((await ballot(created.id, { option: '同意' }, husband.token)).status).toBe(201);
    const second = await ballot(created.id, { option: '不同意' }, wife.token);
    expectProblem(second, 409, 'deliberation.already-voted');
    expect(second.body.detail).toBe('本户已投票');
    expect((await api.get(`/api/v1/deliberation/votes/${created.id}`, wife.token)).body.myBallot).toMatchObject({
      option: null,
      byYou: false,
    });
    expect((await ballot(created.id, { option: '不同意' }, neighbour.token)).status).toBe(201);
    expect(await countRows('SELECT count(*) FROM deliberation_ballots WHERE vote_id = $1', [created.id])).toBe(2);
  });

  it('closes due votes once (the job twice, concurrently): under quorum the result is invalid with its figures', async () => {
    const voters = [await resident('楼栋4'), await resident('楼栋4')];
    await person('楼栋4');
    await person('楼栋4');
    const created = await vote({ unitId: unit('楼栋4').id, closesAt: at(2 * HOUR) });
    expect(created.eligible).toBe(4);
    for (const voter of voters) expect((await ballot(created.id, { option: '同意' }, voter.token)).status).toBe(201);

    const job = new CloseVotesJob(api.app.get(VoteClosing), api.app.get(Clock));
    const context = { period: { key: '2026-12-02T11' } } as never;
    expect((await job.closeDue(context)).closed).toBe(0); // not due yet
    now = new Date(T0.getTime() + 2 * HOUR);
    const runs = await Promise.all([job.closeDue(context), job.closeDue(context)]);
    // Two concurrent runs: one closes every due vote (this one and earlier tests' votes), the other finds none left.
    expect(Math.min(...runs.map((run) => run.closed))).toBe(0);
    expect(Math.max(...runs.map((run) => run.closed))).toBeGreaterThanOrEqual(1);
    expect(
      await countRows(`SELECT count(*) FROM audit_log WHERE action = 'deliberation.vote-closed' AND target_id = $1`, [
        created.id,
      ]),
    ).toBe(1);
    const expected = {
      eligible: 4,
      cast: 2,
      counts: { 同意: 2, 不同意: 0, 弃权: 0 },
      quorumMet: false,
      outcome: 'invalid',
    };
    const result = await api.get(`/api/v1/deliberation/votes/${created.id}/result`, voters[0].token);
    expect(result.body).toEqual(expected);
    expect((await api.get(`/api/v1/deliberation/votes/${created.id}`, secretaryA)).body).toMatchObject({
      status: 'closed',
      result: expected,
    });
    expect((await job.closeDue(context)).closed).toBe(0);
    expectProblem(
      await api.post(`/api/v1/deliberation/votes/${created.id}/close`, {}, secretaryA),
      409,
      'deliberation.vote-not-open',
    );
  });

  it('closes early only once everyone has voted; open and not hidden shows live counts', async () => {
    const [a, b] = [await resident('楼栋5'), await resident('楼栋5')];
    const created = await vote({ unitId: unit('楼栋5').id, hideResults: false, passRule: 'two_thirds' });
    expect((await ballot(created.id, { option: '同意' }, a.token)).status).toBe(201);
    expect((await api.get(`/api/v1/deliberation/votes/${created.id}/result`, b.token)).body).toEqual({
      eligible: 2,
      cast: 1,
      counts: { 同意: 1, 不同意: 0, 弃权: 0 },
      quorumMet: false,
      outcome: 'pending',
    });
    expectProblem(
      await api.post(`/api/v1/deliberation/votes/${created.id}/close`, {}, secretaryA),
      409,
      'deliberation.vote-still-open',
    );
    expectProblem(await api.post(`/api/v1/deliberation/votes/${created.id}/close`, {}, gridA), 403, 'auth.forbidden');
    expectProblem(
      await api.post(`/api/v1/deliberation/votes/${created.id}/close`, {}, secretaryB),
      404,
      'resource.not-found',
    );
    expect((await ballot(created.id, { option: '同意' }, b.token)).status).toBe(201);
    const closed = await api.post(`/api/v1/deliberation/votes/${created.id}/close`, {}, secretaryA);
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({
      eligible: 2,
      cast: 2,
      counts: { 同意: 2, 不同意: 0, 弃权: 0 },
      quorumMet: true,
      outcome: 'passed',
      passingOption: '同意',
    });
  });

  it('records paper ballots with evidence, never for oneself; refuses ballots outside the window, unknown options and people off the roll', async () => {
    const paperVoter = await resident('楼栋6');
    const staffPerson = await person('楼栋6');
    const staff = (
      await createLoggedInUser(api, {
        role: 'grid_worker',
        unitId: unit('社区A').id,
        unitPath: unit('社区A').path,
        personId: staffPerson,
      })
    ).token;
    const child = await resident('楼栋6', { birthDate: '2016-01-01' });
    const created = await vote({ unitId: unit('楼栋6').id, opensAt: at(HOUR), closesAt: at(3 * HOUR) });
    const latecomer = await resident('楼栋6');
    const outsider = await resident('楼栋B');

    expectProblem(await ballot(created.id, { option: '同意' }, paperVoter.token), 409, 'deliberation.vote-not-open');
    now = new Date(T0.getTime() + HOUR);
    expectProblem(
      await ballot(created.id, { option: '赞成' }, paperVoter.token),
      400,
      'deliberation.vote-option-unknown',
    );
    expectProblem(
      await ballot(created.id, { option: '同意', personId: paperVoter.personId }, staff),
      400,
      'deliberation.evidence-required',
    );
    expectProblem(
      await ballot(created.id, { option: '同意', personId: staffPerson, evidenceRef: '纸票-001' }, staff),
      403,
      'deliberation.self-authorization',
    );
    expectProblem(
      await ballot(created.id, { option: '同意', personId: paperVoter.personId, evidenceRef: '纸票-002' }, secretaryB),
      404,
      'resource.not-found',
    );
    const paper = await ballot(
      created.id,
      { option: '不同意', personId: paperVoter.personId, evidenceRef: '纸票-002' },
      staff,
    );
    expect(paper.status).toBe(201);
    expect(paper.body).toMatchObject({ channel: 'paper', evidenceRef: '纸票-002', personId: paperVoter.personId });
    expectProblem(await ballot(created.id, { option: '同意' }, paperVoter.token), 409, 'deliberation.already-voted');
    expect(
      await countRows(
        `SELECT count(*) FROM audit_log WHERE action = 'deliberation.paper-ballot-recorded' AND target_id = $1`,
        [created.id],
      ),
    ).toBe(1);

    expectProblem(await ballot(created.id, { option: '同意' }, latecomer.token), 403, 'deliberation.not-on-roll');
    expectProblem(await ballot(created.id, { option: '同意' }, child.token), 403, 'deliberation.not-on-roll');
    expectProblem(await ballot(created.id, { option: '同意' }, outsider.token), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/deliberation/votes/${created.id}`, outsider.token), 404, 'resource.not-found');
    now = new Date(T0.getTime() + 3 * HOUR);
    expectProblem(await ballot(created.id, { option: '同意' }, staff), 409, 'deliberation.vote-not-open');
  });

  it('keeps a representatives roll whose active members are the electorate of a representatives vote', async () => {
    const reps = [await person('楼栋7'), await person('楼栋7'), await person('楼栋7')];
    const outsider = await person('楼栋B');
    const add = (body: Record<string, unknown>, token = secretaryA) =>
      api.post('/api/v1/deliberation/representatives', body, token);
    const mandates = [];
    for (const personId of reps) {
      const response = await add({ unitId: unit('小区A1').id, personId, startedOn: '2026-01-01' });
      expect(response.status).toBe(201);
      mandates.push(response.body);
    }
    expect(mandates[0]).toMatchObject({ unitName: '小区A1', startedOn: '2026-01-01', active: true });
    expectProblem(
      await add({ unitId: unit('小区A1').id, personId: reps[0] }),
      409,
      'deliberation.representative-exists',
    );
    expectProblem(
      await add({ unitId: unit('楼栋1').id, personId: reps[0] }),
      400,
      'deliberation.representative-not-resident',
    );
    expectProblem(await add({ unitId: unit('小区A1').id, personId: outsider }), 404, 'resource.not-found');
    const ended = await api.post(
      `/api/v1/deliberation/representatives/${mandates[2].id}/end`,
      { reason: '迁出' },
      secretaryA,
    );
    expect(ended.body).toMatchObject({ active: false, endReason: '迁出', endedOn: '2026-12-02' });
    expectProblem(
      await api.post(`/api/v1/deliberation/representatives/${mandates[2].id}/end`, { reason: '迁出' }, secretaryA),
      409,
      'deliberation.representative-ended',
    );
    const listed = await api.get(`/api/v1/deliberation/representatives?unitId=${unit('社区A').id}`, gridA);
    expect(listed.body.items.map((m: { id: string }) => m.id).sort()).toEqual([mandates[0].id, mandates[1].id].sort());
    expect((await api.get('/api/v1/deliberation/representatives', secretaryB)).body.items).toEqual([]);

    const created = await vote({ unitId: unit('网格A1').id, electorate: 'representatives', quorum: 'two_thirds' });
    expect(created.eligible).toBe(2);
    const listedVotes = await api.get(
      `/api/v1/deliberation/votes?unitId=${unit('社区A').id}&status=open&limit=100`,
      gridA,
    );
    expect(listedVotes.body.items.map((v: { id: string }) => v.id)).toContain(created.id);
    expect((await api.get('/api/v1/deliberation/votes?limit=100', secretaryB)).body.items).toEqual([]);
  });
});
