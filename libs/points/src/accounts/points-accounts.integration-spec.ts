import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  createPartyOrganization,
  createPeople,
  createUnitTree,
  pointAccount,
  pointEntries,
  pointsConsistency,
  requestedNotifications,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';
import { CreditCommand } from '../ledger/ledger-records';
import { PointsLedger } from '../ledger/points-ledger.service';
import { PointsOwner } from '../ledger/points-owner';

function expectProblem(response: TestResponse, status: number, code: string): void {
  expect(response.status).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code });
}

function count(sql: string, params: unknown[] = []): Promise<number> {
  return withTestDb(async (client) => Number((await client.query<{ n: string }>(sql, params)).rows[0].n));
}

describe('points accounts, adjustments and rules over HTTP', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  const tokens: Record<string, string> = {};
  let serial = 0;

  async function person(residence = '楼栋A1-1'): Promise<PointsOwner & { token: string }> {
    serial += 1;
    const [created] = await createPeople([{ name: `居民${serial}`, residence: unit(residence) }]);
    const account = await createLoggedInUser(api, { personId: created.id });
    return { type: 'person', id: created.id, token: account.token };
  }

  function credit(owner: PointsOwner, amount: number, extra: Partial<CreditCommand> = {}) {
    return api.app.get(TransactionRunner).run((manager) =>
      api.app.get(PointsLedger).credit(manager, {
        owner: { type: owner.type, id: owner.id },
        kind: 'redeemable',
        amount,
        reason: '参加活动获得积分',
        idempotencyKey: randomUUID(),
        ...extra,
      }),
    );
  }

  const adjust = (body: Record<string, unknown>, token = tokens.secretaryA) =>
    api.post('/api/v1/points/adjustments', body, token);

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
    tokens.admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    tokens.adminA = (await createLoggedInUser(api, { role: 'admin', ...at('社区A') })).token;
    tokens.secretaryA = (await createLoggedInUser(api, { role: 'secretary', ...at('社区A') })).token;
    tokens.secretaryB = (await createLoggedInUser(api, { role: 'secretary', ...at('社区B') })).token;
    tokens.clerkA = (await createLoggedInUser(api, { role: 'store_clerk', ...at('社区A') })).token;
  });
  afterAll(() => api.close());

  describe('account views', () => {
    it('shows an owner exactly their balance, pending points and every upcoming expiry batch', async () => {
      const wang = await person();
      await credit(wang, 10, { expiresAt: new Date('2027-03-01T16:00:00Z') });
      await credit(wang, 5, { expiresAt: new Date('2027-03-01T16:00:00Z') });
      await credit(wang, 7, { expiresAt: new Date('2027-06-01T16:00:00Z') });
      await credit(wang, 3);
      await credit(wang, 20, { pending: { confirmKey: 'test.wish.confirmed/wishId=1' } });
      await credit(wang, 4, { kind: 'assessment' });

      const own = await api.get(`/api/v1/points/accounts/person/${wang.id}`, wang.token);
      const empty = await api.get(`/api/v1/points/accounts/person/${(await person()).id}`, tokens.secretaryA);

      expect(own.status).toBe(200);
      expect(own.body).toEqual({
        redeemable: {
          balance: 25,
          pending: 20,
          expiring: [
            { amount: 15, expiresAt: '2027-03-01T16:00:00.000Z' },
            { amount: 7, expiresAt: '2027-06-01T16:00:00.000Z' },
          ],
        },
        assessment: { balance: 4 },
      });
      expect(empty.body).toEqual({ redeemable: { balance: 0, pending: 0, expiring: [] }, assessment: { balance: 0 } });
    });

    it("answers 404 for points outside the caller's scope, exactly as for an unknown owner", async () => {
      const wang = await person('楼栋A1-1');
      const li = await person('楼栋B1-1');
      const branchA = await createPartyOrganization({
        kind: 'branch',
        name: '小区A1党支部',
        unitId: unit('小区A1').id,
      });
      const branchB = await createPartyOrganization({
        kind: 'branch',
        name: '小区B1党支部',
        unitId: unit('小区B1').id,
      });
      const noRole = (await createLoggedInUser(api)).token;

      expect((await api.get(`/api/v1/points/accounts/person/${wang.id}`, tokens.secretaryA)).status).toBe(200);
      expect((await api.get(`/api/v1/points/accounts/person/${wang.id}`, tokens.clerkA)).status).toBe(200);
      expect((await api.get(`/api/v1/points/accounts/organization/${branchA.id}`, tokens.secretaryA)).status).toBe(200);
      expectProblem(await api.get(`/api/v1/points/accounts/person/${wang.id}`, li.token), 404, 'resource.not-found');
      expectProblem(
        await api.get(`/api/v1/points/accounts/person/${wang.id}`, tokens.secretaryB),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/points/accounts/person/${wang.id}/entries`, tokens.secretaryB),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/points/accounts/person/${wang.id}/outcomes`, noRole),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/points/accounts/organization/${branchB.id}`, tokens.secretaryA),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/points/accounts/person/${randomUUID()}`, tokens.admin),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/points/accounts/organization/${wang.id}`, tokens.admin),
        404,
        'resource.not-found',
      );
      expectProblem(await api.get(`/api/v1/points/accounts/robot/${wang.id}`, tokens.admin), 400, 'validation.failed');
    });

    it("lists an owner's entries newest first with their reasons, page by page", async () => {
      const wang = await person();
      await credit(wang, 5, { reason: '参加活动「读书会」获得积分' });
      await credit(wang, 6, { reason: '参加活动「邻里节」获得积分' });
      await credit(wang, 2, { kind: 'assessment', reason: '参加志愿服务获得积分' });

      const first = await api.get(`/api/v1/points/accounts/person/${wang.id}/entries?limit=2`, wang.token);
      const second = await api.get(
        `/api/v1/points/accounts/person/${wang.id}/entries?limit=2&cursor=${first.body.nextCursor}`,
        wang.token,
      );
      const redeemableOnly = await api.get(
        `/api/v1/points/accounts/person/${wang.id}/entries?accountKind=redeemable`,
        tokens.secretaryA,
      );

      expect(
        first.body.items.map((e: { accountKind: string; amount: number; reason: string }) => [
          e.accountKind,
          e.amount,
          e.reason,
        ]),
      ).toEqual([
        ['assessment', 2, '参加志愿服务获得积分'],
        ['redeemable', 6, '参加活动「邻里节」获得积分'],
      ]);
      expect(second.body).toMatchObject({
        items: [
          {
            accountKind: 'redeemable',
            kind: 'credit',
            amount: 5,
            balanceAfter: 5,
            reason: '参加活动「读书会」获得积分',
          },
        ],
        nextCursor: null,
      });
      expect(redeemableOnly.body.items.map((e: { amount: number }) => e.amount)).toEqual([6, 5]);
    });
  });

  describe('manual adjustments', () => {
    it('awards and deducts by hand within scope, audited, and tells the awarded person', async () => {
      const wang = await person();

      const award = await adjust({
        ownerType: 'person',
        ownerId: wang.id,
        accountKind: 'redeemable',
        amount: 10,
        reason: '协助疫苗接种点维持秩序',
      });
      const deduction = await adjust({
        ownerType: 'person',
        ownerId: wang.id,
        accountKind: 'redeemable',
        amount: -4,
        reason: '违反积分兑换规定',
      });

      expect(award.status).toBe(201);
      expect(award.body).toMatchObject({
        ownerType: 'person',
        ownerId: wang.id,
        accountKind: 'redeemable',
        amount: 10,
        balanceAfter: 10,
        reason: '协助疫苗接种点维持秩序',
        replayed: false,
      });
      expect(deduction.body).toMatchObject({ amount: -4, balanceAfter: 6 });
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'points.adjusted' AND data->>'ownerId' = $1 AND unit_path = $2`,
          [wang.id, unit('楼栋A1-1').path],
        ),
      ).toBe(2);
      const queued = await requestedNotifications();
      expect(
        queued.filter((job) => job.recipient.personId === wang.id).map((job) => [job.templateKey, job.data]),
      ).toEqual([['points.earned', { points: 10, reason: '协助疫苗接种点维持秩序' }]]);
    });

    it('refuses a deduction that would overdraw the account and writes nothing', async () => {
      const wang = await person();
      await credit(wang, 3);

      expectProblem(
        await adjust({ ownerType: 'person', ownerId: wang.id, accountKind: 'redeemable', amount: -5, reason: '扣减' }),
        409,
        'points.insufficient',
      );
      expectProblem(
        await adjust({ ownerType: 'person', ownerId: wang.id, accountKind: 'assessment', amount: -1, reason: '扣减' }),
        409,
        'points.insufficient',
      );
      expect(await pointAccount(wang)).toMatchObject({ balance: 3 });
      expect(await pointEntries(wang)).toHaveLength(1);
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'points.adjusted' AND data->>'ownerId' = $1`, [
          wang.id,
        ]),
      ).toBe(0);
    });

    it('answers a repeated idempotency key with the first result, and refuses the key for another adjustment', async () => {
      const wang = await person();
      const body = {
        ownerType: 'person',
        ownerId: wang.id,
        accountKind: 'redeemable',
        amount: 8,
        reason: '优秀志愿者奖励',
        idempotencyKey: 'award-2026-11-22',
      };

      const first = await adjust(body);
      const again = await adjust(body);

      expect(again.body).toEqual({ ...first.body, replayed: true });
      expectProblem(await adjust({ ...body, amount: 9 }), 409, 'points.idempotency-conflict');
      expectProblem(await adjust({ ...body, amount: -8 }), 409, 'points.idempotency-conflict');
      expect((await pointEntries(wang)).map((e) => e.amount)).toEqual([8]);
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'points.adjusted' AND data->>'ownerId' = $1`, [
          wang.id,
        ]),
      ).toBe(1);
    });

    it('lets exactly 10 of 20 concurrent deductions of 1 through against a balance of 10', async () => {
      const wang = await person();
      await credit(wang, 10);

      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          adjust({ ownerType: 'person', ownerId: wang.id, accountKind: 'redeemable', amount: -1, reason: '兑换' }),
        ),
      );

      expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
      for (const refused of responses.filter((r) => r.status !== 201))
        expectProblem(refused, 409, 'points.insufficient');
      expect(await pointAccount(wang)).toMatchObject({ balance: 0 });
      expect((await pointsConsistency(api.app)).clean).toBe(true);
    });

    it('adjusts many owners at once, all or nothing', async () => {
      const wang = await person();
      const zhang = await person();
      const li = await person('楼栋B1-1');
      const branchA = await createPartyOrganization({
        kind: 'branch',
        name: '小区A1第二党支部',
        unitId: unit('小区A1').id,
      });
      await credit(wang, 10);
      await credit(zhang, 2);
      const owners = [
        { ownerType: 'person', ownerId: wang.id },
        { ownerType: 'person', ownerId: zhang.id },
      ];

      const overdrawn = await api.post(
        '/api/v1/points/adjustments/bulk',
        { owners, accountKind: 'redeemable', amount: -5, reason: '集体扣减' },
        tokens.secretaryA,
      );
      expectProblem(overdrawn, 409, 'points.insufficient');
      expect(overdrawn.body).toMatchObject({ ownerType: 'person', ownerId: zhang.id, balance: 2, requested: 5 });
      expectProblem(
        await api.post(
          '/api/v1/points/adjustments/bulk',
          {
            owners: [...owners, { ownerType: 'person', ownerId: li.id }],
            accountKind: 'redeemable',
            amount: 5,
            reason: '集体奖励',
          },
          tokens.secretaryA,
        ),
        404,
        'resource.not-found',
      );
      expect((await pointEntries(wang)).map((e) => e.amount)).toEqual([10]);
      expect((await pointEntries(zhang)).map((e) => e.amount)).toEqual([2]);
      expect(await pointAccount(li)).toBeNull();

      const awarded = await api.post(
        '/api/v1/points/adjustments/bulk',
        {
          owners: [...owners, { ownerType: 'organization', ownerId: branchA.id }],
          accountKind: 'assessment',
          amount: 3,
          reason: '参加主题党日活动',
        },
        tokens.secretaryA,
      );
      expect(awarded.status).toBe(201);
      expect(awarded.body.count).toBe(3);
      expect(
        awarded.body.items.map((i: { ownerId: string; balanceAfter: number }) => [i.ownerId, i.balanceAfter]),
      ).toEqual([
        [wang.id, 3],
        [zhang.id, 3],
        [branchA.id, 3],
      ]);
      expect(
        await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'points.adjusted' AND data ? 'bulkId'`),
      ).toBe(3);
    });

    it('refuses bad input as problem+json naming the fields, and writes nothing', async () => {
      const wang = await person();
      const valid = { ownerType: 'person', ownerId: wang.id, accountKind: 'redeemable', amount: 5, reason: '奖励' };
      const cases: [Record<string, unknown>, string][] = [
        [{ ...valid, amount: 0 }, 'amount'],
        [{ ...valid, amount: 1.5 }, 'amount'],
        [{ ...valid, reason: '   ' }, 'reason'],
        [{ ...valid, ownerType: 'robot' }, 'ownerType'],
        [{ ...valid, ownerId: 'not-a-uuid' }, 'ownerId'],
        [{ ...valid, accountKind: 'gold' }, 'accountKind'],
        [{ ...valid, bonus: true }, 'bonus'],
      ];
      for (const [body, field] of cases) {
        const response = await adjust(body);
        expectProblem(response, 400, 'validation.failed');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      const bulk = await api.post(
        '/api/v1/points/adjustments/bulk',
        {
          owners: [
            { ownerType: 'person', ownerId: wang.id },
            { ownerType: 'person', ownerId: wang.id },
          ],
          accountKind: 'redeemable',
          amount: 1,
          reason: '重复',
        },
        tokens.secretaryA,
      );
      expectProblem(bulk, 400, 'validation.failed');
      expectProblem(await adjust({ ...valid, ownerId: randomUUID() }), 404, 'resource.not-found');
      expectProblem(await adjust(valid, tokens.clerkA), 403, 'auth.forbidden');
      expect(await pointAccount(wang)).toBeNull();
    });
  });

  describe('rules', () => {
    const rule = (overrides: Record<string, unknown> = {}) => ({
      code: `rule-${randomUUID().slice(0, 8)}`,
      name: '参加活动',
      eventType: 'test.http.attended',
      accountKind: 'redeemable',
      points: 5,
      per: 'occurrence',
      ...overrides,
    });

    it('creates deployment-wide rules for deployment-wide administrators and unit rules within scope', async () => {
      const global = await api.post(
        '/api/v1/points/rules',
        rule({
          code: 'http-global',
          caps: { day: 10 },
          validityMonths: 24,
          actorRoles: ['volunteer'],
          filters: { kind: 'party_day' },
        }),
        tokens.admin,
      );
      const local = await api.post(
        '/api/v1/points/rules',
        rule({ code: 'http-community-a', unitId: unit('社区A').id, points: 8 }),
        tokens.adminA,
      );

      expect(global.status).toBe(201);
      expect(global.body).toMatchObject({
        code: 'http-global',
        version: 1,
        caps: { day: 10 },
        validityMonths: 24,
        actorRoles: ['volunteer'],
        filters: { kind: 'party_day' },
        unitId: null,
        creditOrganization: false,
      });
      expect(local.status).toBe(201);
      expectProblem(
        await api.post('/api/v1/points/rules', rule({ code: 'http-global' }), tokens.admin),
        409,
        'points.rule-code-taken',
      );
      expectProblem(await api.post('/api/v1/points/rules', rule(), tokens.adminA), 403, 'points.rule-scope-forbidden');
      expectProblem(
        await api.post('/api/v1/points/rules', rule({ unitId: unit('社区B').id }), tokens.adminA),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.request('PATCH', `/api/v1/points/rules/${global.body.id}`, {
          token: tokens.adminA,
          body: { points: 1 },
        }),
        403,
        'points.rule-scope-forbidden',
      );
      expectProblem(
        await api.request('PATCH', `/api/v1/points/rules/${randomUUID()}`, {
          token: tokens.admin,
          body: { points: 1 },
        }),
        404,
        'resource.not-found',
      );

      const seenByB = await api.get('/api/v1/points/rules?eventType=test.http.attended', tokens.secretaryB);
      const seenByA = await api.get('/api/v1/points/rules?eventType=test.http.attended', tokens.secretaryA);
      expect(seenByB.body.items.map((r: { code: string }) => r.code)).toEqual(['http-global']);
      expect(seenByA.body.items.map((r: { code: string }) => r.code)).toEqual(['http-community-a', 'http-global']);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'points.rule-created'`)).toBe(2);
    });

    it('refuses incoherent rules, naming the field, and writes nothing', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [rule({ accountKind: 'assessment', validityMonths: 12 }), 'validityMonths'],
        [rule({ activeFrom: '2027-01-01T00:00:00Z', activeTo: '2026-01-01T00:00:00Z' }), 'activeTo'],
        [rule({ pendingUntil: 'test.wish.confirmed' }), 'pendingKey'],
        [rule({ pendingRejectedBy: 'test.wish.rejected' }), 'pendingRejectedBy'],
        [rule({ eventType: 'Not An Event' }), 'eventType'],
        [rule({ per: 'hour' }), 'per'],
        [rule({ points: 0 }), 'points'],
        [rule({ caps: { day: -1 } }), 'caps.day'],
        [rule({ filters: { nested: { a: 1 } } }), 'filters'],
      ];
      for (const [body, field] of cases) {
        const response = await api.post('/api/v1/points/rules', body, tokens.admin);
        expectProblem(response, 400, 'validation.failed');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
      expect(await count(`SELECT count(*) AS n FROM point_rules WHERE code LIKE 'rule-%'`)).toBe(0);
    });
  });
});
