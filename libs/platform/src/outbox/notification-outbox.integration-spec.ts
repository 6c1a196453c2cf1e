import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { bootScheduler, resetState, TcpProxy, waitFor, withTestDb } from '@linli/testing';
import { TransactionRunner } from '../database/transaction-runner';
import { notificationJobId, SendNotificationJob } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { QueueName } from '../messaging/queue-names';
import { MetricsRegistry } from '../ops/metrics-registry';
import { InvalidNotificationRequestError } from './invalid-notification-request.error';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationRelay } from './notification-relay.service';

function job(dedupeKey: string, data: Record<string, unknown> = { message: 'hello' }): SendNotificationJob {
  return { recipient: { personId: randomUUID() }, templateKey: 'system.test', data, dedupeKey };
}

interface RequestRow {
  dedupe_key: string;
  relayed_at: Date | null;
  relay_attempts: number;
  last_error: string | null;
}

function requestRows(dedupeKey: string): Promise<RequestRow[]> {
  return withTestDb(
    async (db) =>
      (
        await db.query<RequestRow>(
          `SELECT dedupe_key, relayed_at, relay_attempts, last_error FROM notification_requests WHERE dedupe_key = $1`,
          [dedupeKey],
        )
      ).rows,
  );
}

/** Every job of the notifications queue (no notifier runs here, so they stay waiting). */
async function queuedJobs(app: NestFastifyApplication): Promise<{ id?: string; data: SendNotificationJob }[]> {
  return app
    .get(JobQueue)
    .get(QueueName.Notifications)
    .getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
}

async function jobsFor(app: NestFastifyApplication, dedupeKey: string): Promise<SendNotificationJob[]> {
  return (await queuedJobs(app)).filter((j) => j.data.dedupeKey === dedupeKey).map((j) => j.data);
}

describe('NotificationOutbox: notify on commit', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    app = await bootScheduler({ env: { LINLI_MODULES: '' } });
  });
  afterAll(() => app?.close());

  const request = (jobs: SendNotificationJob[]) =>
    app.get(TransactionRunner).run((manager) => app.get(NotificationOutbox).request(manager, jobs));

  it('queues a notification requested in a committed transaction, with the job id of its dedupe key', async () => {
    const committed = job(`test.committed:${randomUUID()}`, { message: '你好', nested: { n: 1 } });
    await request([committed]);
    const [queued] = await waitFor(
      async () => {
        const jobs = (await queuedJobs(app)).filter((j) => j.data.dedupeKey === committed.dedupeKey);
        return jobs.length > 0 && jobs;
      },
      { what: 'the relayed notification' },
    );
    expect(queued.id).toBe(notificationJobId(committed.dedupeKey));
    expect(queued.data).toEqual(committed);
    // The relay queues the job inside its transaction and marks the row relayed at commit: the job
    // can be seen in Redis a moment before the mark.
    const [row] = await waitFor(
      async () => {
        const rows = await requestRows(committed.dedupeKey);
        return rows[0]?.relayed_at && rows;
      },
      { what: 'the request marked relayed' },
    );
    expect(row.relayed_at).toBeInstanceOf(Date);
    expect(row.relay_attempts).toBe(1);
  });

  it('never queues a notification requested in a transaction that rolled back', async () => {
    const rolledBack = job(`test.rolled-back:${randomUUID()}`);
    const committed = job(`test.after-rollback:${randomUUID()}`);
    await expect(
      app.get(TransactionRunner).run(async (manager) => {
        await app.get(NotificationOutbox).requestOne(manager, rolledBack);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await request([committed]);
    // The relay works in write order: once the later request is queued, the rolled-back one would have been too.
    await waitFor(async () => (await jobsFor(app, committed.dedupeKey)).length === 1, { what: 'the later request' });
    expect(await app.get(NotificationRelay).relayOnce()).toBe(0);
    expect(await jobsFor(app, rolledBack.dedupeKey)).toEqual([]);
    expect(await requestRows(rolledBack.dedupeKey)).toEqual([]);
  });

  it('gives one job for the same dedupe key requested in two transactions (the first request wins)', async () => {
    const key = `test.twice:${randomUUID()}`;
    const first = job(key, { message: 'first' });
    await request([first]);
    await request([job(key, { message: 'second' }), job(key, { message: 'third' })]);
    await waitFor(async () => (await requestRows(key))[0]?.relayed_at, { what: 'the relayed request' });
    expect(await app.get(NotificationRelay).relayOnce()).toBe(0);
    expect(await jobsFor(app, key)).toEqual([first]);
    expect(await requestRows(key)).toHaveLength(1);
  });

  it('queues nothing twice when rows are relayed again (a relay that died before marking them)', async () => {
    const key = `test.relayed-again:${randomUUID()}`;
    await request([job(key)]);
    await waitFor(async () => (await requestRows(key))[0]?.relayed_at, { what: 'the relayed request' });
    await withTestDb((db) =>
      db.query(`UPDATE notification_requests SET relayed_at = NULL WHERE dedupe_key = $1`, [key]),
    );
    await waitFor(async () => (await requestRows(key))[0]?.relayed_at, { what: 'the request relayed again' });
    expect(await jobsFor(app, key)).toHaveLength(1);
  });

  it('writes many notifications in one request and queues them all', async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => job(`test.many:${i}:${randomUUID()}`));
    await request(jobs);
    await waitFor(
      async () => {
        const keys = new Set((await queuedJobs(app)).map((j) => j.data.dedupeKey));
        return jobs.every((j) => keys.has(j.dedupeKey));
      },
      { what: 'all 40 notifications' },
    );
  });

  it('refuses a request outside a transaction', async () => {
    const manager = app.get(TransactionRunner)['dataSource'].manager;
    await expect(app.get(NotificationOutbox).request(manager, [job('test.outside:1')])).rejects.toThrow(
      'NotificationOutbox.request needs the EntityManager of an open transaction',
    );
  });

  it('refuses a notification the notifier could never deliver, failing the caller’s transaction', async () => {
    const bad = [
      { ...job('') },
      { ...job('test.bad:1'), templateKey: 'Not A Key' },
      { ...job('test.bad:2'), recipient: {} },
      { ...job('test.bad:3'), recipient: { personId: 'not-a-uuid' } },
      { ...job('test.bad:4'), data: [] as unknown as Record<string, unknown> },
      { ...job('x'.repeat(201)) },
    ];
    for (const notification of bad) {
      await expect(request([notification])).rejects.toBeInstanceOf(InvalidNotificationRequestError);
    }
    expect(
      await withTestDb(
        async (db) =>
          (await db.query(`SELECT count(*)::int AS n FROM notification_requests WHERE dedupe_key LIKE 'test.bad%'`))
            .rows[0].n,
      ),
    ).toBe(0);
  });

  it('reports relayed notification requests and their backlog in /metrics', async () => {
    await waitFor(async () => (await app.get(NotificationRelay).relayOnce()) === 0, { what: 'no backlog' });
    const text = await app.get(MetricsRegistry).render();
    expect(text).toMatch(/linli_notification_requests_relayed_total [1-9]\d*/);
    expect(text).toMatch(/linli_notification_requests_backlog 0/);
  });
});

describe('NotificationOutbox while Redis is unreachable', () => {
  const proxy = TcpProxy.to(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    await proxy.start();
    app = await bootScheduler({ env: { LINLI_MODULES: '', REDIS_URL: `redis://127.0.0.1:${proxy.port}` } });
  });

  // Closing waits for the relays' batch in flight and BullMQ's reconnection through the proxy; on a
  // loaded 2-CPU CI runner that once took longer than Jest's default 30 s (the hook, not a test, timed out).
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await app?.close();
    await proxy.stop();
  }, 90_000);

  it('commits a request without error while Redis is down and queues the notification once Redis is back', async () => {
    await proxy.stop();
    const during = job(`test.outage:${randomUUID()}`);
    await app.get(TransactionRunner).run((manager) => app.get(NotificationOutbox).requestOne(manager, during));

    const [failed] = await waitFor(
      async () => {
        const rows = await requestRows(during.dedupeKey);
        return rows[0] && rows[0].relay_attempts >= 1 && rows;
      },
      { what: 'a failed relay attempt' },
    );
    expect(failed.relayed_at).toBeNull();
    expect(failed.last_error).toBeTruthy();

    await proxy.start();
    await waitFor(async () => (await requestRows(during.dedupeKey))[0]?.relayed_at, {
      what: 'relay after the outage',
      timeoutMs: 30000,
    });
    const [row] = await requestRows(during.dedupeKey);
    expect(row.last_error).toBeNull();
    expect(await jobsFor(app, during.dedupeKey)).toEqual([during]);
  }, 60000);
});
