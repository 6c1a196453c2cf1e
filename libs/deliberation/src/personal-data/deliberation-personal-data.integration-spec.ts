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
import { ERASED_TEXT } from './deliberation-personal-data';

describe("deliberation's part of a person's data: export, holds, erasure", () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let personId: string;
  let residentToken: string;
  let admin: { id: string; token: string };
  const unit = (name: string) => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    const person = await createPerson({ name: '李娜', residenceUnitId: unit('楼栋A1-1').id });
    personId = person.id;
    residentToken = (await createLoggedInUser(api, { personId })).token;
    admin = await createLoggedInUser(api, { role: 'admin', unitId: unit('社区A').id, unitPath: unit('社区A').path });
    // Setup by SQL: a topic with the resident's opinion and rating comment, a proposal still collecting, a ballot.
    await withTestDb(async (client) => {
      const topic = await client.query<{ id: string }>(
        `INSERT INTO deliberation_topics (unit_id, unit_path, title, category, source, step, step_entered_at, created_by_user_id)
         VALUES ($1, $2, '加装电梯', 'lift_installation', 'grid_worker', 'evaluate', now(), $3) RETURNING id`,
        [unit('小区A1').id, unit('小区A1').path, admin.id],
      );
      const topicId = topic.rows[0].id;
      const userId = (await client.query<{ id: string }>(`SELECT id FROM users WHERE person_id = $1`, [personId]))
        .rows[0].id;
      await client.query(
        `INSERT INTO deliberation_opinions (topic_id, author_person_id, author_user_id, content) VALUES ($1, $2, $3, '三单元老人多，希望先装')`,
        [topicId, personId, userId],
      );
      await client.query(
        `INSERT INTO deliberation_ratings (topic_id, person_id, score, comment) VALUES ($1, $2, 4, '施工噪音大')`,
        [topicId, personId],
      );
      await client.query(
        `INSERT INTO deliberation_proposals (unit_id, unit_path, title, description, proposer_person_id, proposer_user_id, threshold)
         VALUES ($1, $2, '增设非机动车棚', '小区电动车乱停', $3, $4, 10)`,
        [unit('小区A1').id, unit('小区A1').path, personId, userId],
      );
      const vote = await client.query<{ id: string }>(
        `INSERT INTO deliberation_votes (unit_id, unit_path, topic_id, title, options, electorate, quorum, pass_rule, opens_at, closes_at, eligible, created_by_user_id)
         VALUES ($1, $2, $3, '是否加装电梯', ARRAY['同意','不同意'], 'residents', 'more_than_half', 'more_than_half', now(), now() + interval '1 day', 1, $4) RETURNING id`,
        [unit('小区A1').id, unit('小区A1').path, topicId, admin.id],
      );
      await client.query(
        `INSERT INTO deliberation_ballots (vote_id, voter_key, person_id, option) VALUES ($1, $2::text, $2::uuid, '同意')`,
        [vote.rows[0].id, personId],
      );
    });
  });
  afterAll(() => api.close());

  it('exports what the resident wrote and the votes they took part in, never the option they chose', async () => {
    const response = await api.get('/api/v1/me/data', residentToken);
    expect(response.status).toBe(200);
    const data = response.body.domains.deliberation;
    expect(data.opinions).toEqual([
      expect.objectContaining({ topicTitle: '加装电梯', content: '三单元老人多，希望先装' }),
    ]);
    expect(data.ratings).toEqual([expect.objectContaining({ score: 4, comment: '施工噪音大' })]);
    expect(data.proposals).toEqual([expect.objectContaining({ title: '增设非机动车棚', status: 'collecting' })]);
    expect(data.votedIn).toEqual([expect.objectContaining({ voteTitle: '是否加装电梯', channel: 'online' })]);
    expect(JSON.stringify(data.votedIn)).not.toContain('同意');
  });

  it('holds the identity while a proposal collects co-signatures, then erases the free text on anonymisation', async () => {
    const refused = await api.post(`/api/v1/privacy/people/${personId}/anonymise`, {}, admin.token);
    expectProblem(refused, 409, 'privacy.identity-still-needed');
    expect(refused.body.holds).toContainEqual(
      expect.objectContaining({ domain: 'deliberation', code: 'deliberation.collecting-proposal', count: 1 }),
    );

    await withTestDb((client) =>
      client.query(`UPDATE deliberation_proposals SET status = 'withdrawn' WHERE proposer_person_id = $1`, [personId]),
    );
    expect((await api.post(`/api/v1/privacy/people/${personId}/anonymise`, {}, admin.token)).status).toBe(200);
    const after = await withTestDb(async (client) => ({
      opinion: (await client.query(`SELECT content FROM deliberation_opinions WHERE author_person_id = $1`, [personId]))
        .rows[0].content,
      rating: (await client.query(`SELECT score, comment FROM deliberation_ratings WHERE person_id = $1`, [personId]))
        .rows[0],
      ballots: (
        await client.query(`SELECT count(*)::int AS n FROM deliberation_ballots WHERE person_id = $1`, [personId])
      ).rows[0].n,
    }));
    expect(after).toEqual({ opinion: ERASED_TEXT, rating: { score: 4, comment: null }, ballots: 1 });
  });
});
