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

const T0 = new Date('2026-11-30T02:00:00Z');

describe('resident proposals (居民提案制): co-signatures, adoption as a topic exactly once', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let gridA: string;
  let serial = 0;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    jest.spyOn(api.app.get(Clock), 'now').mockImplementation(() => new Date(T0.getTime()));
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    gridA = (
      await createLoggedInUser(api, { role: 'grid_worker', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
  });
  afterAll(() => api.close());

  async function resident(home = '楼栋A1-1'): Promise<{ personId: string; userId: string; token: string }> {
    serial += 1;
    const person = await createPerson({ name: `居民${serial}`, residenceUnitId: unit(home).id });
    const user = await createLoggedInUser(api, { personId: person.id });
    return { personId: person.id, userId: user.id, token: user.token };
  }

  async function setThreshold(value: number, unitKind = '*'): Promise<void> {
    const response = await api.request('PUT', '/api/v1/deliberation/settings/proposal.cosigner-threshold', {
      body: { value, unitKind },
      token: admin,
    });
    expect(response.status).toBe(200);
  }

  async function propose(token: string, unitName = '小区A1', extra: Record<string, unknown> = {}) {
    return api.post(
      '/api/v1/deliberation/proposals',
      { unitId: unit(unitName).id, title: '楼道加装扶手', description: '老人上下楼不便，建议加装扶手', ...extra },
      token,
    );
  }

  it('becomes a topic exactly at its threshold under racing co-signatures, once, and tells the proposer', async () => {
    await setThreshold(5);
    const proposer = await resident();
    const created = await propose(proposer.token, '小区A1', { category: 'public_space' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'collecting',
      cosigners: 0,
      threshold: 5,
      topicId: null,
      category: 'public_space',
      unitName: '小区A1',
      proposerName: expect.stringMatching(/^居民/),
      proposedByMe: true,
      cosignedByMe: false,
    });
    const id = created.body.id as string;

    // A later change of the setting does not move the goal of a running proposal.
    await setThreshold(7);
    const signers = await Promise.all(Array.from({ length: 8 }, (_, i) => resident(i % 2 ? '楼栋A1-1' : '小区A1')));
    const responses = await Promise.all(
      signers.map((signer) => api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, signer.token)),
    );
    const accepted = responses.filter((r) => r.status === 201);
    const refused = responses.filter((r) => r.status !== 201);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(3);
    for (const response of refused) expectProblem(response, 409, 'deliberation.proposal-closed');
    expect(accepted.map((r) => r.body.cosigners).sort()).toEqual([1, 2, 3, 4, 5]);

    const adopted = await api.get(`/api/v1/deliberation/proposals/${id}`, proposer.token);
    expect(adopted.body).toMatchObject({ status: 'adopted', cosigners: 5, threshold: 5, adoptedAt: T0.toISOString() });
    const topics = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT id, step, source, title, category, unit_id, created_by_person_id FROM deliberation_topics WHERE proposal_id = $1`,
            [id],
          )
        ).rows,
    );
    expect(topics).toEqual([
      {
        id: adopted.body.topicId,
        step: 'collect',
        source: 'resident_proposal',
        title: '楼道加装扶手',
        category: 'public_space',
        unit_id: unit('小区A1').id,
        created_by_person_id: proposer.personId,
      },
    ]);
    expect(await countRows(`SELECT count(*) FROM deliberation_proposal_cosigners WHERE proposal_id = $1`, [id])).toBe(
      5,
    );

    const events = await withTestDb(
      async (client) =>
        (await client.query(`SELECT actors, data FROM outbox_events WHERE type = 'deliberation.proposal.adopted'`))
          .rows,
    );
    expect(events).toEqual([
      {
        actors: [{ personId: proposer.personId, role: 'proposer' }],
        data: { proposalId: id, topicId: adopted.body.topicId, title: '楼道加装扶手', cosigners: 5 },
      },
    ]);
    const notices = await withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT job FROM notification_requests WHERE job->>'templateKey' = 'deliberation.proposal-adopted'`,
          )
        ).rows,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].job).toMatchObject({ recipient: { userId: proposer.userId }, data: { cosigners: 5 } });

    // After adoption: closed for everyone, including someone who co-signed already.
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, signers[0].token),
      409,
      'deliberation.proposal-closed',
    );
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/withdraw`, {}, proposer.token),
      409,
      'deliberation.proposal-closed',
    );
  });

  it('refuses the proposer, a second co-signature, outsiders and units that are not theirs', async () => {
    await setThreshold(10);
    await setThreshold(2, 'building');
    const proposer = await resident();
    const onBuilding = await propose(proposer.token, '楼栋A1-1');
    expect(onBuilding.body).toMatchObject({ threshold: 2 });
    const created = await propose(proposer.token, '社区A');
    expect(created.body).toMatchObject({ threshold: 10 });
    const id = created.body.id as string;

    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, proposer.token),
      409,
      'deliberation.cosign-own-proposal',
    );
    const neighbour = await resident('网格A1');
    expect((await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, neighbour.token)).status).toBe(201);
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, neighbour.token),
      409,
      'deliberation.already-cosigned',
    );
    expect((await api.get(`/api/v1/deliberation/proposals/${id}`, neighbour.token)).body).toMatchObject({
      cosigners: 1,
      cosignedByMe: true,
      proposedByMe: false,
    });

    // A resident of community B neither sees nor co-signs it, nor proposes for community A; staff do not co-sign.
    const outsider = await resident('楼栋B1-1');
    expectProblem(await api.get(`/api/v1/deliberation/proposals/${id}`, outsider.token), 404, 'resource.not-found');
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, outsider.token),
      404,
      'resource.not-found',
    );
    expectProblem(await propose(outsider.token, '小区A1'), 404, 'resource.not-found');
    // A grid resident does not take part in a building's proposal below their home.
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${onBuilding.body.id}/cosign`, {}, neighbour.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, gridA),
      403,
      'deliberation.person-not-linked',
    );
    expectProblem(await propose(proposer.token, '示范街道'), 400, 'deliberation.unit-kind');
    expectProblem(await propose(proposer.token, '小区A1', { category: 'nope' }), 400, 'deliberation.category-unknown');
    expectProblem(await propose(proposer.token, '小区A1', { title: '   ' }), 400, 'validation.failed');

    // Lists: residents see their units' proposals, staff their scope's.
    const listed = await api.get(`/api/v1/deliberation/proposals?unitId=${unit('社区A').id}&status=collecting`, gridA);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([id, onBuilding.body.id]),
    );
    const outsiderList = await api.get('/api/v1/deliberation/proposals', outsider.token);
    expect(outsiderList.body.items).toEqual([]);
    const neighbourList = await api.get('/api/v1/deliberation/proposals?limit=100', neighbour.token);
    const ids = neighbourList.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(id);
    expect(ids).not.toContain(onBuilding.body.id);

    // Withdrawal: the proposer only, then closed.
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/withdraw`, {}, neighbour.token),
      403,
      'deliberation.proposer-only',
    );
    const withdrawn = await api.post(`/api/v1/deliberation/proposals/${id}/withdraw`, {}, proposer.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    const late = await resident();
    expectProblem(
      await api.post(`/api/v1/deliberation/proposals/${id}/cosign`, {}, late.token),
      409,
      'deliberation.proposal-closed',
    );
  });
});
