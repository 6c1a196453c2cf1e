import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  bootScheduler,
  createPeople,
  createPointRule,
  createUnitTree,
  deliverToPoints,
  pointsConsistency,
  pointsEvent,
  resetState,
  ScenarioUnit,
  smallDistrict,
  withTestDb,
} from '@linli/testing';
import { DataSource } from 'typeorm';
import { PointsOwner } from '../ledger/points-owner';
import { CapRepeatableDefaultRules1795360200000 } from '../migrations/1795360200000-CapRepeatableDefaultRules';

async function outcomesOf(owner: PointsOwner, kind: 'redeemable' | 'assessment'): Promise<[string, number][]> {
  return withTestDb(async (client) =>
    (
      await client.query(
        `SELECT o.outcome, o.points FROM point_rule_outcomes o JOIN point_accounts a ON a.id = o.account_id
          WHERE a.owner_type = $1 AND a.owner_id = $2 AND a.kind = $3 ORDER BY o.seq`,
        [owner.type, owner.id, kind],
      )
    ).rows.map((r): [string, number] => [r.outcome, Number(r.points)]),
  );
}

async function currentVersions(): Promise<Record<string, { version: number; caps: Record<string, number> }>> {
  return withTestDb(async (client) => {
    const { rows } = await client.query(
      `SELECT r.code, r.current_version, v.caps FROM point_rules r JOIN point_rule_versions v ON v.rule_id = r.id AND v.version = r.current_version ORDER BY r.code`,
    );
    return Object.fromEntries(rows.map((r) => [r.code, { version: r.current_version, caps: r.caps }]));
  });
}

describe('daily caps of the repeatable default rules', () => {
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  const migrate = async () => {
    const runner = scheduler.get(DataSource).createQueryRunner();
    try {
      await new CapRepeatableDefaultRules1795360200000().up(runner);
    } finally {
      await runner.release();
    }
  };

  beforeAll(async () => {
    await resetState();
    scheduler = await bootScheduler();
    units = await createUnitTree(smallDistrict());
    // The default rules as seeded before the caps: the assessment twin and micro-wishes without any.
    await createPointRule({
      code: 'activity-attended',
      eventType: 'volunteers.activity.attended',
      points: 5,
      caps: { day: 20 },
    });
    await createPointRule({
      code: 'activity-attended-assessment',
      eventType: 'volunteers.activity.attended',
      accountKind: 'assessment',
      points: 1,
      creditOrganization: true,
    });
    await createPointRule({
      code: 'micro-wish-fulfilled',
      name: '完成微心愿',
      eventType: 'volunteers.wish.fulfilled',
      actorRoles: ['claimant'],
      points: 20,
      pendingUntil: 'volunteers.wish.confirmed',
      pendingRejectedBy: 'volunteers.wish.rejected',
      pendingKey: 'wishId',
    });
    await createPointRule({
      code: 'hazard-reported-assessment',
      eventType: 'cases.hazard.reported',
      accountKind: 'assessment',
      points: 1,
      caps: { month: 50 },
    });
  });
  afterAll(() => scheduler.close());

  it("writes each uncapped default rule's next version with its daily cap, once, and leaves capped ones alone", async () => {
    await migrate();
    await migrate();

    expect(await currentVersions()).toEqual({
      'activity-attended': { version: 1, caps: { day: 20 } },
      'activity-attended-assessment': { version: 2, caps: { day: 4 } },
      // A cap the rule already had is kept.
      'hazard-reported-assessment': { version: 2, caps: { day: 3, month: 50 } },
      'micro-wish-fulfilled': { version: 2, caps: { day: 60 } },
    });
  });

  it('earns nothing for the fifth activity of a day, with a capped outcome on both accounts', async () => {
    const [person] = await createPeople([{ name: '常参加', residence: unit('楼栋A1-1') }]);
    const owner: PointsOwner = { type: 'person', id: person.id };
    for (let i = 0; i < 5; i += 1) {
      await deliverToPoints(
        scheduler,
        pointsEvent('volunteers.activity.attended', {
          occurredAt: `2026-11-22T0${i + 1}:00:00.000Z`,
          unitId: unit('小区A1').id,
          actors: [{ personId: person.id, role: 'attendee' }],
          data: { title: `活动${i + 1}` },
        }),
      );
    }

    expect(await outcomesOf(owner, 'redeemable')).toEqual([
      ['credited', 5],
      ['credited', 5],
      ['credited', 5],
      ['credited', 5],
      ['capped', 0],
    ]);
    expect(await outcomesOf(owner, 'assessment')).toEqual([
      ['credited', 1],
      ['credited', 1],
      ['credited', 1],
      ['credited', 1],
      ['capped', 0],
    ]);
    // The next business day earns again.
    await deliverToPoints(
      scheduler,
      pointsEvent('volunteers.activity.attended', {
        occurredAt: '2026-11-22T16:30:00.000Z',
        unitId: unit('小区A1').id,
        actors: [{ personId: person.id, role: 'attendee' }],
        data: { title: '活动6' },
      }),
    );
    expect((await outcomesOf(owner, 'assessment')).at(-1)).toEqual(['credited', 1]);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('counts pending micro-wish points against the cap: the fourth fulfilment of a day earns nothing', async () => {
    const [claimant] = await createPeople([{ name: '勤快人', residence: unit('楼栋A1-1') }]);
    const owner: PointsOwner = { type: 'person', id: claimant.id };
    for (let i = 0; i < 4; i += 1) {
      await deliverToPoints(
        scheduler,
        pointsEvent('volunteers.wish.fulfilled', {
          occurredAt: `2026-11-23T0${i + 1}:00:00.000Z`,
          unitId: unit('小区A1').id,
          actors: [{ personId: claimant.id, role: 'claimant' }],
          data: { wishId: `00000000-0000-4000-8000-00000000000${i}`, title: `心愿${i + 1}` },
        }),
      );
    }

    expect(await outcomesOf(owner, 'redeemable')).toEqual([
      ['pending', 20],
      ['pending', 20],
      ['pending', 20],
      ['capped', 0],
    ]);
  });
});
