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
} from '@linli/testing';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = new Date('2026-11-30T02:00:00Z');

describe("residents' conventions (居民公约): versions, comments, two-thirds adoption, filing", () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let now: Date = T0;
  let secretaryA: string;
  let gridB: string;
  let admin: string;
  let voters: { personId: string; token: string }[];
  let outsider: { personId: string; token: string };
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(now.getTime()));
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    gridB = (
      await createLoggedInUser(api, { role: 'grid_worker', unitId: unit('社区B').id, unitPath: unit('社区B').path })
    ).token;
    voters = await Promise.all(Array.from({ length: 5 }, () => resident('楼栋A1-1')));
    outsider = await resident('楼栋B1-1');
  });
  afterAll(() => api.close());

  async function resident(home: string): Promise<{ personId: string; token: string }> {
    serial += 1;
    const person = await createPerson({ name: `居民${serial}`, residenceUnitId: unit(home).id });
    return { personId: person.id, token: (await createLoggedInUser(api, { personId: person.id })).token };
  }

  async function draft(title: string): Promise<{ id: string; [key: string]: any }> {
    const response = await api.post(
      '/api/v1/deliberation/conventions',
      { unitId: unit('社区A').id, title, body: '第一条 爱护公共环境，不乱扔垃圾。' },
      secretaryA,
    );
    expect(response.status).toBe(201);
    return response.body;
  }

  /** A vote on the convention (or none) cast by the five voters, `yes` of them 同意, then closed after its end. */
  async function closedVote(conventionId: string | undefined, passRule: string, yes: number): Promise<string> {
    const created = await api.post(
      '/api/v1/deliberation/votes',
      {
        unitId: unit('社区A').id,
        ...(conventionId ? { conventionId } : {}),
        title: '表决居民公约',
        options: ['同意', '反对'],
        electorate: 'residents',
        quorum: 'none',
        passRule,
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + HOUR).toISOString(),
      },
      secretaryA,
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const [i, voter] of voters.entries()) {
      const ballot = await api.post(
        `/api/v1/deliberation/votes/${id}/ballots`,
        { option: i < yes ? '同意' : '反对' },
        voter.token,
      );
      expect(ballot.status).toBe(201);
    }
    now = new Date(now.getTime() + 2 * HOUR);
    expect((await api.post(`/api/v1/deliberation/votes/${id}/close`, {}, secretaryA)).status).toBe(200);
    return id;
  }

  const adopt = (id: string, voteId: string) =>
    api.post(`/api/v1/deliberation/conventions/${id}/adopt`, { voteId }, secretaryA);

  it('adopts a version only after its comment period by a two-thirds vote, records filing, one in force', async () => {
    const v1 = await draft('幸福里社区居民公约');
    expect(v1).toMatchObject({ version: 1, status: 'draft', supersedesId: null, unitName: '社区A' });
    expectProblem(
      await api.post(
        '/api/v1/deliberation/conventions',
        { unitId: unit('网格A1').id, title: 'x', body: 'y' },
        secretaryA,
      ),
      400,
      'deliberation.unit-kind',
    );
    expectProblem(
      await api.post('/api/v1/deliberation/conventions', { unitId: unit('社区A').id, title: 'x', body: 'y' }, gridB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/deliberation/conventions/${v1.id}/comments`, { content: '赞成' }, voters[0].token),
      409,
      'deliberation.convention-not-commenting',
    );

    const opened = await api.post(`/api/v1/deliberation/conventions/${v1.id}/open-comments`, {}, secretaryA);
    expect(opened.body).toMatchObject({
      status: 'commenting',
      commentEndsAt: new Date(T0.getTime() + 15 * DAY).toISOString(),
    });
    expectProblem(
      await api.post(`/api/v1/deliberation/conventions/${v1.id}/open-comments`, {}, secretaryA),
      409,
      'deliberation.convention-status',
    );
    const comment = await api.post(
      `/api/v1/deliberation/conventions/${v1.id}/comments`,
      { content: '建议增加关于高空抛物的条款' },
      voters[0].token,
    );
    expect(comment.status).toBe(201);
    expectProblem(
      await api.post(`/api/v1/deliberation/conventions/${v1.id}/comments`, { content: '路过' }, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/deliberation/conventions/${v1.id}/comments`, { content: '工作人员' }, secretaryA),
      403,
      'deliberation.person-not-linked',
    );
    const comments = await api.get(`/api/v1/deliberation/conventions/${v1.id}/comments`, voters[1].token);
    expect(comments.body.items).toEqual([
      expect.objectContaining({
        content: '建议增加关于高空抛物的条款',
        mine: false,
        authorName: expect.stringMatching(/^居民/),
      }),
    ]);

    // Votes during the comment period do not adopt it yet.
    now = new Date(T0.getTime() + DAY);
    const twoThirdsShort = await closedVote(v1.id, 'two_thirds', 3);
    expectProblem(await adopt(v1.id, twoThirdsShort), 409, 'deliberation.convention-comment-period');

    now = new Date(T0.getTime() + 16 * DAY);
    expectProblem(
      await api.post(`/api/v1/deliberation/conventions/${v1.id}/comments`, { content: '晚了' }, voters[1].token),
      409,
      'deliberation.convention-not-commenting',
    );
    const refusals: [string, string][] = [
      [twoThirdsShort, 'not-passed'],
      [await closedVote(v1.id, 'more_than_half', 3), 'pass-rule'],
      [await closedVote(undefined, 'two_thirds', 5), 'other-convention'],
    ];
    for (const [voteId, reason] of refusals) {
      const refused = await adopt(v1.id, voteId);
      expectProblem(refused, 409, 'deliberation.convention-vote-invalid');
      expect(refused.body.reason).toBe(reason);
    }
    expectProblem(
      await api.post(
        `/api/v1/deliberation/conventions/${v1.id}/filing`,
        { filedOn: '2026-12-20', reference: '备1' },
        secretaryA,
      ),
      409,
      'deliberation.convention-status',
    );

    const passedVote = await closedVote(v1.id, 'two_thirds', 4);
    const adopted = await adopt(v1.id, passedVote);
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ status: 'adopted', voteId: passedVote, adoptedAt: now.toISOString() });
    expectProblem(await adopt(v1.id, passedVote), 409, 'deliberation.convention-status');

    const filed = await api.post(
      `/api/v1/deliberation/conventions/${v1.id}/filing`,
      { filedOn: '2026-12-20', reference: '示民备〔2026〕12号' },
      secretaryA,
    );
    expect(filed.body).toMatchObject({ filedOn: '2026-12-20', filingReference: '示民备〔2026〕12号' });
    expectProblem(
      await api.post(
        `/api/v1/deliberation/conventions/${v1.id}/filing`,
        { filedOn: '2026-12-21', reference: '再' },
        secretaryA,
      ),
      409,
      'deliberation.convention-filed',
    );
    expectProblem(
      await api.post(
        `/api/v1/deliberation/conventions/${v1.id}/filing`,
        { filedOn: '2026-02-30', reference: '再' },
        secretaryA,
      ),
      400,
      'validation.failed',
    );

    const inForce = await api.get(`/api/v1/deliberation/units/${unit('楼栋A1-1').id}/convention`, voters[2].token);
    expect(inForce.body).toMatchObject({ id: v1.id, version: 1, status: 'adopted' });
    expectProblem(
      await api.get(`/api/v1/deliberation/units/${unit('社区A').id}/convention`, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/deliberation/units/${unit('社区B').id}/convention`, admin),
      404,
      'resource.not-found',
    );
  });

  it('amends by a new version that supersedes the one in force on adoption; a failed vote rejects a version', async () => {
    now = new Date(T0.getTime() + 20 * DAY);
    const [current] = (await api.get(`/api/v1/deliberation/conventions?unitId=${unit('社区A').id}`, secretaryA)).body
      .items;
    const v2 = await draft('幸福里社区居民公约（修订）');
    expect(v2).toMatchObject({ version: 2, status: 'draft', supersedesId: current.id });
    await api.post(`/api/v1/deliberation/conventions/${v2.id}/open-comments`, {}, secretaryA);
    now = new Date(now.getTime() + 16 * DAY);
    expect((await adopt(v2.id, await closedVote(v2.id, 'two_thirds', 5))).body).toMatchObject({ status: 'adopted' });

    const versions = await api.get(`/api/v1/deliberation/conventions?unitId=${unit('小区A1').id}`, voters[0].token);
    expect(versions.body.items.map((c: { version: number; status: string }) => [c.version, c.status])).toEqual([
      [2, 'adopted'],
      [1, 'superseded'],
    ]);
    expect((await api.get(`/api/v1/deliberation/units/${unit('社区A').id}/convention`, secretaryA)).body).toMatchObject(
      { id: v2.id, version: 2 },
    );
    expect(
      await countRows(`SELECT count(*) FROM deliberation_conventions WHERE unit_id = $1 AND status = 'adopted'`, [
        unit('社区A').id,
      ]),
    ).toBe(1);
    expect((await api.get('/api/v1/deliberation/conventions', outsider.token)).body.items).toEqual([]);

    const v3 = await draft('幸福里社区居民公约（再修订）');
    await api.post(`/api/v1/deliberation/conventions/${v3.id}/open-comments`, {}, secretaryA);
    now = new Date(now.getTime() + 16 * DAY);
    const failed = await closedVote(v3.id, 'two_thirds', 2);
    expect(
      (await api.post(`/api/v1/deliberation/conventions/${v3.id}/reject`, { voteId: failed }, secretaryA)).body,
    ).toMatchObject({
      status: 'rejected',
      voteId: failed,
    });
    expect((await api.get(`/api/v1/deliberation/units/${unit('社区A').id}/convention`, voters[0].token)).body.id).toBe(
      v2.id,
    );
  });
});
