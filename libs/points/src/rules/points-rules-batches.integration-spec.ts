import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DomainEvent, EventDelivery } from '@linli/platform';
import {
  bootScheduler,
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
  withTestDb,
} from '@linli/testing';
import { PointsOwner } from '../ledger/points-owner';

/** What an owner can see of their points: entries (amount, balance after, reason) and the rules' outcomes, oldest first. */
async function ledgerOf(owner: PointsOwner, kind: 'redeemable' | 'assessment' = 'redeemable') {
  const entries = (await pointEntries(owner, kind)).map((e) => [
    e.amount,
    e.balanceAfter,
    e.reason,
    e.occurredAt.toISOString(),
  ]);
  const outcomes = await withTestDb(async (client) =>
    (
      await client.query(
        `SELECT o.outcome, o.points, o.requested FROM point_rule_outcomes o JOIN point_accounts a ON a.id = o.account_id
          WHERE a.owner_type = $1 AND a.owner_id = $2 AND a.kind = $3 ORDER BY o.seq`,
        [owner.type, owner.id, kind],
      )
    ).rows.map((r) => [r.outcome, Number(r.points), Number(r.requested)]),
  );
  return { entries, outcomes, account: await pointAccount(owner, kind) };
}

describe('points rules applied to batches of events', () => {
  let scheduler: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
  let serial = 0;

  const deliverBatch = (events: DomainEvent[]) => scheduler.get(EventDelivery).deliverBatch('points', events);

  async function resident(): Promise<PointsOwner> {
    serial += 1;
    const [person] = await createPeople([{ name: `居民${serial}`, residence: unit('楼栋A1-1') }]);
    return { type: 'person', id: person.id };
  }

  beforeAll(async () => {
    await resetState();
    scheduler = await bootScheduler();
    units = await createUnitTree(smallDistrict());
  });
  afterAll(() => scheduler.close());

  it('respects caps in a batch exactly as applying its events one by one does, double points included', async () => {
    await createPointRule({
      code: 'batch-hazard',
      eventType: 'test.batch-hazard.reported',
      name: '上报安全隐患',
      points: 4,
      caps: { day: 10 },
    });
    await createPointRule({
      code: 'batch-service',
      eventType: 'test.batch-service.verified',
      name: '志愿服务',
      points: 3,
      per: 'quantity',
      caps: { month: 20 },
      creditOrganization: true,
    });
    const branch = await createPartyOrganization({ kind: 'branch', name: '小区A1党支部', unitId: unit('小区A1').id });
    const [oneByOne, inBatch, other] = [await resident(), await resident(), await resident()];
    await createMember({ personId: oneByOne.id, organizationId: branch.id });
    await createMember({ personId: inBatch.id, organizationId: branch.id });
    // Late on 22 November in Beijing, then just after midnight (still the 22nd in UTC); service hours over the month.
    const script = (personId: string): DomainEvent[] => [
      ...[
        '2026-11-22T15:00:00Z',
        '2026-11-22T15:20:00Z',
        '2026-11-22T15:40:00Z',
        '2026-11-22T15:50:00Z',
        '2026-11-22T16:10:00Z',
      ].map((occurredAt) =>
        pointsEvent('test.batch-hazard.reported', {
          occurredAt: new Date(occurredAt).toISOString(),
          actors: [
            { personId, role: 'reporter' },
            { personId, role: 'reporter' },
          ],
        }),
      ),
      ...[2, 3, 4].map((hours, i) =>
        pointsEvent('test.batch-service.verified', {
          occurredAt: `2026-11-0${i + 1}T02:00:00.000Z`,
          quantity: hours,
          actors: [{ personId, role: 'volunteer' }],
          data: { title: `服务${i}` },
        }),
      ),
      pointsEvent('test.unrelated.happened', { actors: [{ personId, role: 'volunteer' }] }),
    ];

    for (const event of script(oneByOne.id)) await deliverToPoints(scheduler, event);
    const report = await deliverBatch([...script(inBatch.id), ...script(other.id)]);

    expect(report).toMatchObject({ batched: true, applied: 18, duplicate: 0, failed: [] });
    const expected = await ledgerOf(oneByOne);
    expect(expected.entries.map(([amount]) => amount)).toEqual([4, 4, 2, 4, 6, 9, 5]);
    expect(expected.outcomes.map(([outcome]) => outcome)).toEqual([
      'credited',
      'credited',
      'credited',
      'capped',
      'credited',
      'credited',
      'credited',
      'credited',
    ]);
    expect(await ledgerOf(inBatch)).toEqual({
      ...expected,
      account: expect.objectContaining({ balance: 34, pending: 0 }),
    });
    expect((await ledgerOf(other)).entries).toEqual(expected.entries);
    // Both members' services count for the branch, against the branch's own monthly cap of 20.
    const organization = await ledgerOf({ type: 'organization', id: branch.id });
    expect(organization.entries.map(([amount]) => amount)).toEqual([6, 9, 5]);
    expect(organization.outcomes.map(([outcome, points]) => [outcome, points])).toEqual([
      ['credited', 6],
      ['credited', 9],
      ['credited', 5],
      ['capped', 0],
      ['capped', 0],
      ['capped', 0],
    ]);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('applies pending points and the event that confirms them in one batch, and one that voids them in the next', async () => {
    await createPointRule({
      code: 'batch-wish',
      eventType: 'test.batch-wish.fulfilled',
      name: '完成微心愿',
      points: 20,
      actorRoles: ['claimant'],
      pendingUntil: 'test.batch-wish.confirmed',
      pendingRejectedBy: 'test.batch-wish.rejected',
      pendingKey: 'wishId',
    });
    await createPointRule({
      code: 'batch-drill',
      eventType: 'test.batch-drill.attended',
      name: '参加应急演练',
      points: 5,
    });
    const claimant = await resident();
    const actors = [{ personId: claimant.id, role: 'claimant' }];

    const first = await deliverBatch([
      pointsEvent('test.batch-drill.attended', { actors }),
      pointsEvent('test.batch-wish.fulfilled', {
        occurredAt: '2026-11-22T02:00:00.000Z',
        actors,
        data: { wishId: 'b-1', title: '修理水龙头' },
      }),
      pointsEvent('test.batch-wish.confirmed', { occurredAt: '2026-11-22T03:00:00.000Z', data: { wishId: 'b-1' } }),
      pointsEvent('test.batch-wish.fulfilled', {
        occurredAt: '2026-11-22T02:00:00.000Z',
        actors,
        data: { wishId: 'b-2' },
      }),
    ]);
    expect(first).toMatchObject({ batched: true, applied: 4, failed: [] });
    expect(await pointAccount(claimant)).toMatchObject({ balance: 25, pending: 20 });

    const second = await deliverBatch([
      pointsEvent('test.batch-wish.rejected', { occurredAt: '2026-11-22T04:00:00.000Z', data: { wishId: 'b-2' } }),
      pointsEvent('test.batch-drill.attended', { actors }),
    ]);
    expect(second).toMatchObject({ batched: true, applied: 2 });
    expect(await pointAccount(claimant)).toMatchObject({ balance: 30, pending: 0 });
    expect((await ledgerOf(claimant)).outcomes.map(([outcome]) => outcome).sort()).toEqual([
      'credited',
      'credited',
      'credited',
      'rejected',
    ]);
    const queued = await requestedNotifications();
    const earned = queued
      .filter((job) => job.templateKey === 'points.earned' && job.recipient.personId === claimant.id)
      .map((job) => job.data.points);
    expect(earned.sort()).toEqual([20, 5, 5]);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('applies each event once when the same batch comes twice and overlapping batches arrive at the same moment', async () => {
    await createPointRule({
      code: 'batch-meeting',
      eventType: 'test.batch-meeting.attended',
      name: '参加议事会议',
      points: 5,
      caps: { day: 25 },
    });
    const people = [await resident(), await resident(), await resident()];
    // Eight meetings; each has two of the three people, so overlapping batches contend for the same accounts.
    const events = Array.from({ length: 8 }, (_, i) =>
      pointsEvent('test.batch-meeting.attended', {
        occurredAt: `2026-11-22T0${i}:00:00.000Z`,
        actors: [
          { personId: people[i % 3].id, role: 'member' },
          { personId: people[(i + 1) % 3].id, role: 'member' },
        ],
      }),
    );

    const reports = await Promise.all([
      deliverBatch(events.slice(0, 5)),
      deliverBatch(events.slice(3)),
      deliverBatch(events.slice(0, 5)),
      deliverBatch([...events].reverse()),
    ]);
    const again = await deliverBatch(events);

    expect(reports.reduce((sum, report) => sum + report.applied, 0)).toBe(8);
    // Overlapping batches wait on each other's claims and accounts; none deadlocks into the one-by-one fallback.
    expect(reports.map((report) => [report.batched, report.failed])).toEqual([
      [true, []],
      [true, []],
      [true, []],
      [true, []],
    ]);
    expect(again).toMatchObject({ batched: true, applied: 0, duplicate: 8 });
    // Each person attends 16 / 3 meetings: 5 or 6 credits of 5 points, capped at 25 a day.
    for (const person of people) {
      const { entries, outcomes, account } = await ledgerOf(person);
      const attended = events.filter((event) => event.actors.some((actor) => actor.personId === person.id)).length;
      expect(outcomes).toHaveLength(attended);
      expect(entries.map(([amount]) => amount)).toEqual([5, 5, 5, 5, 5]);
      expect(account).toMatchObject({ balance: 25 });
    }
    const queued = await requestedNotifications();
    const earned = queued.filter(
      (job) => job.templateKey === 'points.earned' && people.some((p) => p.id === job.recipient.personId),
    );
    expect(earned).toHaveLength(15);
    expect((await pointsConsistency(scheduler)).clean).toBe(true);
  });

  it('does not let an event that cannot be applied hold up the rest of its batch', async () => {
    await createPointRule({
      code: 'batch-cleanup',
      eventType: 'test.batch-cleanup.attended',
      name: '参加活动',
      points: 5,
    });
    const [first, second] = [await resident(), await resident()];
    const poison = pointsEvent('test.batch-cleanup.attended', {
      actors: [{ personId: 'not-a-uuid', role: 'volunteer' }],
    });

    const report = await deliverBatch([
      pointsEvent('test.batch-cleanup.attended', { actors: [{ personId: first.id, role: 'volunteer' }] }),
      poison,
      pointsEvent('test.batch-cleanup.attended', { actors: [{ personId: second.id, role: 'volunteer' }] }),
    ]);

    expect(report).toMatchObject({ batched: false, applied: 2, duplicate: 0, ignored: 0 });
    expect(report.failed.map((failure) => failure.event.id)).toEqual([poison.id]);
    expect(await pointAccount(first)).toMatchObject({ balance: 5 });
    expect(await pointAccount(second)).toMatchObject({ balance: 5 });
    const marker = await withTestDb((client) =>
      client.query(`SELECT 1 FROM processed_events WHERE subscriber = 'points' AND event_id = $1`, [poison.id]),
    );
    expect(marker.rows).toEqual([]);
    await expect(deliverToPoints(scheduler, poison)).rejects.toThrow();
  });
});
