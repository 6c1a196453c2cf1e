import { randomUUID } from 'node:crypto';
import { AccessTokenService, TransactionRunner } from '@linli/platform';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPeople,
  createUser,
  createUnitTree,
  expectProblem,
  pointAccount,
  pointsConsistency,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { PointsLedger } from '../ledger/points-ledger.service';
import { PointsOwner } from '../ledger/points-owner';
import { RedemptionExpiry } from './redemption-expiry.service';

interface Resident extends PointsOwner {
  token: string;
}

describe('exchange store and redemptions over HTTP', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};
  let serial = 0;

  async function resident(residence = '楼栋A1-1'): Promise<Resident> {
    serial += 1;
    const [created] = await createPeople([{ name: `居民${serial}`, residence: unit(residence) }]);
    // A token issued directly, not through POST /auth/login: one test has 30 residents, more than the login throttle lets through a minute.
    const account = await createUser(api, { personId: created.id });
    const { accessToken } = await api.app
      .get(AccessTokenService)
      .issue({ sub: account.id, username: account.username, ver: 0 });
    return { type: 'person', id: created.id, token: accessToken };
  }

  function credit(owner: PointsOwner, amount: number) {
    return api.app.get(TransactionRunner).run((manager) =>
      api.app.get(PointsLedger).credit(manager, {
        owner: { type: owner.type, id: owner.id },
        kind: 'redeemable',
        amount,
        reason: '参加活动获得积分',
        idempotencyKey: randomUUID(),
      }),
    );
  }

  async function reward(
    body: Record<string, unknown> = {},
    unitName = '社区A',
  ): Promise<{ id: string; stock: number }> {
    const response = await api.post(
      `/api/v1/points/stores/${unit(unitName).id}/rewards`,
      { name: '洗衣液（2kg）', cost: 1, stock: 100, ...body },
      tokens.secretaryA,
    );
    expect(response.status).toBe(201);
    return response.body as { id: string; stock: number };
  }

  const redeem = (owner: Resident, rewardId: string, extra: Record<string, unknown> = {}, token = owner.token) =>
    api.post(
      '/api/v1/points/redemptions',
      { rewardId, quantity: 1, ownerType: owner.type, ownerId: owner.id, idempotencyKey: randomUUID(), ...extra },
      token,
    );

  const stockOf = (rewardId: string) =>
    withTestDb(async (client) =>
      Number(
        (await client.query<{ stock: number }>('SELECT stock FROM point_rewards WHERE id = $1', [rewardId])).rows[0]
          .stock,
      ),
    );
  const balanceOf = async (owner: PointsOwner) => (await pointAccount(owner))?.balance ?? 0;
  const availableLots = (owner: PointsOwner) =>
    withTestDb(async (client) =>
      (
        await client.query<{ remaining: string }>(
          `SELECT l.remaining FROM point_lots l JOIN point_accounts a ON a.id = l.account_id WHERE a.owner_type = $1 AND a.owner_id = $2 ORDER BY l.created_at, l.id`,
          [owner.type, owner.id],
        )
      ).rows.map((r) => Number(r.remaining)),
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    tokens.secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    tokens.clerkA = (await createLoggedInUser(api, { role: 'store_clerk', ...at('社区A') })).token;
    tokens.clerkB = (await createLoggedInUser(api, { role: 'store_clerk', ...at('社区B') })).token;
  });
  afterAll(() => api.close());

  it('lets 10 of 50 concurrent redemptions through when the balance covers 10, and refuses the rest as points.insufficient', async () => {
    const wang = await resident();
    await credit(wang, 4);
    await credit(wang, 6);
    const offered = await reward({ cost: 1, stock: 100 });

    const responses = await Promise.all(Array.from({ length: 50 }, () => redeem(wang, offered.id)));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    const refused = responses.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(40);
    for (const response of refused) expectProblem(response, 409, 'points.insufficient');
    expect(await balanceOf(wang)).toBe(0);
    expect(await stockOf(offered.id)).toBe(90);
    expect(
      await countRows(`SELECT count(*) AS n FROM point_redemptions WHERE owner_id = $1 AND status = 'reserved'`, [
        wang.id,
      ]),
    ).toBe(10);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('sells exactly the 5 items in stock to 30 concurrent owners who can all afford one', async () => {
    const owners = await Promise.all(Array.from({ length: 30 }, () => resident()));
    for (const owner of owners) await credit(owner, 10);
    const offered = await reward({ name: '大米（5kg）', cost: 3, stock: 5 });

    const responses = await Promise.all(owners.map((owner) => redeem(owner, offered.id)));

    expect(responses.filter((r) => r.status === 201)).toHaveLength(5);
    for (const response of responses.filter((r) => r.status !== 201))
      expectProblem(response, 409, 'points.out-of-stock');
    expect(await stockOf(offered.id)).toBe(0);
    const balances = await Promise.all(owners.map((owner) => balanceOf(owner)));
    expect(balances.filter((b) => b === 7)).toHaveLength(5);
    expect(balances.filter((b) => b === 10)).toHaveLength(25);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('refunds a cancelled redemption exactly once: balance, lots and stock back, a second cancel changes nothing', async () => {
    const li = await resident();
    await credit(li, 3);
    await credit(li, 5);
    const offered = await reward({ name: '毛巾', cost: 2, stock: 4 });
    const reserved = await redeem(li, offered.id, { quantity: 2 });
    expect(reserved.status).toBe(201);
    expect(reserved.body).toMatchObject({ status: 'reserved', rewardName: '毛巾', points: 4 });
    expect(String((reserved.body as { pickupCode: string }).pickupCode).length).toBeGreaterThanOrEqual(6);
    expect(await balanceOf(li)).toBe(4);
    expect(await availableLots(li)).toEqual([0, 4]);
    const id = (reserved.body as { id: string }).id;

    const first = await api.post(`/api/v1/points/redemptions/${id}/cancel`, {}, li.token);
    const second = await api.post(`/api/v1/points/redemptions/${id}/cancel`, {}, tokens.clerkA);

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ id, status: 'cancelled', pickupCode: null });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id, status: 'cancelled' });
    expect(await balanceOf(li)).toBe(8);
    expect(await availableLots(li)).toEqual([3, 5]);
    expect(await stockOf(offered.id)).toBe(4);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM point_entries e JOIN point_accounts a ON a.id = e.account_id WHERE a.owner_id = $1 AND e.kind = 'reversal'`,
        [li.id],
      ),
    ).toBe(1);
    expect(
      await countRows(
        `SELECT count(*) AS n FROM audit_log WHERE target_id = $1 AND action = 'points.redemption.cancelled'`,
        [id],
      ),
    ).toBe(1);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('refuses a redemption beyond the per-person limit of the period with points.limit-reached', async () => {
    const zhao = await resident();
    await credit(zhao, 20);
    const offered = await reward({ name: '食用油', cost: 1, stock: 10, perPersonLimit: 2, limitPeriod: 'month' });

    expect((await redeem(zhao, offered.id)).status).toBe(201);
    expect((await redeem(zhao, offered.id)).status).toBe(201);
    expectProblem(await redeem(zhao, offered.id), 409, 'points.limit-reached');
    expect(await balanceOf(zhao)).toBe(18);
    expect(await stockOf(offered.id)).toBe(8);
  });

  it('fulfils a reservation with the right pickup code only, and only once', async () => {
    const sun = await resident();
    await credit(sun, 5);
    const offered = await reward({ name: '肥皂', cost: 1, stock: 3 });
    const reserved = (await redeem(sun, offered.id)).body as { id: string; pickupCode: string };

    expectProblem(
      await api.post(`/api/v1/points/redemptions/${reserved.id}/fulfil`, { pickupCode: 'WRONG123' }, tokens.clerkA),
      409,
      'points.wrong-pickup-code',
    );
    expectProblem(
      await api.post(
        `/api/v1/points/redemptions/${reserved.id}/fulfil`,
        { pickupCode: reserved.pickupCode },
        tokens.clerkB,
      ),
      404,
      'resource.not-found',
    );
    const fulfilled = await api.post(
      `/api/v1/points/redemptions/${reserved.id}/fulfil`,
      { pickupCode: reserved.pickupCode },
      tokens.clerkA,
    );
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body).toMatchObject({ id: reserved.id, status: 'fulfilled' });
    expectProblem(
      await api.post(
        `/api/v1/points/redemptions/${reserved.id}/fulfil`,
        { pickupCode: reserved.pickupCode },
        tokens.clerkA,
      ),
      409,
      'points.redemption-closed',
    );
    expectProblem(
      await api.post(`/api/v1/points/redemptions/${reserved.id}/cancel`, {}, sun.token),
      409,
      'points.redemption-closed',
    );
    expect(await balanceOf(sun)).toBe(4);
  });

  it('answers the first redemption when the same idempotency key is sent again', async () => {
    const qian = await resident();
    await credit(qian, 5);
    const offered = await reward({ name: '牙膏', cost: 2, stock: 5 });
    const key = randomUUID();

    const first = await redeem(qian, offered.id, { idempotencyKey: key });
    const again = await redeem(qian, offered.id, { idempotencyKey: key });

    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await balanceOf(qian)).toBe(3);
    expect(await stockOf(offered.id)).toBe(4);
  });

  it("answers 404 for a reward or a redemption outside the caller's reach", async () => {
    const inA = await resident('楼栋A1-1');
    const inB = await resident('楼栋B1-1');
    await credit(inA, 5);
    await credit(inB, 5);
    const offeredA = await reward({ name: '雨伞', stock: 5 });
    const reserved = (await redeem(inA, offeredA.id)).body as { id: string };

    expectProblem(await redeem(inB, offeredA.id), 404, 'resource.not-found');
    expectProblem(await redeem(inA, offeredA.id, {}, inB.token), 404, 'resource.not-found');
    expectProblem(await redeem(inA, offeredA.id, {}, tokens.clerkB), 404, 'resource.not-found');
    expectProblem(await api.get(`/api/v1/points/redemptions/${reserved.id}`, inB.token), 404, 'resource.not-found');
    expectProblem(
      await api.post(`/api/v1/points/redemptions/${reserved.id}/cancel`, {}, tokens.clerkB),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/points/stores/${unit('社区A').id}/rewards`, inB.token),
      404,
      'resource.not-found',
    );
    expect((await api.get(`/api/v1/points/redemptions/${reserved.id}`, inA.token)).status).toBe(200);
    const listed = await api.get(`/api/v1/points/stores/${unit('社区A').id}/rewards`, inA.token);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { id: string }[] }).items.map((r) => r.id)).toContain(offeredA.id);
    expect(await balanceOf(inB)).toBe(5);
  });

  it('rejects bad input as problem+json and writes nothing', async () => {
    const zhou = await resident();
    await credit(zhou, 5);
    const offered = await reward({ name: '抽纸', stock: 5 });
    const rewardsBefore = await countRows('SELECT count(*) AS n FROM point_rewards');
    const redemptionsBefore = await countRows('SELECT count(*) AS n FROM point_redemptions');

    expectProblem(
      await api.post(
        `/api/v1/points/stores/${unit('社区A').id}/rewards`,
        { name: '', cost: 0, stock: -1 },
        tokens.secretaryA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(
      await api.post(
        `/api/v1/points/stores/${unit('社区A').id}/rewards`,
        { name: '水杯', cost: 1, stock: 1, perPersonLimit: 1 },
        tokens.secretaryA,
      ),
      400,
      'validation.failed',
    );
    expectProblem(await redeem(zhou, offered.id, { quantity: 0 }), 400, 'validation.failed');
    expectProblem(await redeem(zhou, offered.id, { ownerType: 'family' }), 400, 'validation.failed');
    expectProblem(await redeem(zhou, offered.id, { extra: true }), 400, 'validation.failed');

    expect(await countRows('SELECT count(*) AS n FROM point_rewards')).toBe(rewardsBefore);
    expect(await countRows('SELECT count(*) AS n FROM point_redemptions')).toBe(redemptionsBefore);
    expect(await balanceOf(zhou)).toBe(5);
    expect(await stockOf(offered.id)).toBe(5);
  });
  it('expires reservations older than the pickup window once, refunding points and restoring stock', async () => {
    const wu = await resident();
    await credit(wu, 6);
    const offered = await reward({ name: '酱油', cost: 3, stock: 2 });
    const old = (await redeem(wu, offered.id)).body as { id: string };
    const later = new Date(Date.now() + 8 * 24 * 3600 * 1000);

    const first = await api.app.get(RedemptionExpiry).expireDue(later);
    const second = await api.app.get(RedemptionExpiry).expireDue(later);

    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(second.expired).toBe(0);
    expect((await api.get(`/api/v1/points/redemptions/${old.id}`, wu.token)).body).toMatchObject({ status: 'expired' });
    expect(await balanceOf(wu)).toBe(6);
    expect(await stockOf(offered.id)).toBe(2);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('lets store managers change a reward and refuses it outside their scope', async () => {
    const offered = await reward({ name: '香皂', cost: 2, stock: 1 });
    const changed = await api.request('PATCH', `/api/v1/points/rewards/${offered.id}`, {
      token: tokens.secretaryA,
      body: { stock: 9, name: '香皂（三块装）' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: offered.id, stock: 9, name: '香皂（三块装）', cost: 2 });
    expectProblem(
      await api.request('PATCH', `/api/v1/points/rewards/${offered.id}`, { token: tokens.clerkA, body: { stock: 1 } }),
      403,
      'auth.forbidden',
    );
    expect(
      await countRows(`SELECT count(*) AS n FROM audit_log WHERE target_id = $1 AND action = 'points.reward.updated'`, [
        offered.id,
      ]),
    ).toBe(1);
  });

  it('lists an owner their own redemptions and staff those of their stores, filtered by status', async () => {
    const zheng = await resident();
    const other = await resident('楼栋B1-1');
    await credit(zheng, 5);
    const offered = await reward({ name: '洗洁精', cost: 1, stock: 5 });
    const kept = (await redeem(zheng, offered.id)).body as { id: string };
    const cancelled = (await redeem(zheng, offered.id)).body as { id: string };
    await api.post(`/api/v1/points/redemptions/${cancelled.id}/cancel`, {}, zheng.token);

    const own = await api.get(
      `/api/v1/points/redemptions?ownerType=person&ownerId=${zheng.id}&status=reserved`,
      zheng.token,
    );
    const staff = await api.get(`/api/v1/points/redemptions?ownerType=person&ownerId=${zheng.id}`, tokens.clerkA);

    expect(own.status).toBe(200);
    expect((own.body as { items: { id: string }[] }).items.map((r) => r.id)).toEqual([kept.id]);
    expect((staff.body as { items: { id: string }[] }).items.map((r) => r.id).sort()).toEqual(
      [kept.id, cancelled.id].sort(),
    );
    expectProblem(
      await api.get(`/api/v1/points/redemptions?ownerType=person&ownerId=${zheng.id}`, other.token),
      404,
      'resource.not-found',
    );
    expectProblem(
      await api.get(`/api/v1/points/redemptions?ownerType=person&ownerId=${zheng.id}`, tokens.clerkB),
      404,
      'resource.not-found',
    );
  });
  it('lets store staff redeem for a resident in their scope and refuses a reward outside its active dates', async () => {
    const feng = await resident();
    await credit(feng, 10);
    const offered = await reward({ name: '购物袋', cost: 2, stock: 3 });
    const later = await reward({ name: '月饼', cost: 2, stock: 3, activeFrom: '2099-01-01T00:00:00Z' });

    const byClerk = await redeem(feng, offered.id, {}, tokens.clerkA);

    expect(byClerk.status).toBe(201);
    expect(byClerk.body).toMatchObject({ status: 'reserved', ownerId: feng.id });
    expectProblem(await redeem(feng, later.id), 409, 'points.reward-inactive');
    expect(await balanceOf(feng)).toBe(8);
    expect(await stockOf(later.id)).toBe(3);
  });
});
