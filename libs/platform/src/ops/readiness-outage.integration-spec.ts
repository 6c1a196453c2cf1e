import {
  bootApi,
  currentRun,
  currentWorker,
  databaseUrlFor,
  resetState,
  TcpProxy,
  TestApi,
  waitFor,
  workerDatabaseName,
} from '@linli/testing';

/**
 * `/ready` while a dependency is unreachable: each app talks to PostgreSQL or Redis through a TCP
 * proxy that the test cuts (the service itself stays up for every other test).
 */
describe('readiness while a dependency is unreachable', () => {
  beforeAll(() => resetState());

  it('answers 503 naming Redis as down while Redis is unreachable, and 200 once it is back', async () => {
    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const proxy = TcpProxy.to(redisUrl, 6379);
    await proxy.start();
    let api: TestApi | undefined;
    try {
      api = await bootApi({ env: { REDIS_URL: proxy.urlThrough(redisUrl) } });
      expect((await api.get('/ready')).status).toBe(200);

      await proxy.stop();
      const down = await api.get('/ready');
      expect({ status: down.status, body: down.body }).toEqual({
        status: 503,
        body: { status: 'not-ready', checks: { database: 'up', redis: 'down' } },
      });
      expect((await api.get('/health')).status).toBe(200);

      await proxy.start();
      // The clients reconnect with a backoff: readiness comes back on its own, without a restart.
      const back = await waitFor(
        async () => {
          const ready = await (api as TestApi).get('/ready');
          return ready.status === 200 && ready;
        },
        { what: 'readiness to come back' },
      );
      expect(back.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
      // The queue producers reconnect too (their depths are back in /metrics). Closing the app while
      // they are still waiting to reconnect would leave their clients reconnecting after close.
      await waitFor(
        async () =>
          /linli_queue_jobs\{queue="notifications",state="waiting"\} \d+/.test(
            (await (api as TestApi).get('/metrics')).body,
          ),
        {
          what: 'queue producers to reconnect',
        },
      );
    } finally {
      await proxy.start().catch(() => undefined);
      await api?.close();
      await proxy.stop();
    }
  });

  it('answers 503 naming the database as down while PostgreSQL is unreachable, and 200 once it is back', async () => {
    const databaseUrl = databaseUrlFor(workerDatabaseName(currentRun(), currentWorker()));
    const proxy = TcpProxy.to(databaseUrl, 5432);
    await proxy.start();
    let api: TestApi | undefined;
    try {
      api = await bootApi({ env: { DATABASE_URL: proxy.urlThrough(databaseUrl) } });
      expect((await api.get('/ready')).status).toBe(200);

      await proxy.stop();
      const down = await api.get('/ready');
      expect({ status: down.status, body: down.body }).toEqual({
        status: 503,
        body: { status: 'not-ready', checks: { database: 'down', redis: 'up' } },
      });

      await proxy.start();
      // The clients reconnect with a backoff: readiness comes back on its own, without a restart.
      const back = await waitFor(
        async () => {
          const ready = await (api as TestApi).get('/ready');
          return ready.status === 200 && ready;
        },
        { what: 'readiness to come back' },
      );
      expect(back.body).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
    } finally {
      await proxy.start().catch(() => undefined);
      await api?.close();
      await proxy.stop();
    }
  });
});
