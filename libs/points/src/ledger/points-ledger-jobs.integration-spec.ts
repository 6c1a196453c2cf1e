import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { Clock, JobRunner, TransactionRunner } from '@linli/platform';
import { bootScheduler, pointAccount, pointEntries, resetState, withTestDb } from '@linli/testing';
import { CONSISTENCY_CHECK_SCHEDULE } from './consistency-check.job';
import { EXPIRE_LOTS_SCHEDULE } from './expire-lots.job';
import { PointsLedger } from './points-ledger.service';
import { PointsOwner } from './points-owner';

const DAY_MS = 24 * 3600 * 1000;

describe("the ledger's daily jobs", () => {
  let scheduler: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    scheduler = await bootScheduler();
  });
  afterAll(() => scheduler.close());

  it('records one expiry run per day that expires due lots and announces the soon-expiring ones', async () => {
    const owner: PointsOwner = { type: 'person', id: randomUUID() };
    const now = scheduler.get(Clock).now();
    await scheduler.get(TransactionRunner).run(async (manager) => {
      const ledger = scheduler.get(PointsLedger);
      await ledger.credit(manager, {
        owner,
        kind: 'redeemable',
        amount: 6,
        reason: '参加活动获得积分',
        idempotencyKey: 'due',
        expiresAt: new Date(now.getTime() - DAY_MS),
      });
      await ledger.credit(manager, {
        owner,
        kind: 'redeemable',
        amount: 4,
        reason: '参加活动获得积分',
        idempotencyKey: 'soon',
        expiresAt: new Date(now.getTime() + 10 * DAY_MS),
      });
    });
    const runner = scheduler.get(JobRunner);

    const first = await runner.run({ schedule: EXPIRE_LOTS_SCHEDULE, period: '2026-11-22' });
    const again = await runner.run({ schedule: EXPIRE_LOTS_SCHEDULE, period: '2026-11-22' });

    expect(first).toMatchObject({
      executed: true,
      run: { status: 'succeeded', result: { period: '2026-11-22', expiredLots: 1, expiredPoints: 6, notified: 1 } },
    });
    expect(again).toMatchObject({ executed: false, run: { id: first.run.id, attempts: 1 } });
    expect((await pointEntries(owner)).map((e) => [e.kind, e.amount])).toEqual([
      ['credit', 6],
      ['credit', 4],
      ['expiry', -6],
    ]);
    expect(await pointAccount(owner)).toMatchObject({ balance: 4 });
  });

  it('records a consistency check that proves every balance from its entries and lots', async () => {
    await scheduler.get(TransactionRunner).run((manager) =>
      scheduler.get(PointsLedger).credit(manager, {
        owner: { type: 'organization', id: randomUUID() },
        kind: 'assessment',
        amount: 3,
        reason: '参加主题党日',
        idempotencyKey: 'check',
      }),
    );
    const report = await scheduler.get(JobRunner).run({ schedule: CONSISTENCY_CHECK_SCHEDULE, period: '2026-11-22' });

    expect(report).toMatchObject({
      executed: true,
      run: { status: 'succeeded', result: { clean: true, drifted: 0, unbalancedDraws: 0, sample: [] } },
    });
    expect((report.run.result as { accounts: number }).accounts).toBeGreaterThan(0);
    const runs = await withTestDb((client) =>
      client.query(`SELECT period_key, status, result->>'clean' AS clean FROM job_runs WHERE job = $1`, [
        CONSISTENCY_CHECK_SCHEDULE,
      ]),
    );
    expect(runs.rows).toEqual([{ period_key: '2026-11-22', status: 'succeeded', clean: 'true' }]);
  });
});
