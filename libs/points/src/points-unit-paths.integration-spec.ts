import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  createMember,
  createMemberDualRegistration,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { PointsLedger } from './ledger/points-ledger.service';

/**
 * Per points table that keeps a unit path copy: rows, and rows whose copy differs from the current
 * path of what it copies (all zero when consistent).
 */
const COPIES: Record<string, string> = {
  point_rewards: `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.unit_path <> u.path)::int AS stale
                    FROM point_rewards t JOIN units u ON u.id = t.unit_id`,
  point_redemptions: `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.owner_unit_path <> p.residence_path)::int AS stale
                        FROM point_redemptions t JOIN people p ON p.id = t.owner_id`,
  point_evaluation_campaigns: `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.unit_path <> u.path)::int AS stale
                                 FROM point_evaluation_campaigns t JOIN units u ON u.id = t.unit_id`,
  point_evaluation_assignments: `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.rater_path <> u.path)::int AS stale
                                   FROM point_evaluation_assignments t JOIN units u ON u.id = t.rater_id WHERE t.rater_type = 'community'`,
  point_assessments: `SELECT count(*)::int AS rows, count(*) FILTER (WHERE t.unit_path <> p.residence_path)::int AS stale
                        FROM point_assessments t JOIN people p ON p.id = t.owner_id`,
};

async function copies(): Promise<Record<string, { rows: number; stale: number }>> {
  return withTestDb(async (client) => {
    const result: Record<string, { rows: number; stale: number }> = {};
    for (const [table, sql] of Object.entries(COPIES)) result[table] = (await client.query(sql)).rows[0];
    return result;
  });
}

/**
 * 示范市 ── 示范区 ─┬─ 东街道 ─┬─ 社区A ── 网格A1 ── 小区A1 ── 楼栋A1-1
 *                  │          └─ 社区B
 *                  └─ 西街道 ─── 社区C
 */
describe('points rows follow a subtree move', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let cityAdmin: string;
  let eastSecretary: string;
  let westSecretary: string;
  let westClerk: string;
  let campaignId: string;
  let redemptionId: string;
  let residentId: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const staff = async (role: 'admin' | 'secretary' | 'store_clerk', name: string) =>
    (await createLoggedInUser(api, { role, unitId: unit(name).id, unitPath: unit(name).path })).token;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree({
      kind: 'city',
      name: '示范市',
      children: [
        {
          kind: 'district',
          name: '示范区',
          children: [
            {
              kind: 'street',
              name: '东街道',
              children: [
                {
                  kind: 'community',
                  name: '社区A',
                  children: [
                    {
                      kind: 'grid',
                      name: '网格A1',
                      children: [
                        { kind: 'complex', name: '小区A1', children: [{ kind: 'building', name: '楼栋A1-1' }] },
                      ],
                    },
                  ],
                },
                { kind: 'community', name: '社区B' },
              ],
            },
            { kind: 'street', name: '西街道', children: [{ kind: 'community', name: '社区C' }] },
          ],
        },
      ],
    });
    cityAdmin = await staff('admin', '示范市');
    eastSecretary = await staff('secretary', '东街道');
    westSecretary = await staff('secretary', '西街道');
    westClerk = await staff('store_clerk', '西街道');

    // A reward of 社区A's store and a resident's reservation of it.
    const person = await createPerson({ name: '王居民', residenceUnitId: unit('楼栋A1-1').id });
    residentId = person.id;
    const resident = (await createLoggedInUser(api, { personId: person.id })).token;
    await api.app.get(TransactionRunner).run((manager) =>
      api.app.get(PointsLedger).credit(manager, {
        owner: { type: 'person', id: person.id },
        kind: 'redeemable',
        amount: 10,
        reason: '参加活动获得积分',
        idempotencyKey: randomUUID(),
      }),
    );
    const reward = await api.post(
      `/api/v1/points/stores/${unit('社区A').id}/rewards`,
      { name: '洗衣液', cost: 2, stock: 5 },
      cityAdmin,
    );
    expect(reward.status).toBe(201);
    const redemption = await api.post(
      '/api/v1/points/redemptions',
      { rewardId: reward.body.id, quantity: 1, ownerType: 'person', ownerId: person.id, idempotencyKey: randomUUID() },
      resident,
    );
    expect(redemption.status).toBe(201);
    redemptionId = redemption.body.id;

    // A campaign of 社区A: 社区A rates its dual-registered member.
    const agency = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局机关党支部',
      unitId: unit('示范区').id,
    });
    const member = await createMember({ personId: person.id, organizationId: agency.id });
    await createMemberDualRegistration({ memberId: member.id, communityUnitId: unit('社区A').id });
    const campaign = await api.post(
      '/api/v1/points/evaluation-campaigns',
      {
        year: 2026,
        name: '社区A年度评价',
        criteria: [{ code: 'service', name: '服务群众', weight: 100 }],
        unitId: unit('社区A').id,
      },
      cityAdmin,
    );
    expect(campaign.status).toBe(201);
    campaignId = campaign.body.id;

    // A published quarter's result of the member (immutable, but its path copy follows moves).
    await withTestDb(async (client) => {
      await client.query(`INSERT INTO point_assessment_periods (period_key, status) VALUES ('2026Q3', 'draft')`);
      await client.query(
        `INSERT INTO point_assessments (period_key, owner_type, owner_id, unit_path, community_id, street_id, assessment_points, score, tier)
         VALUES ('2026Q3', 'person', $1, $2, $3, $4, 80, 80, 'good')`,
        [person.id, unit('楼栋A1-1').path, unit('社区A').id, unit('东街道').id],
      );
      await client.query(
        `UPDATE point_assessment_periods SET status = 'published', published_at = now() WHERE period_key = '2026Q3'`,
      );
    });

    expect(await copies()).toEqual(Object.fromEntries(Object.keys(COPIES).map((t) => [t, { rows: 1, stale: 0 }])));
  });
  afterAll(() => api.close());

  it("rewrites every points path copy in the move, published assessment results' included", async () => {
    const moved = await api.post(`/api/v1/units/${unit('社区A').id}/move`, { parentId: unit('西街道').id }, cityAdmin);
    expect(moved.status).toBe(200);

    expect(await copies()).toEqual(Object.fromEntries(Object.keys(COPIES).map((t) => [t, { rows: 1, stale: 0 }])));
    const audit = await withTestDb((client) =>
      client.query(`SELECT data FROM audit_log WHERE action = 'units.moved' AND target_id = $1`, [unit('社区A').id]),
    );
    expect(audit.rows[0].data.rewritten).toMatchObject({
      pointRewards: 1,
      pointRedemptions: 1,
      pointAssessments: 1,
      pointEvaluationCampaigns: 1,
      pointEvaluationAssignments: 1,
    });
    // The published result is otherwise untouched, and still refuses any other change.
    await expect(
      withTestDb((client) => client.query(`UPDATE point_assessments SET score = 99, assessment_points = 99`)),
    ).rejects.toThrow(/immutable/);
  });

  it('decides scope by the rewritten copies: the new street reaches the rows, the old one no longer', async () => {
    expect((await api.get(`/api/v1/points/evaluation-campaigns/${campaignId}`, westSecretary)).status).toBe(200);
    expectProblem(
      await api.get(`/api/v1/points/evaluation-campaigns/${campaignId}`, eastSecretary),
      404,
      'resource.not-found',
    );
    expect((await api.get(`/api/v1/points/redemptions/${redemptionId}`, westClerk)).status).toBe(200);
    const storeList = await api.get('/api/v1/points/redemptions', westClerk);
    expect(storeList.body.items.map((r: { id: string }) => r.id)).toEqual([redemptionId]);
    const results = await api.get('/api/v1/points/assessments?period=2026Q3', westSecretary);
    expect(results.body.items.map((r: { ownerId: string }) => r.ownerId)).toEqual([residentId]);
    expect((await api.get('/api/v1/points/assessments?period=2026Q3', eastSecretary)).body.items).toEqual([]);
  });
});
