import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  analyticsFixtures,
  bootApi,
  bootScheduler,
  createLoggedInUser,
  createMember,
  createPartyOrganization,
  createPeople,
  createPointRule,
  createUnitTree,
  deliverToPoints,
  pointAccount,
  pointEntries,
  pointsConsistency,
  pointsEvent,
  requestedNotifications,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { DataSource } from 'typeorm';
import { PointsOwner } from '../ledger/points-owner';
import { DEFAULT_POINT_RULES } from './default-point-rules';
import { PointsRulesSubscriber } from './points-rules.subscriber';
import { seedDefaultPointRules } from './seed-default-point-rules';

describe('points rules applied to domain events', () => {
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  let serial = 0;

  async function resident(name = '居民'): Promise<PointsOwner> {
    serial += 1;
    const [person] = await createPeople([{ name: `${name}${serial}`, residence: unit('楼栋A1-1') }]);
    return { type: 'person', id: person.id };
  }

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    scheduler = await bootScheduler();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
  });
  afterAll(async () => {
    await Promise.all([api.close(), scheduler.close()]);
  });

  it("applies the same event delivered three times once, with a readable reason and the rule's version", async () => {
    const rule = await createPointRule({
      code: 'cleanup-attended',
      eventType: 'test.cleanup.attended',
      name: '参加活动',
      points: 5,
    });
    const volunteer = await resident('王芳');
    const event = pointsEvent('test.cleanup.attended', {
      unitId: unit('小区A1').id,
      actors: [{ personId: volunteer.id, role: 'volunteer' }],
      data: { title: '社区清洁日' },
    });

    const deliveries = await Promise.all([
      deliverToPoints(scheduler, event),
      deliverToPoints(scheduler, event),
      deliverToPoints(scheduler, event),
    ]);
    // Even past the kernel's processed marker (e.g. cleaned up before a replay), the ledger's keys hold.
    const transactions = scheduler.get(TransactionRunner);
    await transactions.run((manager) => scheduler.get(PointsRulesSubscriber).handle(event, manager));

    expect(deliveries.sort()).toEqual(['applied', 'duplicate', 'duplicate']);
    expect(await pointEntries(volunteer)).toEqual([
      expect.objectContaining({
        kind: 'credit',
        amount: 5,
        balanceAfter: 5,
        reason: '参加活动「社区清洁日」获得积分',
        ruleId: rule.id,
        ruleVersion: 1,
        sourceEventId: event.id,
      }),
    ]);
    expect(await pointAccount(volunteer)).toMatchObject({ balance: 5, pending: 0 });
  });

  it('does nothing for an event type no rule names', async () => {
    const someone = await resident();
    expect(
      await deliverToPoints(
        scheduler,
        pointsEvent('test.unknown.happened', { actors: [{ personId: someone.id, role: 'volunteer' }] }),
      ),
    ).toBe('applied');
    expect(await pointAccount(someone)).toBeNull();
    expect(
      await withTestDb(
        async (client) =>
          (
            await client.query(
              `SELECT count(*)::int AS n FROM point_rule_outcomes WHERE event_type = 'test.unknown.happened'`,
            )
          ).rows[0].n,
      ),
    ).toBe(0);
  });

  it('caps a rule per owner per business day (Asia/Shanghai) and shows the owner the capped event', async () => {
    await createPointRule({
      code: 'hazard-reported-capped',
      eventType: 'test.hazard.reported',
      name: '上报安全隐患',
      points: 4,
      caps: { day: 10 },
    });
    const reporter = await resident('李强');
    const account = await createLoggedInUser(api, { personId: reporter.id });
    // 23:00 to 23:50 on 22 November in Beijing, then 00:10 on the 23rd (still the 22nd in UTC).
    const instants = [
      '2026-11-22T15:00:00Z',
      '2026-11-22T15:20:00Z',
      '2026-11-22T15:40:00Z',
      '2026-11-22T15:50:00Z',
      '2026-11-22T16:10:00Z',
    ];
    for (const occurredAt of instants) {
      await deliverToPoints(
        scheduler,
        pointsEvent('test.hazard.reported', { occurredAt, actors: [{ personId: reporter.id, role: 'reporter' }] }),
      );
    }

    expect((await pointEntries(reporter)).map((e) => e.amount)).toEqual([4, 4, 2, 4]);
    const outcomes = await api.get(`/api/v1/points/accounts/person/${reporter.id}/outcomes`, account.token);
    expect(outcomes.status).toBe(200);
    expect(
      outcomes.body.items.map((o: { outcome: string; points: number; requested: number }) => [
        o.outcome,
        o.points,
        o.requested,
      ]),
    ).toEqual([
      ['credited', 4, 4],
      ['capped', 0, 4],
      ['credited', 2, 4],
      ['credited', 4, 4],
      ['credited', 4, 4],
    ]);
    expect(outcomes.body.items[1]).toMatchObject({
      displayOutcome: '已达上限',
      ruleCode: 'hazard-reported-capped',
      ruleName: '上报安全隐患',
      accountKind: 'redeemable',
    });
  });

  it('keeps entries computed with an older version of a changed rule as they were', async () => {
    const created = await api.post(
      '/api/v1/points/rules',
      {
        code: 'meeting-attended-v',
        name: '参加议事会议',
        eventType: 'test.meeting.attended',
        accountKind: 'redeemable',
        points: 5,
        per: 'occurrence',
      },
      admin,
    );
    expect(created.status).toBe(201);
    const member = await resident();
    await deliverToPoints(
      scheduler,
      pointsEvent('test.meeting.attended', { actors: [{ personId: member.id, role: 'member' }] }),
    );

    const changed = await api.request('PATCH', `/api/v1/points/rules/${created.body.id}`, {
      token: admin,
      body: { points: 8, name: '参加议事协商会议' },
    });
    await deliverToPoints(
      scheduler,
      pointsEvent('test.meeting.attended', { actors: [{ personId: member.id, role: 'member' }] }),
    );

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: created.body.id,
      code: 'meeting-attended-v',
      version: 2,
      points: 8,
      name: '参加议事协商会议',
      eventType: 'test.meeting.attended',
    });
    expect((await pointEntries(member)).map((e) => [e.amount, e.ruleVersion, e.reason])).toEqual([
      [5, 1, '参加议事会议获得积分'],
      [8, 2, '参加议事协商会议获得积分'],
    ]);
    const versions = await withTestDb((client) =>
      client.query('SELECT version, points FROM point_rule_versions WHERE rule_id = $1 ORDER BY version', [
        created.body.id,
      ]),
    );
    expect(versions.rows).toEqual([
      { version: 1, points: 5 },
      { version: 2, points: 8 },
    ]);
  });

  it("keeps a micro-wish's points pending until the requester confirms, and drops them when the fulfilment is rejected", async () => {
    await createPointRule({
      code: 'wish-fulfilled-pending',
      eventType: 'test.wish.fulfilled',
      name: '完成微心愿',
      points: 20,
      actorRoles: ['claimant'],
      pendingUntil: 'test.wish.confirmed',
      pendingRejectedBy: 'test.wish.rejected',
      pendingKey: 'wishId',
    });
    const claimant = await resident('赵敏');
    const requester = await resident('孙婆婆');
    const actors = [
      { personId: claimant.id, role: 'claimant' },
      { personId: requester.id, role: 'requester' },
    ];

    await deliverToPoints(
      scheduler,
      pointsEvent('test.wish.fulfilled', { actors, data: { wishId: 'wish-1', title: '修理水龙头' } }),
    );
    expect(await pointAccount(claimant)).toMatchObject({ balance: 0, pending: 20 });
    expect(await pointAccount(requester)).toBeNull();
    expect(await pointEntries(claimant)).toEqual([]);

    await deliverToPoints(
      scheduler,
      pointsEvent('test.wish.confirmed', {
        actors: [{ personId: requester.id, role: 'requester' }],
        data: { wishId: 'wish-1', rating: 5 },
      }),
    );
    expect(await pointAccount(claimant)).toMatchObject({ balance: 20, pending: 0 });
    expect(await pointEntries(claimant)).toEqual([
      expect.objectContaining({ amount: 20, reason: '完成微心愿「修理水龙头」获得积分', ruleVersion: 1 }),
    ]);

    await deliverToPoints(scheduler, pointsEvent('test.wish.fulfilled', { actors, data: { wishId: 'wish-2' } }));
    expect(await pointAccount(claimant)).toMatchObject({ balance: 20, pending: 20 });
    await deliverToPoints(
      scheduler,
      pointsEvent('test.wish.rejected', { data: { wishId: 'wish-2', reason: '问题没有解决' } }),
    );
    expect(await pointAccount(claimant)).toMatchObject({ balance: 20, pending: 0 });
    expect((await pointEntries(claimant)).map((e) => e.amount)).toEqual([20]);

    const outcomes = await withTestDb((client) =>
      client.query(
        `SELECT o.outcome, o.points FROM point_rule_outcomes o JOIN point_accounts a ON a.id = o.account_id WHERE a.owner_id = $1 ORDER BY o.seq`,
        [claimant.id],
      ),
    );
    expect(outcomes.rows.map((r) => [r.outcome, Number(r.points)])).toEqual([
      ['credited', 20],
      ['rejected', 20],
    ]);
    const queued = await requestedNotifications();
    const earned = queued
      .filter((job) => job.templateKey === 'points.earned' && job.recipient.personId === claimant.id)
      .map((job) => job.data);
    expect(earned).toEqual([{ points: 20, reason: '完成微心愿「修理水龙头」获得积分' }]);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('resolves pending points whatever order the earning and the resolving events are delivered in', async () => {
    await createPointRule({
      code: 'wish-fulfilled-reordered',
      eventType: 'test.order-wish.fulfilled',
      name: '完成微心愿',
      points: 10,
      pendingUntil: 'test.order-wish.confirmed',
      pendingRejectedBy: 'test.order-wish.rejected',
      pendingKey: 'wishId',
    });
    const claimant = await resident();
    const actors = [{ personId: claimant.id, role: 'claimant' }];
    const at = (minute: number) => `2026-11-22T02:${String(minute).padStart(2, '0')}:00.000Z`;

    // A confirmation delivered before the fulfilment it confirms: the points arrive available.
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.confirmed', { occurredAt: at(10), data: { wishId: 'early' } }),
    );
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.fulfilled', { occurredAt: at(5), actors, data: { wishId: 'early' } }),
    );
    expect(await pointAccount(claimant)).toMatchObject({ balance: 10, pending: 0 });

    // Fulfilled, rejected, fulfilled again, confirmed; the old rejection, delivered again late, voids nothing new.
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.fulfilled', { occurredAt: at(20), actors, data: { wishId: 'twice' } }),
    );
    const rejection = pointsEvent('test.order-wish.rejected', { occurredAt: at(25), data: { wishId: 'twice' } });
    await deliverToPoints(scheduler, rejection);
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.fulfilled', { occurredAt: at(30), actors, data: { wishId: 'twice' } }),
    );
    expect(await pointAccount(claimant)).toMatchObject({ balance: 10, pending: 10 });
    await deliverToPoints(scheduler, { ...rejection, id: randomUUID() });
    expect(await pointAccount(claimant)).toMatchObject({ balance: 10, pending: 10 });
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.confirmed', { occurredAt: at(40), data: { wishId: 'twice' } }),
    );

    // A rejection delivered before its fulfilment: nothing is credited, the owner sees why.
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.rejected', { occurredAt: at(55), data: { wishId: 'late' } }),
    );
    await deliverToPoints(
      scheduler,
      pointsEvent('test.order-wish.fulfilled', { occurredAt: at(50), actors, data: { wishId: 'late' } }),
    );

    expect(await pointAccount(claimant)).toMatchObject({ balance: 20, pending: 0 });
    const outcomes = await withTestDb((client) =>
      client.query(
        `SELECT o.outcome FROM point_rule_outcomes o JOIN point_accounts a ON a.id = o.account_id WHERE a.owner_id = $1 ORDER BY o.occurred_at`,
        [claimant.id],
      ),
    );
    expect(outcomes.rows.map((r) => r.outcome)).toEqual(['credited', 'rejected', 'credited', 'rejected']);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('never leaves points pending when a fulfilment and its confirmation are applied at the same moment', async () => {
    await createPointRule({
      code: 'wish-fulfilled-raced',
      eventType: 'test.race-wish.fulfilled',
      name: '完成微心愿',
      points: 3,
      pendingUntil: 'test.race-wish.confirmed',
      pendingKey: 'wishId',
    });
    const claimant = await resident();

    await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        deliverToPoints(
          scheduler,
          pointsEvent('test.race-wish.fulfilled', {
            occurredAt: '2026-11-22T03:00:00.000Z',
            actors: [{ personId: claimant.id, role: 'claimant' }],
            data: { wishId: `w${i}` },
          }),
        ),
        deliverToPoints(
          scheduler,
          pointsEvent('test.race-wish.confirmed', {
            occurredAt: '2026-11-22T03:05:00.000Z',
            data: { wishId: `w${i}` },
          }),
        ),
      ]).flat(),
    );

    expect(await pointAccount(claimant)).toMatchObject({ balance: 30, pending: 0 });
  });

  it("credits double points to the member's organization and a dual-registered member's workplace organization, each with its own reason", async () => {
    await createPointRule({
      code: 'service-assessment',
      eventType: 'test.service.verified',
      name: '参加志愿服务',
      accountKind: 'assessment',
      points: 2,
      creditOrganization: true,
    });
    const branch = await createPartyOrganization({ kind: 'branch', name: '小区A1党支部', unitId: unit('小区A1').id });
    const agencyBranch = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局机关党支部',
      unitId: unit('示范区').id,
    });
    const [resident1, inService] = await createPeople([
      { name: '张伟', residence: unit('楼栋A1-1') },
      { name: '陈静', residence: unit('楼栋A1-1') },
    ]);
    await createMember({ personId: resident1.id, organizationId: branch.id });
    const inServiceMember = await createMember({
      personId: inService.id,
      organizationId: agencyBranch.id,
      category: 'in_service',
    });
    const workplace = await createPartyOrganization({
      kind: 'branch',
      name: '区税务局第二党支部',
      unitId: unit('示范区').id,
    });
    const institution = await analyticsFixtures.institution({
      kind: 'agency',
      name: '区税务局',
      unit: unit('示范区'),
      partyOrganizationId: workplace.id,
    });
    await withTestDb((client) =>
      client.query(
        `INSERT INTO dual_registrations (kind, community_unit_id, community_path, member_id, institution_id, period_start) VALUES ('member', $1, $2, $3, $4, '2026-01-01')`,
        [unit('社区A').id, unit('社区A').path, inServiceMember.id, institution],
      ),
    );
    const outsider = await resident('非党员');

    await deliverToPoints(
      scheduler,
      pointsEvent('test.service.verified', {
        actors: [
          { personId: resident1.id, role: 'volunteer' },
          { personId: inService.id, role: 'volunteer' },
          { personId: outsider.id, role: 'volunteer' },
        ],
        data: { title: '敬老院陪护' },
      }),
    );

    const organization = (id: string): PointsOwner => ({ type: 'organization', id });
    expect((await pointEntries(organization(branch.id), 'assessment')).map((e) => [e.amount, e.reason])).toEqual([
      [2, '参加志愿服务「敬老院陪护」获得积分（党员张伟）'],
    ]);
    expect((await pointEntries(organization(agencyBranch.id), 'assessment')).map((e) => [e.amount, e.reason])).toEqual([
      [2, '参加志愿服务「敬老院陪护」获得积分（党员陈静）'],
    ]);
    expect((await pointEntries(organization(workplace.id), 'assessment')).map((e) => [e.amount, e.reason])).toEqual([
      [2, '参加志愿服务「敬老院陪护」获得积分（党员陈静）'],
    ]);
    for (const person of [resident1, inService, outsider]) {
      expect(
        (await pointEntries({ type: 'person', id: person.id }, 'assessment')).map((e) => [e.amount, e.reason]),
      ).toEqual([[2, '参加志愿服务「敬老院陪护」获得积分']]);
    }
  });

  it("lets a community's own rule replace the city's for events in that community", async () => {
    await createPointRule({ code: 'drill-city', eventType: 'test.drill.attended', name: '参加应急演练', points: 5 });
    await createPointRule({
      code: 'drill-community-a',
      eventType: 'test.drill.attended',
      name: '参加社区应急演练',
      points: 9,
      unitId: unit('社区A').id,
    });
    const person = await resident();

    await deliverToPoints(
      scheduler,
      pointsEvent('test.drill.attended', {
        unitId: unit('楼栋A1-1').id,
        actors: [{ personId: person.id, role: 'volunteer' }],
      }),
    );
    await deliverToPoints(
      scheduler,
      pointsEvent('test.drill.attended', {
        unitId: unit('社区B').id,
        actors: [{ personId: person.id, role: 'volunteer' }],
      }),
    );
    await deliverToPoints(
      scheduler,
      pointsEvent('test.drill.attended', { actors: [{ personId: person.id, role: 'volunteer' }] }),
    );

    expect((await pointEntries(person)).map((e) => [e.amount, e.reason])).toEqual([
      [9, '参加社区应急演练获得积分'],
      [5, '参加应急演练获得积分'],
      [5, '参加应急演练获得积分'],
    ]);
  });

  it("gives points per unit of quantity, rounded down, for events whose data match the filters, expiring after the rule's validity", async () => {
    await createPointRule({
      code: 'hours-served',
      eventType: 'test.hours.verified',
      name: '志愿服务',
      points: 10,
      per: 'quantity',
      validityMonths: 24,
      filters: { kind: 'service' },
    });
    const volunteer = await resident();

    await deliverToPoints(
      scheduler,
      pointsEvent('test.hours.verified', {
        occurredAt: '2026-11-22T02:00:00.000Z',
        quantity: 2.57,
        actors: [{ personId: volunteer.id, role: 'volunteer' }],
        data: { kind: 'service' },
      }),
    );
    await deliverToPoints(
      scheduler,
      pointsEvent('test.hours.verified', {
        quantity: 3,
        actors: [{ personId: volunteer.id, role: 'volunteer' }],
        data: { kind: 'training' },
      }),
    );

    expect((await pointEntries(volunteer)).map((e) => e.amount)).toEqual([25]);
    const lots = await withTestDb((client) =>
      client.query(
        `SELECT l.expires_at FROM point_lots l JOIN point_accounts a ON a.id = l.account_id WHERE a.owner_id = $1`,
        [volunteer.id],
      ),
    );
    expect(lots.rows).toEqual([{ expires_at: new Date('2028-11-22T02:00:00.000Z') }]);
  });

  it("seeds the demo city's default rules once, by code", async () => {
    const dataSource = api.app.get(DataSource);
    const first = await seedDefaultPointRules(dataSource);
    const second = await seedDefaultPointRules(dataSource);

    expect(first.created).toEqual(DEFAULT_POINT_RULES.map((r) => r.code));
    expect(second).toEqual({ created: [], existing: DEFAULT_POINT_RULES.map((r) => r.code) });
    const volunteer = await resident();
    await deliverToPoints(
      scheduler,
      pointsEvent('volunteers.activity.attended', {
        actors: [{ personId: volunteer.id, role: 'volunteer' }],
        data: { title: '邻里节' },
      }),
    );
    expect((await pointEntries(volunteer)).map((e) => [e.amount, e.reason])).toEqual([
      [5, '参加活动「邻里节」获得积分'],
    ]);
    expect((await pointEntries(volunteer, 'assessment')).map((e) => e.amount)).toEqual([1]);
  });
});
