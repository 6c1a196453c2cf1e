import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createMember,
  createMemberDualRegistration,
  createOfficer,
  createPartyOrganization,
  createPerson,
  createUnitTree,
  expectProblem,
  pointAccount,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';
import { PointsLedger } from './ledger/points-ledger.service';

/**
 * Who may authorize points, for whom: every id a request names resolves in the caller's scope (404
 * outside it, nothing written), no one authorizes value for themselves (403
 * `points.self-authorization`), and pickup codes are the owner's alone.
 *
 * 示范市 ── 示范区 ── 示范街道 ─┬─ 社区A ── 网格A1 ── 小区A1 ── 楼栋A1-1
 *                              └─ 社区B ── …               ── 楼栋B1-1
 */
describe('points authorization', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};
  const people: Record<string, string> = {};
  let branchA: string;

  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  const entriesOf = (personId: string) =>
    countRows(
      `SELECT count(*) AS n FROM point_entries e JOIN point_accounts a ON a.id = e.account_id WHERE a.owner_id = $1`,
      [personId],
    );
  const credit = (personId: string, amount: number) =>
    api.app.get(TransactionRunner).run((manager) =>
      api.app.get(PointsLedger).credit(manager, {
        owner: { type: 'person', id: personId },
        kind: 'redeemable',
        amount,
        reason: '参加活动获得积分',
        idempotencyKey: randomUUID(),
      }),
    );
  const adjust = (body: Record<string, unknown>, token: string) =>
    api.post(
      '/api/v1/points/adjustments',
      { ownerType: 'person', accountKind: 'redeemable', amount: 10, reason: '协助疫苗接种点维持秩序', ...body },
      token,
    );
  const reward = async (unitName: string, token: string, name = '洗衣液'): Promise<string> => {
    const response = await api.post(
      `/api/v1/points/stores/${unit(unitName).id}/rewards`,
      { name, cost: 2, stock: 10 },
      token,
    );
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const redeem = (ownerId: string, rewardId: string, token: string) =>
    api.post(
      '/api/v1/points/redemptions',
      { rewardId, quantity: 1, ownerType: 'person', ownerId, idempotencyKey: randomUUID() },
      token,
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    for (const [key, name, residence] of [
      ['secretaryA', '书记甲', '楼栋A1-1'],
      ['clerkA', '店员甲', '楼栋A1-1'],
      ['resident', '居民甲', '楼栋A1-1'],
      ['neighbour', '居民乙', '楼栋A1-1'],
      ['inB', '居民丙', '楼栋B1-1'],
    ] as const) {
      people[key] = (await createPerson({ name, residenceUnitId: unit(residence).id })).id;
    }
    tokens.secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', ...at('社区A'), personId: people.secretaryA })
    ).token;
    tokens.clerkA = (
      await createLoggedInUser(api, { role: 'store_clerk', ...at('社区A'), personId: people.clerkA })
    ).token;
    tokens.clerkB = (await createLoggedInUser(api, { role: 'store_clerk', ...at('社区B') })).token;
    tokens.adminA = (await createLoggedInUser(api, { role: 'admin', ...at('社区A') })).token;
    tokens.district = (await createLoggedInUser(api, { role: 'secretary', ...at('示范区') })).token;
    tokens.resident = (await createLoggedInUser(api, { personId: people.resident })).token;

    branchA = (await createPartyOrganization({ kind: 'branch', name: '社区A党支部', unitId: unit('社区A').id })).id;
    await createOfficer({ organizationId: branchA, personId: people.secretaryA });
    const member = await createMember({ personId: people.secretaryA, organizationId: branchA });
    await createMemberDualRegistration({ memberId: member.id, communityUnitId: unit('社区A').id });
  });
  afterAll(() => api.close());

  describe('ids out of scope', () => {
    it('answers 404 for an adjustment of an owner outside the scope, single or in a bulk, and writes nothing', async () => {
      expectProblem(await adjust({ ownerId: people.inB }, tokens.secretaryA), 404, 'resource.not-found');
      expectProblem(
        await api.post(
          '/api/v1/points/adjustments/bulk',
          {
            owners: [
              { ownerType: 'person', ownerId: people.neighbour },
              { ownerType: 'person', ownerId: people.inB },
            ],
            accountKind: 'redeemable',
            amount: 5,
            reason: '社区清洁日',
          },
          tokens.secretaryA,
        ),
        404,
        'resource.not-found',
      );

      expect(await entriesOf(people.inB)).toBe(0);
      expect(await entriesOf(people.neighbour)).toBe(0);
    });

    it("answers 404 when staff redeem for a resident at a store they do not serve, while the resident's own redemption there works", async () => {
      const districtReward = await reward('示范区', tokens.district, '区级奖品');
      await credit(people.neighbour, 10);

      expectProblem(await redeem(people.neighbour, districtReward, tokens.clerkA), 404, 'resource.not-found');
      expect(await pointAccount({ type: 'person', id: people.neighbour })).toMatchObject({ balance: 10 });
      expect(
        await countRows('SELECT count(*) AS n FROM point_redemptions WHERE reward_id = $1', [districtReward]),
      ).toBe(0);

      const neighbourToken = (await createLoggedInUser(api, { personId: people.neighbour })).token;
      expect((await redeem(people.neighbour, districtReward, neighbourToken)).status).toBe(201);
    });

    it('answers 404 for a rule or a campaign at a unit outside the scope, and writes neither', async () => {
      const rules = await countRows('SELECT count(*) AS n FROM point_rules');
      expectProblem(
        await api.post(
          '/api/v1/points/rules',
          {
            code: 'b-cleanup',
            name: '参加清洁',
            eventType: 'volunteers.activity.attended',
            accountKind: 'redeemable',
            points: 5,
            per: 'occurrence',
            unitId: unit('社区B').id,
          },
          tokens.adminA,
        ),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.post(
          '/api/v1/points/evaluation-campaigns',
          {
            year: 2026,
            name: '社区B评价',
            criteria: [{ code: 'service', name: '服务群众', weight: 100 }],
            unitId: unit('社区B').id,
          },
          tokens.secretaryA,
        ),
        404,
        'resource.not-found',
      );

      expect(await countRows('SELECT count(*) AS n FROM point_rules')).toBe(rules);
      expect(await countRows('SELECT count(*) AS n FROM point_evaluation_campaigns')).toBe(0);
    });
  });

  describe('no one authorizes value for themselves', () => {
    it("refuses a secretary's adjustment of their own points, or of their organization's, and writes nothing", async () => {
      expectProblem(await adjust({ ownerId: people.secretaryA }, tokens.secretaryA), 403, 'points.self-authorization');
      expectProblem(
        await adjust({ ownerType: 'organization', ownerId: branchA, accountKind: 'assessment' }, tokens.secretaryA),
        403,
        'points.self-authorization',
      );
      expectProblem(
        await api.post(
          '/api/v1/points/adjustments/bulk',
          {
            owners: [
              { ownerType: 'person', ownerId: people.resident },
              { ownerType: 'person', ownerId: people.secretaryA },
            ],
            accountKind: 'redeemable',
            amount: 5,
            reason: '社区清洁日',
          },
          tokens.secretaryA,
        ),
        403,
        'points.self-authorization',
      );

      expect(await entriesOf(people.secretaryA)).toBe(0);
      expect(await entriesOf(branchA)).toBe(0);
      expect(await entriesOf(people.resident)).toBe(0);
      expect(await countRows(`SELECT count(*) AS n FROM audit_log WHERE action = 'points.adjusted'`)).toBe(0);
      // Someone else's adjustment goes through.
      expect((await adjust({ ownerId: people.resident }, tokens.secretaryA)).status).toBe(201);
    });

    it('refuses a score of oneself in a two-way evaluation', async () => {
      const campaign = await api.post(
        '/api/v1/points/evaluation-campaigns',
        {
          year: 2026,
          name: '2026年度双向评价',
          criteria: [{ code: 'service', name: '服务群众', weight: 100 }],
          unitId: unit('示范街道').id,
        },
        tokens.district,
      );
      expect(campaign.status).toBe(201);
      const [assignment] = await api.app
        .get(TransactionRunner)
        .run((manager) =>
          manager.query(
            `SELECT id FROM point_evaluation_assignments WHERE campaign_id = $1 AND ratee_type = 'person' AND ratee_id = $2`,
            [campaign.body.id, people.secretaryA],
          ),
        );

      expectProblem(
        await api.post(
          `/api/v1/points/evaluation-campaigns/${campaign.body.id}/submissions`,
          { assignmentId: assignment.id, scores: { service: 100 } },
          tokens.secretaryA,
        ),
        403,
        'points.self-authorization',
      );
      expect(await countRows('SELECT count(*) AS n FROM point_evaluation_submissions')).toBe(0);
    });

    it("refuses a store clerk's fulfilment of their own reservation", async () => {
      const soap = await reward('社区A', tokens.secretaryA, '肥皂');
      await credit(people.clerkA, 4);
      const own = await redeem(people.clerkA, soap, tokens.clerkA);
      expect(own.status).toBe(201);

      expectProblem(
        await api.post('/api/v1/points/redemptions/pickup', { pickupCode: own.body.pickupCode }, tokens.clerkA),
        403,
        'points.self-authorization',
      );
      expectProblem(
        await api.post(
          `/api/v1/points/redemptions/${own.body.id}/fulfil`,
          { pickupCode: own.body.pickupCode },
          tokens.clerkA,
        ),
        403,
        'points.self-authorization',
      );
      expect((await api.get(`/api/v1/points/redemptions/${own.body.id}`, tokens.clerkA)).body.status).toBe('reserved');
    });
  });

  describe('pickup codes', () => {
    let reservation: { id: string; pickupCode: string };

    beforeAll(async () => {
      const rice = await reward('社区A', tokens.secretaryA, '大米');
      await credit(people.resident, 10);
      const response = await redeem(people.resident, rice, tokens.resident);
      expect(response.status).toBe(201);
      reservation = response.body;
      expect(reservation.pickupCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    });

    it('shows the code to the owner only: staff lists and reads of the redemption carry none', async () => {
      const staffRead = await api.get(`/api/v1/points/redemptions/${reservation.id}`, tokens.clerkA);
      const staffList = await api.get(
        `/api/v1/points/redemptions?ownerType=person&ownerId=${people.resident}`,
        tokens.secretaryA,
      );
      const storeList = await api.get('/api/v1/points/redemptions?status=reserved', tokens.clerkA);
      const ownRead = await api.get(`/api/v1/points/redemptions/${reservation.id}`, tokens.resident);
      const ownList = await api.get('/api/v1/points/redemptions', tokens.resident);

      expect(staffRead.body).toMatchObject({ id: reservation.id, status: 'reserved', pickupCode: null });
      expect(staffList.body.items).toEqual([expect.objectContaining({ id: reservation.id, pickupCode: null })]);
      const inStore = storeList.body.items.find((r: { id: string }) => r.id === reservation.id);
      expect(inStore).toMatchObject({ pickupCode: null });
      // The clerk's list of the store shows a code only on the clerk's own reservation.
      const codes = storeList.body.items.map((r: { ownerId: string; pickupCode: string | null }) => [
        r.ownerId === people.clerkA,
        r.pickupCode !== null,
      ]);
      expect(codes).toContainEqual([true, true]);
      expect(codes.filter(([own]: boolean[]) => !own).every(([, code]: boolean[]) => !code)).toBe(true);
      expect(ownRead.body).toMatchObject({ pickupCode: reservation.pickupCode });
      expect(ownList.body.items).toEqual([expect.objectContaining({ pickupCode: reservation.pickupCode })]);
    });

    it('limits the codes one clerk may try: past the limit, 429 even for the right code', async () => {
      const clerk = (await createLoggedInUser(api, { role: 'store_clerk', ...at('社区A') })).token;
      const attempts = [];
      for (let i = 0; i < 10; i += 1)
        attempts.push(
          (await api.post('/api/v1/points/redemptions/pickup', { pickupCode: `WRONG${i}AB` }, clerk)).status,
        );
      expect(attempts).toEqual(Array.from({ length: 10 }, () => 409));
      expectProblem(
        await api.post('/api/v1/points/redemptions/pickup', { pickupCode: reservation.pickupCode }, clerk),
        429,
        'request.rate-limited',
      );
      expect((await api.get(`/api/v1/points/redemptions/${reservation.id}`, tokens.resident)).body.status).toBe(
        'reserved',
      );
    });

    it('fulfils against the code the owner shows: a wrong code or another store is refused, the right one works once', async () => {
      expectProblem(
        await api.post('/api/v1/points/redemptions/pickup', { pickupCode: 'WRONG234' }, tokens.clerkA),
        409,
        'points.wrong-pickup-code',
      );
      expectProblem(
        await api.post(
          `/api/v1/points/redemptions/${reservation.id}/fulfil`,
          { pickupCode: 'WRONG234' },
          tokens.clerkA,
        ),
        409,
        'points.wrong-pickup-code',
      );
      // A clerk of another store learns nothing from a valid code: the same answer as a wrong one.
      expectProblem(
        await api.post('/api/v1/points/redemptions/pickup', { pickupCode: reservation.pickupCode }, tokens.clerkB),
        409,
        'points.wrong-pickup-code',
      );

      const fulfilled = await api.post(
        '/api/v1/points/redemptions/pickup',
        { pickupCode: ` ${reservation.pickupCode.toLowerCase()} ` },
        tokens.clerkA,
      );
      expect(fulfilled.status).toBe(200);
      expect(fulfilled.body).toMatchObject({ id: reservation.id, status: 'fulfilled', pickupCode: null });
      expectProblem(
        await api.post('/api/v1/points/redemptions/pickup', { pickupCode: reservation.pickupCode }, tokens.clerkA),
        409,
        'points.wrong-pickup-code',
      );
      expect(
        await countRows(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'points.redemption.fulfilled' AND target_id = $1`,
          [reservation.id],
        ),
      ).toBe(1);
    });
  });
});
