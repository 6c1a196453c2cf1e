import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '@linli/platform';
import {
  bootApi,
  pointAccount,
  pointEntries,
  pointsConsistency,
  requestedNotifications,
  resetState,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { CreditCommand, DebitCommand } from './ledger-records';
import { PointsExpiry } from './points-expiry.service';
import { PointsLedger } from './points-ledger.service';
import { PointsOwner } from './points-owner';

async function lots(
  accountId: string,
): Promise<{ amount: number; remaining: number; status: string; expiresAt: string | null }[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query(
      'SELECT amount, remaining, status, expires_at FROM point_lots WHERE account_id = $1 ORDER BY created_at, id',
      [accountId],
    );
    return rows.map((r) => ({
      amount: Number(r.amount),
      remaining: Number(r.remaining),
      status: r.status,
      expiresAt: r.expires_at ? r.expires_at.toISOString() : null,
    }));
  });
}

async function accountId(owner: PointsOwner): Promise<string> {
  const account = await pointAccount(owner);
  if (!account) throw new Error(`no account for ${owner.type} ${owner.id}`);
  return account.id;
}

function entryId(result: { entry: { id: string } | null }): string {
  if (!result.entry) throw new Error('no entry written');
  return result.entry.id;
}

describe('the points ledger', () => {
  let api: TestApi;
  let ledger: PointsLedger;
  let transactions: TransactionRunner;

  const person = (): PointsOwner => ({ type: 'person', id: randomUUID() });
  const credit = (owner: PointsOwner, amount: number, extra: Partial<CreditCommand> = {}) =>
    transactions.run((manager) =>
      ledger.credit(manager, {
        owner,
        kind: 'redeemable',
        amount,
        reason: '志愿服务奖励',
        idempotencyKey: randomUUID(),
        ...extra,
      }),
    );
  const debit = (owner: PointsOwner, amount: number, extra: Partial<DebitCommand> = {}) =>
    transactions.run((manager) =>
      ledger.debit(manager, {
        owner,
        kind: 'redeemable',
        amount,
        reason: '兑换商品',
        idempotencyKey: randomUUID(),
        ...extra,
      }),
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    ledger = api.app.get(PointsLedger);
    transactions = api.app.get(TransactionRunner);
  });
  afterAll(() => api.close());

  it('applies an idempotency key once and answers the first result when it comes again', async () => {
    const owner = person();
    const first = await credit(owner, 5, { idempotencyKey: 'award-1' });
    const again = await credit(owner, 5, { idempotencyKey: 'award-1' });
    const spent = await debit(owner, 2, { idempotencyKey: 'spend-1' });
    const spentAgain = await debit(owner, 2, { idempotencyKey: 'spend-1' });

    expect(again).toMatchObject({
      replayed: true,
      lotId: first.lotId,
      entry: { id: first.entry?.id, amount: 5, balanceAfter: 5 },
    });
    expect(spentAgain).toMatchObject({
      replayed: true,
      entry: { id: spent.entry.id, amount: -2, balanceAfter: 3 },
      allocations: spent.allocations,
    });
    expect((await pointEntries(owner)).map((e) => e.amount)).toEqual([5, -2]);
    expect(await pointAccount(owner)).toMatchObject({ balance: 3, pending: 0 });
  });

  it('credits many accounts in one go, each entry showing the balance after the earlier credits of its account', async () => {
    const [first, second] = [person(), person()];
    await credit(first, 7);
    const command = (owner: PointsOwner, amount: number): CreditCommand => ({
      owner,
      kind: 'redeemable',
      amount,
      reason: '志愿服务奖励',
      idempotencyKey: randomUUID(),
    });
    const results = await transactions.run((manager) =>
      ledger.creditMany(manager, [
        command(first, 3),
        command(second, 4),
        command(first, 5),
        command(second, 1),
        { ...command(first, 2), expiresAt: new Date('2028-11-22T02:00:00Z') },
      ]),
    );

    expect(results.map((r) => [r.entry?.amount, r.entry?.balanceAfter, r.pending, r.replayed])).toEqual([
      [3, 10, false, false],
      [4, 4, false, false],
      [5, 15, false, false],
      [1, 5, false, false],
      [2, 17, false, false],
    ]);
    expect((await pointEntries(first)).map((e) => [e.amount, e.balanceAfter])).toEqual([
      [7, 7],
      [3, 10],
      [5, 15],
      [2, 17],
    ]);
    expect(await pointAccount(first)).toMatchObject({ balance: 17, pending: 0 });
    expect(await pointAccount(second)).toMatchObject({ balance: 5, pending: 0 });
    // Lots written in one transaction share their creation time: compared as a set.
    expect(
      (await lots(await accountId(first))).map((l) => [l.amount, l.remaining, l.status, l.expiresAt]).sort(),
    ).toEqual([
      [2, 2, 'available', '2028-11-22T02:00:00.000Z'],
      [3, 3, 'available', null],
      [5, 5, 'available', null],
      [7, 7, 'available', null],
    ]);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('spends the points that expire first, then the oldest, and a reversal gives exactly those lots back, once', async () => {
    const owner = person();
    await credit(owner, 10);
    await credit(owner, 10, { expiresAt: new Date('2027-06-30T16:00:00Z') });
    await credit(owner, 10, { expiresAt: new Date('2027-01-31T16:00:00Z') });

    const spend = await debit(owner, 15);
    const account = await accountId(owner);
    expect((await lots(account)).map((l) => l.remaining)).toEqual([10, 5, 0]);
    expect(spend.allocations.map((a) => a.amount)).toEqual([10, 5]);

    const reversal = await transactions.run((manager) => ledger.reverse(manager, spend.entry.id));
    const again = await transactions.run((manager) => ledger.reverse(manager, spend.entry.id));

    expect(reversal.entry).toMatchObject({ kind: 'reversal', amount: 15, balanceAfter: 30, reason: '撤销：兑换商品' });
    expect(again).toMatchObject({ replayed: true, entry: { id: reversal.entry?.id } });
    expect((await lots(account)).map((l) => l.remaining)).toEqual([10, 10, 10]);
    expect((await pointEntries(owner)).map((e) => e.amount)).toEqual([10, 10, 10, -15, 15]);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('removes what is left of a credit when the credit is reversed; points already spent stay spent', async () => {
    const owner = person();
    const award = await credit(owner, 10);
    await debit(owner, 4);

    const reversal = await transactions.run((manager) =>
      ledger.reverse(manager, entryId(award), { reason: '误发积分，予以撤销' }),
    );

    expect(reversal.entry).toMatchObject({
      kind: 'reversal',
      amount: -6,
      balanceAfter: 0,
      reason: '误发积分，予以撤销',
    });
    expect(await lots(await accountId(owner))).toEqual([
      { amount: 10, remaining: 0, status: 'cancelled', expiresAt: null },
    ]);
    await expect(transactions.run((manager) => ledger.reverse(manager, entryId(reversal)))).rejects.toMatchObject({
      code: 'points.not-reversible',
    });
  });

  it('never overdraws: of 20 concurrent debits of 1 against a balance of 10, exactly 10 succeed', async () => {
    const owner = person();
    await credit(owner, 4, { expiresAt: new Date('2027-03-01T00:00:00Z') });
    await credit(owner, 6);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => debit(owner, 1)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refusals).toHaveLength(10);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'points.insufficient', status: 409 });
    expect(await pointAccount(owner)).toMatchObject({ balance: 0 });
    expect((await pointEntries(owner)).filter((e) => e.kind === 'debit')).toHaveLength(10);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('keeps pending points out of the balance until confirmed, and lets them vanish when rejected', async () => {
    const owner = person();
    const wishFulfilled = randomUUID();
    const otherWish = randomUUID();
    await credit(owner, 7, { pending: {}, sourceEventId: wishFulfilled, reason: '完成微心愿获得积分' });
    await credit(owner, 4, {
      pending: { confirmKey: 'test.wish.confirmed/wishId=w2', rejectKey: 'test.wish.rejected/wishId=w2' },
      sourceEventId: otherWish,
    });
    await credit(owner, 3);

    expect(await pointAccount(owner)).toMatchObject({ balance: 3, pending: 11 });
    await expect(debit(owner, 5)).rejects.toMatchObject({ code: 'points.insufficient' });

    const confirmed = await transactions.run((manager) =>
      ledger.confirmPending(manager, { sourceEventId: wishFulfilled }),
    );
    expect(confirmed).toEqual([
      expect.objectContaining({
        amount: 7,
        entry: expect.objectContaining({ kind: 'credit', amount: 7, balanceAfter: 10, reason: '完成微心愿获得积分' }),
      }),
    ]);
    expect(await pointAccount(owner)).toMatchObject({ balance: 10, pending: 4 });
    await debit(owner, 5);

    const rejected = await transactions.run((manager) =>
      ledger.rejectPending(manager, { keys: ['test.wish.rejected/wishId=w2'] }),
    );
    expect(rejected).toEqual([expect.objectContaining({ amount: 4, entry: null })]);
    // Once voided, neither a confirmation nor another rejection finds them.
    expect(
      await transactions.run((manager) => ledger.confirmPending(manager, { keys: ['test.wish.confirmed/wishId=w2'] })),
    ).toEqual([]);
    expect(await transactions.run((manager) => ledger.rejectPending(manager, { sourceEventId: otherWish }))).toEqual(
      [],
    );

    expect(await pointAccount(owner)).toMatchObject({ balance: 5, pending: 0 });
    expect((await pointEntries(owner)).map((e) => e.amount)).toEqual([3, 7, -5]);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('expires what is left of due lots with one entry per lot, after spending took the soonest-expiring first', async () => {
    const owner = person();
    await credit(owner, 10);
    await credit(owner, 10, { expiresAt: new Date('2027-01-15T16:00:00Z'), reason: '参加活动「新春游园」获得积分' });
    await credit(owner, 10, { expiresAt: new Date('2026-12-01T16:00:00Z') });
    await debit(owner, 12);
    const expiry = api.app.get(PointsExpiry);

    expect(await expiry.expireDue(new Date('2026-12-02T00:00:00Z'))).toEqual({ lots: 0, points: 0 });
    const expired = await expiry.expireDue(new Date('2027-01-16T00:00:00Z'));
    const again = await expiry.expireDue(new Date('2027-01-17T00:00:00Z'));

    expect(expired).toEqual({ lots: 1, points: 8 });
    expect(again).toEqual({ lots: 0, points: 0 });
    const entries = await pointEntries(owner);
    expect(entries.filter((e) => e.kind === 'expiry')).toEqual([
      expect.objectContaining({
        amount: -8,
        balanceAfter: 10,
        reason: '积分到期失效（参加活动「新春游园」获得积分）',
        occurredAt: new Date('2027-01-15T16:00:00Z'),
      }),
    ]);
    expect((await lots(await accountId(owner))).map((l) => [l.remaining, l.status])).toEqual([
      [10, 'available'],
      [0, 'expired'],
      [0, 'available'],
    ]);
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });

  it('tells a person once, 30 days ahead, about each lot about to expire', async () => {
    const owner = person();
    const organization: PointsOwner = { type: 'organization', id: randomUUID() };
    await credit(owner, 6, { expiresAt: new Date('2027-03-10T16:00:00Z'), reason: '参加活动获得积分' });
    await credit(owner, 9, { expiresAt: new Date('2027-05-01T16:00:00Z') });
    await credit(organization, 5, { expiresAt: new Date('2027-03-01T00:00:00Z') });
    const expiry = api.app.get(PointsExpiry);

    expect(await expiry.notifyExpiring(new Date('2027-02-20T00:00:00Z'))).toEqual({ notified: 1 });
    expect(await expiry.notifyExpiring(new Date('2027-02-21T00:00:00Z'))).toEqual({ notified: 0 });

    const queued = await requestedNotifications();
    const notices = queued
      .filter((job) => job.templateKey === 'points.expiring' && job.recipient.personId === owner.id)
      .map((job) => job.data);
    expect(notices).toEqual([{ points: 6, expiresOn: '2027-03-11', reason: '参加活动获得积分' }]);
  });

  it('refuses to change or delete an entry or a lot draw', async () => {
    const owner = person();
    const award = await credit(owner, 3);
    await debit(owner, 1);

    await withTestDb(async (client) => {
      await expect(
        client.query('UPDATE point_entries SET amount = 300 WHERE id = $1', [entryId(award)]),
      ).rejects.toThrow('point_entries is append-only');
      await expect(client.query('DELETE FROM point_entries WHERE id = $1', [entryId(award)])).rejects.toThrow(
        'append-only',
      );
      await expect(client.query('DELETE FROM point_allocations')).rejects.toThrow('point_allocations is append-only');
    });
    await withTestDb(async (client) => {
      await expect(
        client.query('UPDATE point_accounts SET balance = -1 WHERE owner_id = $1', [owner.id]),
      ).rejects.toThrow('point_accounts_balance_check');
    });
  });

  it('reports an account whose balance no longer matches its entries and lots', async () => {
    const owner = person();
    await credit(owner, 5);
    const account = await accountId(owner);
    await withTestDb((client) =>
      client.query('UPDATE point_accounts SET balance = balance + 2 WHERE id = $1', [account]),
    );
    try {
      const report = await pointsConsistency(api.app);
      expect(report.clean).toBe(false);
      expect(report.discrepancies).toEqual([
        expect.objectContaining({ accountId: account, balance: 7, entries: 5, availableLots: 5 }),
      ]);
    } finally {
      await withTestDb((client) =>
        client.query('UPDATE point_accounts SET balance = balance - 2 WHERE id = $1', [account]),
      );
    }
    expect((await pointsConsistency(api.app)).clean).toBe(true);
  });
});
