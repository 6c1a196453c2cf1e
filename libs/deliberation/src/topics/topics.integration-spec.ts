import { Clock } from '@linli/platform';
import {
  bootApi,
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

const DAY = 86_400_000;
/** 09:00 Beijing time on a Monday: five working days of public notice end the next Monday, 09:00. */
const T0 = new Date('2026-11-30T01:00:00Z');
const NOTICE_ENDS = '2026-12-07T01:00:00.000Z';

type Body = { [key: string]: any };

describe('deliberation topics: the six steps, participation, merge, notice board', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let admin: string;
  let secretaryA: { id: string; token: string };
  let gridA: string;
  let secretaryB: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const url = (path: string): string => `/api/v1/deliberation${path}`;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    const staff = (role: 'secretary' | 'grid_worker', community: string) =>
      createLoggedInUser(api, { role, unitId: unit(community).id, unitPath: unit(community).path });
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = await staff('secretary', '社区A');
    gridA = (await staff('grid_worker', '社区A')).token;
    secretaryB = (await staff('secretary', '社区B')).token;
  });
  beforeEach(() => {
    now = T0;
  });
  afterAll(() => api.close());

  async function resident(home = '楼栋A1-1'): Promise<{ personId: string; token: string }> {
    serial += 1;
    const person = await createPerson({ name: `居民${serial}`, residenceUnitId: unit(home).id });
    return { personId: person.id, token: (await createLoggedInUser(api, { personId: person.id })).token };
  }

  async function topic(overrides: Body = {}, token = secretaryA.token): Promise<Body> {
    const response = await api.post(
      url('/topics'),
      { unitId: unit('小区A1').id, title: '3号楼加装电梯', category: 'lift_installation', ...overrides },
      token,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  const patch = (path: string, body: unknown, token: string) => api.request('PATCH', path, { body, token });
  const DEFAULT_CODES: Record<number, string> = {
    400: 'validation.failed',
    403: 'auth.forbidden',
    404: 'resource.not-found',
  };
  /** The response is this problem; answers its body (with the extensions). */
  function problem(response: Body, status: number, code = DEFAULT_CODES[status]): Body {
    expectProblem(response as never, status, code);
    return response.body;
  }

  const advance = (id: string, token = secretaryA.token) => api.post(url(`/topics/${id}/advance`), {}, token);
  const review = (id: string, party: string, token = gridA) =>
    api.post(url(`/topics/${id}/reviews`), { party, opinion: '同意', feasible: true }, token);

  /** A closed vote on the topic, with the given outcome. */
  async function vote(topicId: string, outcome: 'passed' | 'rejected'): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO deliberation_votes (unit_id, unit_path, topic_id, title, options, electorate, quorum, pass_rule,
                                         opens_at, closes_at, status, eligible, result, closed_at, created_by_user_id)
         VALUES ($1, $2, $3, '表决', '{同意,反对}', 'residents', 'none', 'more_than_half', $4, $5, 'closed', 10, $6, $5, $7)
         RETURNING id`,
        [
          unit('小区A1').id,
          unit('小区A1').path,
          topicId,
          new Date(now.getTime() - 2 * DAY),
          new Date(now.getTime() - DAY),
          JSON.stringify({ outcome }),
          secretaryA.id,
        ],
      );
      return rows[0].id as string;
    });
  }

  /** A held meeting with the topic on its agenda and minutes deciding on it (adopted or not); minutes omitted when `adopted` is undefined. */
  async function meeting(topicId: string, adopted?: boolean): Promise<string> {
    return withTestDb(async (client) => {
      const { rows } = await client.query(
        `INSERT INTO deliberation_meetings (unit_id, unit_path, kind, title, starts_at, ends_at, status, check_in_secret, created_by_user_id)
         VALUES ($1, $2, 'council', '协商议事会', $3, $4, 'held', 'secret', $5) RETURNING id`,
        [
          unit('小区A1').id,
          unit('小区A1').path,
          new Date(now.getTime() - 2 * DAY),
          new Date(now.getTime() - DAY),
          secretaryA.id,
        ],
      );
      const id = rows[0].id as string;
      await client.query(
        `INSERT INTO deliberation_meeting_agenda (meeting_id, topic_id, position) VALUES ($1, $2, 1)`,
        [id, topicId],
      );
      if (adopted !== undefined)
        await client.query(
          `INSERT INTO deliberation_meeting_minutes (meeting_id, summary, decisions, attendee_count, recorded_by_user_id)
           VALUES ($1, '纪要', $2, 30, $3)`,
          [id, JSON.stringify([{ topicId, decision: '同意', adopted }]), secretaryA.id],
        );
      return id;
    });
  }

  async function toReview(id: string): Promise<void> {
    expect((await advance(id)).body.step).toBe('review');
  }

  async function toResolve(id: string): Promise<void> {
    await toReview(id);
    expect((await review(id, 'party_organization')).status).toBe(201);
    expect((await review(id, 'residents_committee')).status).toBe(201);
    expect((await advance(id)).body.step).toBe('resolve');
  }

  async function decide(id: string): Promise<void> {
    const response = await api.post(
      url(`/topics/${id}/decision`),
      { basis: 'vote', voteId: await vote(id, 'passed'), summary: '同意加装电梯，费用按楼层分摊' },
      secretaryA.token,
    );
    expect(response.status).toBe(201);
  }

  async function toNotice(id: string): Promise<Body> {
    await toResolve(id);
    await decide(id);
    const moved = await advance(id);
    expect(moved.body.step).toBe('notice');
    return moved.body;
  }

  async function toExecute(id: string): Promise<void> {
    await toNotice(id);
    now = new Date(T0.getTime() + 8 * DAY);
    expect((await advance(id)).body.step).toBe('execute');
  }

  it('raises a topic in collection at a deliberation unit, with the default source and review parties', async () => {
    const created = await topic({}, gridA);
    expect(created).toMatchObject({
      step: 'collect',
      stepName: '意见收集',
      source: 'grid_worker',
      status: 'active',
      requiredParties: ['party_organization', 'residents_committee'],
      opinionCount: 0,
    });
    expect((await api.get(url(`/topics/${created.id}/history`), gridA)).body.items).toEqual([
      expect.objectContaining({ from: null, to: 'collect', changedByUserId: expect.any(String) }),
    ]);
    problem(
      await api.post(url('/topics'), { unitId: unit('示范街道').id, title: '街道议题', category: 'other' }, admin),
      400,
      'deliberation.unit-kind',
    );
    problem(
      await api.post(url('/topics'), { unitId: unit('小区A1').id, title: 'x', category: 'nope' }, gridA),
      400,
      'deliberation.category-unknown',
    );
    problem(
      await api.post(url('/topics'), { unitId: unit('小区A1').id, title: 'x', category: 'other' }, secretaryB),
      404,
    );
    // A deployment adds its own category, then uses it.
    expect((await api.post(url('/categories'), { code: 'pet_keeping', displayName: '文明养犬' }, admin)).status).toBe(
      201,
    );
    problem(
      await api.post(url('/categories'), { code: 'pet_keeping', displayName: '重复' }, admin),
      409,
      'deliberation.category-exists',
    );
    expect((await api.get(url('/categories'), gridA)).body.items).toContainEqual({
      code: 'pet_keeping',
      displayName: '文明养犬',
      builtin: false,
    });
    expect((await topic({ category: 'pet_keeping' })).category).toBe('pet_keeping');
  });

  it('refuses each action outside its step, naming the steps that allow it', async () => {
    const neighbour = await resident();
    const created = await topic();
    const id = created.id;
    const refusedIn = async (response: Promise<Body>, allowedIn: string[]) => {
      const refusal = problem(await response, 409, 'deliberation.action-not-allowed');
      expect(refusal.allowedIn).toEqual(allowedIn);
    };
    await refusedIn(review(id, 'party_organization'), ['review']);
    await refusedIn(api.post(url(`/topics/${id}/objections`), { content: '反对' }, neighbour.token), ['notice']);
    await refusedIn(
      api.post(
        url(`/topics/${id}/decision`),
        { basis: 'vote', voteId: await vote(id, 'passed'), summary: '同意' },
        secretaryA.token,
      ),
      ['resolve'],
    );
    await refusedIn(api.post(url(`/topics/${id}/milestones`), { title: '施工', dueOn: '2027-01-15' }, gridA), [
      'execute',
    ]);
    await refusedIn(patch(url(`/topics/${id}/progress`), { percent: 10, note: '开工' }, gridA), ['execute']);
    await refusedIn(api.post(url(`/topics/${id}/ratings`), { score: 5 }, neighbour.token), ['evaluate']);

    expect((await api.post(url(`/topics/${id}/opinions`), { content: '支持' }, neighbour.token)).status).toBe(201);
    await toReview(id);
    await refusedIn(api.post(url(`/topics/${id}/opinions`), { content: '晚了' }, neighbour.token), ['collect']);
    await refusedIn(api.post(url(`/topics/${id}/support`), {}, neighbour.token), ['collect']);
    await refusedIn(api.post(url(`/topics/${id}/merge`), { intoTopicId: (await topic()).id }, secretaryA.token), [
      'collect',
    ]);
  });

  it('closes joint review only once every required party answered, and resolves only on a valid basis', async () => {
    const id = (await topic({ requiredParties: ['party_organization', 'residents_committee', 'property_company'] })).id;
    await toReview(id);
    expect((await review(id, 'party_organization')).status).toBe(201);
    problem(await review(id, 'party_organization'), 409, 'deliberation.review-recorded');
    const unmet = problem(await advance(id), 409, 'deliberation.step-condition-unmet');
    expect(unmet.missingParties).toEqual(['residents_committee', 'property_company']);
    await review(id, 'residents_committee');
    await review(id, 'property_company');
    const detail = (await api.get(url(`/topics/${id}`), gridA)).body;
    expect(detail.reviews).toHaveLength(3);
    expect(detail.missingParties).toEqual([]);
    expect((await advance(id)).body.step).toBe('resolve');

    problem(await advance(id), 409, 'deliberation.step-condition-unmet');
    const rejected = await vote(id, 'rejected');
    problem(
      await api.post(
        url(`/topics/${id}/decision`),
        { basis: 'vote', voteId: rejected, summary: '同意' },
        secretaryA.token,
      ),
      409,
      'deliberation.decision-basis-invalid',
    );
    const otherTopic = await vote((await topic()).id, 'passed');
    problem(
      await api.post(
        url(`/topics/${id}/decision`),
        { basis: 'vote', voteId: otherTopic, summary: '同意' },
        secretaryA.token,
      ),
      409,
      'deliberation.decision-basis-invalid',
    );
    problem(
      await api.post(url(`/topics/${id}/decision`), { basis: 'vote', voteId: rejected, summary: '同意' }, secretaryB),
      404,
    );
    await decide(id);
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type = 'deliberation.topic.resolved' AND data->>'topicId' = $1`,
        [id],
      ),
    ).toBe(1);
    const notice = (await advance(id)).body;
    expect(notice).toMatchObject({ step: 'notice', stepName: '公示', noticeEndsAt: NOTICE_ENDS });
    expect(notice.decision).toMatchObject({ basis: 'vote', summary: '同意加装电梯，费用按楼层分摊' });
  });

  it('resolves on a meeting only when its minutes adopted a decision on the topic', async () => {
    const id = (await topic()).id;
    await toResolve(id);
    const byMeeting = (meetingId: string) =>
      api.post(url(`/topics/${id}/decision`), { basis: 'meeting', meetingId, summary: '会议通过' }, secretaryA.token);
    problem(await byMeeting(await meeting(id)), 409, 'deliberation.decision-basis-invalid');
    problem(await byMeeting(await meeting(id, false)), 409, 'deliberation.decision-basis-invalid');
    problem(await byMeeting(await meeting((await topic()).id, true)), 409, 'deliberation.decision-basis-invalid');
    problem(
      await api.post(url(`/topics/${id}/decision`), { basis: 'meeting', summary: '缺会议' }, secretaryA.token),
      400,
    );
    const resolved = await byMeeting(await meeting(id, true));
    expect(resolved.status).toBe(201);
    expect(resolved.body.decision).toMatchObject({ basis: 'meeting', summary: '会议通过' });
    problem(await byMeeting(await meeting(id, true)), 409, 'deliberation.decision-recorded');
  });

  it('withdraws a topic only before public notice', async () => {
    const id = (await topic()).id;
    const noticed = (await topic()).id;
    await toNotice(noticed);
    const refusal = problem(
      await api.post(url(`/topics/${noticed}/withdraw`), { reason: '太晚' }, secretaryA.token),
      409,
      'deliberation.action-not-allowed',
    );
    expect(refusal.allowedIn).toEqual(['collect', 'review', 'resolve']);
    problem(await api.post(url(`/topics/${id}/withdraw`), { reason: '已解决' }, gridA), 403);
    expect((await api.post(url(`/topics/${id}/withdraw`), { reason: '已解决' }, secretaryA.token)).body.status).toBe(
      'withdrawn',
    );
    const inactive = problem(await advance(id), 409, 'deliberation.topic-inactive');
    expect(inactive).toMatchObject({ status: 409, topicStatus: 'withdrawn' });
  });

  it('never ends a public notice early; an upheld objection returns the topic to a new review round', async () => {
    const objector = await resident();
    const elsewhere = await resident('楼栋B1-1');
    const id = (await topic()).id;
    await toNotice(id);

    now = new Date(new Date(NOTICE_ENDS).getTime() - 1000);
    const early = problem(await advance(id, admin), 409, 'deliberation.step-condition-unmet');
    expect(early.noticeEndsAt).toBe(NOTICE_ENDS);

    problem(await api.post(url(`/topics/${id}/objections`), { content: '不同意' }, elsewhere.token), 404);
    const objection = await api.post(
      url(`/topics/${id}/objections`),
      { content: '分摊方案未征求底层住户意见' },
      objector.token,
    );
    expect(objection.status).toBe(201);
    const upheld = await api.post(
      url(`/topics/${id}/objections/${objection.body.id}/decision`),
      { upheld: true, note: '需重新联审分摊方案' },
      secretaryA.token,
    );
    expect(upheld.status).toBe(201);
    expect(upheld.body).toMatchObject({ status: 'upheld', topicStep: 'review', reviewRound: 2 });
    const history = (await api.get(url(`/topics/${id}/history`), objector.token)).body.items;
    expect(history[history.length - 1]).toMatchObject({
      from: 'notice',
      to: 'review',
      reason: '异议成立：需重新联审分摊方案',
    });

    // Round 2: every party answers again, a new decision, a new notice; a pending objection holds it past its end.
    expect(problem(await advance(id), 409, 'deliberation.step-condition-unmet').missingParties).toHaveLength(2);
    await review(id, 'party_organization');
    await review(id, 'residents_committee');
    await advance(id);
    await decide(id);
    const second = (await advance(id)).body;
    const again = await api.post(url(`/topics/${id}/objections`), { content: '仍有意见' }, objector.token);
    now = new Date(new Date(second.noticeEndsAt).getTime() + 1000);
    expect(problem(await advance(id), 409, 'deliberation.step-condition-unmet').pendingObjections).toBe(1);
    const dismissed = await api.post(
      url(`/topics/${id}/objections/${again.body.id}/decision`),
      { upheld: false, note: '已答复' },
      secretaryA.token,
    );
    expect(dismissed.body).toMatchObject({ status: 'dismissed', topicStep: 'notice' });
    expect((await advance(id)).body.step).toBe('execute');
  });

  it('lets nobody decide their own objection', async () => {
    const home = unit('楼栋A1-1');
    const person = await createPerson({ name: '兼职书记', residenceUnitId: home.id });
    const secretaryResident = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
      personId: person.id,
    });
    const id = (await topic()).id;
    await toNotice(id);
    const objection = await api.post(url(`/topics/${id}/objections`), { content: '有异议' }, secretaryResident.token);
    expect(objection.status).toBe(201);
    problem(
      await api.post(
        url(`/topics/${id}/objections/${objection.body.id}/decision`),
        { upheld: false, note: '驳回' },
        secretaryResident.token,
      ),
      403,
      'deliberation.self-authorization',
    );
  });

  it('executes with milestones and progress that never goes back; 100 % publishes topic.executed once', async () => {
    const id = (await topic()).id;
    await toExecute(id);
    const milestone = await api.post(
      url(`/topics/${id}/milestones`),
      { title: '井道施工', dueOn: '2027-01-15' },
      gridA,
    );
    expect(milestone.status).toBe(201);
    expect((await api.post(url(`/topics/${id}/milestones/${milestone.body.id}/done`), {}, gridA)).body.doneAt).toBe(
      now.toISOString(),
    );
    expect(
      (await patch(url(`/topics/${id}/progress`), { percent: 40, note: '井道完成', evidence: ['photo-1'] }, gridA))
        .body,
    ).toMatchObject({ progressPercent: 40, executionEndedAt: null });
    problem(
      await patch(url(`/topics/${id}/progress`), { percent: 30, note: '回退' }, gridA),
      409,
      'deliberation.progress-backwards',
    );
    const done = await patch(
      url(`/topics/${id}/progress`),
      { percent: 100, note: '电梯投入使用', responsibleParty: '幸福里物业' },
      gridA,
    );
    expect(done.body).toMatchObject({
      progressPercent: 100,
      responsibleParty: '幸福里物业',
      executionEndedAt: now.toISOString(),
    });
    await patch(url(`/topics/${id}/progress`), { percent: 100, note: '验收' }, gridA);
    expect(
      await countRows(
        `SELECT count(*) FROM outbox_events WHERE type = 'deliberation.topic.executed' AND data->>'topicId' = $1`,
        [id],
      ),
    ).toBe(1);
    const unmet = problem(await advance(id), 409, 'deliberation.step-condition-unmet');
    expect(unmet.byJob).toBe(true);
    expect((await api.get(url(`/topics/${id}`), gridA)).body.progress).toHaveLength(3);
  });

  it('takes one rating per resident during evaluation', async () => {
    const first = await resident();
    const second = await resident();
    const elsewhere = await resident('楼栋B1-1');
    const id = (await topic()).id;
    await withTestDb((client) => client.query(`UPDATE deliberation_topics SET step = 'evaluate' WHERE id = $1`, [id]));
    expect(
      (await api.post(url(`/topics/${id}/ratings`), { score: 4, comment: '满意' }, first.token)).body,
    ).toMatchObject({
      ratingCount: 1,
      ratingAverage: 4,
    });
    problem(await api.post(url(`/topics/${id}/ratings`), { score: 1 }, first.token), 409, 'deliberation.already-rated');
    expect((await api.post(url(`/topics/${id}/ratings`), { score: 5 }, second.token)).body.ratingAverage).toBe(4.5);
    problem(await api.post(url(`/topics/${id}/ratings`), { score: 5 }, elsewhere.token), 404);
    problem(await api.post(url(`/topics/${id}/ratings`), { score: 6 }, second.token), 400);

    const closed = (await topic()).id;
    await withTestDb((client) =>
      client.query(`UPDATE deliberation_topics SET step = 'evaluate', evaluation_closes_at = $2 WHERE id = $1`, [
        closed,
        T0,
      ]),
    );
    problem(
      await api.post(url(`/topics/${closed}/ratings`), { score: 3 }, first.token),
      409,
      'deliberation.action-not-allowed',
    );
  });

  it('merges a topic into another, carrying its opinions and supporters traceably', async () => {
    const both = await resident();
    const onlySource = await resident();
    const source = (await topic({ title: '小区停车难' })).id;
    const target = (await topic({ unitId: unit('社区A').id, title: '社区停车规划', category: 'parking' })).id;
    await api.post(url(`/topics/${source}/opinions`), { content: '增加车位' }, both.token);
    await api.post(url(`/topics/${source}/opinions`), { content: '错峰停车' }, onlySource.token);
    await api.post(url(`/topics/${target}/opinions`), { content: '规划立体车库' }, both.token);
    for (const who of [both, onlySource]) await api.post(url(`/topics/${source}/support`), {}, who.token);
    expect((await api.post(url(`/topics/${source}/support`), {}, both.token)).body).toMatchObject({
      supporterCount: 2,
    });
    await api.post(url(`/topics/${target}/support`), {}, both.token);

    const otherCommunity = (await topic({ unitId: unit('小区B1').id }, secretaryB)).id;
    problem(await api.post(url(`/topics/${source}/merge`), { intoTopicId: otherCommunity }, secretaryA.token), 404);
    problem(
      await api.post(url(`/topics/${source}/merge`), { intoTopicId: otherCommunity }, admin),
      409,
      'deliberation.merge-invalid',
    );
    problem(await api.post(url(`/topics/${source}/merge`), { intoTopicId: target }, gridA), 403);

    const merged = await api.post(
      url(`/topics/${source}/merge`),
      { intoTopicId: target, reason: '同类诉求' },
      secretaryA.token,
    );
    expect(merged.status).toBe(201);
    expect(merged.body).toMatchObject({ id: target, opinionCount: 3, supporterCount: 2 });
    const opinions = (await api.get(url(`/topics/${target}/opinions`), both.token)).body.items;
    expect(
      opinions
        .filter((o: Body) => o.carriedFromTopicId === source)
        .map((o: Body) => o.content)
        .sort(),
    ).toEqual(['增加车位', '错峰停车'].sort());
    expect((await api.get(url(`/topics/${source}`), gridA)).body).toMatchObject({
      status: 'merged',
      mergedIntoId: target,
    });
    problem(
      await api.post(url(`/topics/${source}/opinions`), { content: '还有' }, both.token),
      409,
      'deliberation.topic-inactive',
    );
  });

  it('answers 404 out of scope: another community’s secretary, a resident of another building', async () => {
    const id = (await topic()).id;
    const neighbour = await resident();
    const elsewhere = await resident('楼栋B1-1');
    expect((await api.get(url(`/topics/${id}`), neighbour.token)).status).toBe(200);
    problem(await api.get(url(`/topics/${id}`), secretaryB), 404);
    problem(await advance(id, secretaryB), 404);
    problem(await review(id, 'party_organization', secretaryB), 404);
    problem(await api.get(url(`/topics/${id}`), elsewhere.token), 404);
    problem(await api.get(url(`/topics/${id}/opinions`), elsewhere.token), 404);
    problem(await api.post(url(`/topics/${id}/opinions`), { content: '路过' }, elsewhere.token), 404);
    problem(await api.post(url(`/topics/${id}/support`), {}, elsewhere.token), 404);
    problem(await api.get(url(`/topics?unitId=${unit('小区A1').id}`), secretaryB), 404);
    problem(await api.get(url(`/topics?unitId=${unit('小区A1').id}`), elsewhere.token), 404);
    // Staff record an opinion for a resident of the unit only.
    expect(
      (await api.post(url(`/topics/${id}/opinions`), { content: '代录', personId: neighbour.personId }, gridA)).body,
    ).toMatchObject({ authorPersonId: neighbour.personId });
    problem(
      await api.post(url(`/topics/${id}/opinions`), { content: '代录', personId: elsewhere.personId }, gridA),
      404,
    );
  });

  it('lists to a resident the topics at their home and the units above it, newest first', async () => {
    const community = (await topic({ unitId: unit('社区A').id, title: '社区议题' })).id;
    now = new Date(T0.getTime() + 1000);
    const complex = (await topic({ title: '小区议题' })).id;
    now = new Date(T0.getTime() + 2000);
    const building = (await topic({ unitId: unit('楼栋A1-1').id, title: '楼栋议题' })).id;
    const otherCommunity = (await topic({ unitId: unit('社区B').id, title: 'B社区议题' }, secretaryB)).id;
    const inBuilding = await resident('楼栋A1-1');
    const inComplex = await resident('小区A1');
    const ids = async (token: string, query = '') =>
      ((await api.get(url(`/topics?limit=100${query}`), token)).body.items as Body[]).map((t) => t.id);

    const seen = await ids(inBuilding.token);
    expect(seen).toEqual(expect.arrayContaining([community, complex, building]));
    expect(seen).not.toContain(otherCommunity);
    expect(seen.indexOf(building)).toBeLessThan(seen.indexOf(community));
    const fromComplex = await ids(inComplex.token);
    expect(fromComplex).toEqual(expect.arrayContaining([community, complex]));
    expect(fromComplex).not.toContain(building);
    expect(await ids(inBuilding.token, `&unitId=${unit('小区A1').id}`)).not.toContain(community);
    expect(await ids(secretaryB, '&step=collect')).toContain(otherCommunity);
    expect(await ids(secretaryB)).not.toContain(complex);

    const firstPage = await api.get(url('/topics?limit=2'), inBuilding.token);
    expect(firstPage.body.items).toHaveLength(2);
    const nextPage = await api.get(url(`/topics?limit=2&cursor=${firstPage.body.nextCursor}`), inBuilding.token);
    expect(nextPage.body.items.map((t: Body) => t.id)).not.toContain(firstPage.body.items[0].id);
    problem(await api.get(url('/topics?cursor=bad'), inBuilding.token), 400, 'pagination.invalid-cursor');
  });

  it('publishes past-resolution topics on the notice board of their unit and the units below it', async () => {
    const published = (await topic({ title: '公示中的议题' })).id;
    const collecting = (await topic({ title: '收集中的议题' })).id;
    await toNotice(published);
    const neighbour = await resident();
    const elsewhere = await resident('楼栋B1-1');
    const board = async (unitName: string, token: string) =>
      api.get(url(`/units/${unit(unitName).id}/notices?limit=100`), token);

    const fromBuilding = (await board('楼栋A1-1', neighbour.token)).body.items as Body[];
    const entry = fromBuilding.find((n) => n.topicId === published);
    expect(entry).toMatchObject({
      step: 'notice',
      stepName: '公示',
      noticeEndsAt: NOTICE_ENDS,
      decision: expect.objectContaining({ basis: 'vote', summary: '同意加装电梯，费用按楼层分摊' }),
      progressPercent: 0,
      evaluation: { average: null, count: 0, opensAt: null, closesAt: null, published: false },
    });
    expect(fromBuilding.map((n) => n.topicId)).not.toContain(collecting);
    expect(((await board('社区A', secretaryA.token)).body.items as Body[]).map((n) => n.topicId)).not.toContain(
      published,
    );
    problem(await board('小区A1', elsewhere.token), 404);
    problem(await board('小区A1', secretaryB), 404);
    expect((await board('小区A1', gridA)).body.items.map((n: Body) => n.topicId)).toContain(published);
  });
});
