import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  bootApi,
  bootNotifier,
  bootScheduler,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  drain,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TcpProxy,
  TestApi,
  waitFor,
  withTestDb,
} from '@linli/testing';

interface NoticeRequest {
  relayed_at: Date | null;
  relay_attempts: number;
}

function fulfilledNotice(fulfilmentId: string): Promise<NoticeRequest | undefined> {
  return withTestDb(
    async (client) =>
      (
        await client.query(`SELECT relayed_at, relay_attempts FROM notification_requests WHERE dedupe_key = $1`, [
          `volunteers.demand-fulfilled:${fulfilmentId}`,
        ])
      ).rows[0],
  );
}

jest.setTimeout(90_000);

describe('a demand fulfilled while Redis is unreachable', () => {
  const proxy = TcpProxy.to(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  let api: TestApi;
  let scheduler: NestFastifyApplication;
  let notifier: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    await proxy.start();
    const env = { REDIS_URL: `redis://127.0.0.1:${proxy.port}` };
    api = await bootApi({ env });
    scheduler = await bootScheduler({ env });
    notifier = await bootNotifier();
  });

  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await Promise.all([api?.close(), scheduler?.close(), notifier?.close()]);
    await proxy.stop();
  });

  it('commits and answers 200; the requester is told once Redis is back, once', async () => {
    const units = await createUnitTree(smallDistrict());
    const unit = (name: string): ScenarioUnit => units.get(name) as ScenarioUnit;
    const [grandma, neighbour] = await createPeople([
      { name: '张奶奶', residence: unit('楼栋A1-1') },
      { name: '李明', residence: unit('楼栋A1-1') },
    ]);
    const requester = await createLoggedInUser(api, { personId: grandma.id });
    const claimant = await createLoggedInUser(api, { personId: neighbour.id });
    const wish = await api.post(
      '/api/v1/volunteers/demands',
      { kind: 'micro_wish', unitId: unit('小区A1').id, title: '想要一副老花镜' },
      requester.token,
    );
    expect(wish.status).toBe(201);
    expect((await api.post(`/api/v1/volunteers/demands/${wish.body.id}/claim`, {}, claimant.token)).status).toBe(201);

    await proxy.stop();
    const fulfilled = await api.post(
      `/api/v1/volunteers/demands/${wish.body.id}/fulfil`,
      { note: '已送到家' },
      claimant.token,
    );

    expect(fulfilled.status).toBe(200);
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled' });
    const fulfilmentId = fulfilled.body.fulfilments[0].id as string;
    const stuck = await waitFor(
      async () => {
        const request = await fulfilledNotice(fulfilmentId);
        return request && request.relay_attempts >= 1 && request;
      },
      { what: 'a failed relay attempt while Redis is away' },
    );
    expect(stuck.relayed_at).toBeNull();

    await proxy.start();
    await waitFor(async () => (await fulfilledNotice(fulfilmentId))?.relayed_at, {
      what: 'the notice relayed after the outage',
      timeoutMs: 30_000,
    });
    // The notifier's own connection never went through the proxy: it reads the queue state.
    await drain([notifier, scheduler], { timeoutMs: 30_000 });

    const told = await api.get('/api/v1/me/notifications', requester.token);
    expect(told.body.items.map((n: { title: string }) => n.title)).toEqual(['您的需求已完成']);
  });
});
