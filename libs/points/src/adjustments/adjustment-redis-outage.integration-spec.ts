import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  pointAccount,
  requestedNotifications,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TcpProxy,
  TestApi,
  waitFor,
  withTestDb,
} from '@linli/testing';

/**
 * Notify on commit: an adjustment requests its notice in its own transaction, so it neither waits on
 * nor fails with Redis; the scheduler's relay queues the notice once Redis answers again.
 */
describe('a points adjustment while Redis is unreachable', () => {
  const proxy = TcpProxy.to(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let notifier: NestFastifyApplication;
  let units: Map<string, ScenarioUnit>;
  const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    await proxy.start();
    const env = { REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
    api = await bootApi({ env });
    scheduler = await bootScheduler({ env });
    notifier = await bootNotifier({ env });
    units = await createUnitTree(smallDistrict());
  });
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await Promise.all([api?.close(), scheduler?.close(), notifier?.close()]);
    await proxy.stop();
  });

  it('commits and answers 201, and the notice reaches the inbox once Redis is back', async () => {
    const person = await createPerson({ name: '李居民', residenceUnitId: unit('楼栋A1-1').id });
    const secretary = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
    const resident = (await createLoggedInUser(api, { personId: person.id })).token;

    await proxy.stop();
    const adjusted = await api.post(
      '/api/v1/points/adjustments',
      {
        ownerType: 'person',
        ownerId: person.id,
        accountKind: 'redeemable',
        amount: 8,
        reason: '协助疫苗接种点维持秩序',
      },
      secretary,
    );

    expect(adjusted.status).toBe(201);
    expect(await pointAccount({ type: 'person', id: person.id })).toMatchObject({ balance: 8 });
    const [requested] = await requestedNotifications('points.earned');
    expect(requested).toMatchObject({
      recipient: { personId: person.id },
      data: { points: 8, reason: '协助疫苗接种点维持秩序' },
    });
    // The relay keeps trying while Redis is away; nothing is queued yet.
    await waitFor(
      () =>
        withTestDb(
          async (client) =>
            (
              await client.query(
                `SELECT 1 FROM notification_requests WHERE dedupe_key = $1 AND relayed_at IS NULL AND relay_attempts >= 1`,
                [requested.dedupeKey],
              )
            ).rowCount === 1,
        ),
      { what: 'a failed relay attempt' },
    );

    await proxy.start();
    const inbox = await waitFor(
      async () => {
        const response = await api.get('/api/v1/me/notifications', resident);
        return response.body.items?.length > 0 && response.body.items;
      },
      { what: 'the notice in the inbox after the outage', timeoutMs: 30000 },
    );
    expect(inbox.map((n: { title: string; body: string }) => `${n.title}：${n.body}`)).toEqual([
      '积分到账：您获得了 8 积分：协助疫苗接种点维持秩序',
    ]);
  });
});
