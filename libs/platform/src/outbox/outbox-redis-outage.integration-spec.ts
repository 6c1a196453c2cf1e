import { Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootScheduler, resetState, TcpProxy, waitFor, withTestDb } from '@linli/testing';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../messaging/domain-event';
import { DomainEventHandler } from './domain-event-handler';
import { EventSubscriber } from './event-subscriber.decorator';
import { Outbox } from './outbox.service';

const received = new Map<string, number>();

@EventSubscriber({ name: 'test-outage', types: ['test.outage.survived'] })
class OutageSubscriber implements DomainEventHandler {
  async handle(event: DomainEvent): Promise<void> {
    received.set(event.id, (received.get(event.id) ?? 0) + 1);
  }
}

@Module({ providers: [OutageSubscriber] })
class OutageModule {}

function publish(app: NestFastifyApplication): Promise<DomainEvent> {
  return app
    .get(TransactionRunner)
    .run((manager) => app.get(Outbox).publish(manager, { type: 'test.outage.survived', data: {} }));
}

function outboxRow(
  id: string,
): Promise<{ relayed_at: Date | null; relay_attempts: number; last_error: string | null } | undefined> {
  return withTestDb(
    async (db) =>
      (await db.query(`SELECT relayed_at, relay_attempts, last_error FROM outbox_events WHERE id = $1`, [id])).rows[0],
  );
}

describe('outbox relay while Redis is unreachable', () => {
  const proxy = TcpProxy.to(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    await proxy.start();
    app = await bootScheduler({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, modules: [OutageModule] });
  });

  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await app?.close();
    await proxy.stop();
  });

  it('keeps an event committed during the outage in the outbox and delivers it once Redis is back', async () => {
    const before = await publish(app);
    await waitFor(async () => received.get(before.id) === 1, { what: 'delivery through the proxy' });

    await proxy.stop();
    const during = await publish(app);
    const failed = await waitFor(
      async () => {
        const row = await outboxRow(during.id);
        return row && row.relay_attempts >= 2 && row;
      },
      { what: 'failed relay attempts' },
    );
    expect(failed.relayed_at).toBeNull();
    expect(failed.last_error).toBeTruthy();
    expect(received.get(during.id)).toBeUndefined();

    await proxy.start();
    await waitFor(async () => received.get(during.id) === 1, { what: 'delivery after the outage' });
    const row = await outboxRow(during.id);
    expect(row?.relayed_at).toBeInstanceOf(Date);
    expect(row?.last_error).toBeNull();
    expect(received.get(before.id)).toBe(1);
  });
});

describe('outbox relay started while Redis is unreachable', () => {
  const proxy = TcpProxy.to(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 6379);
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    await proxy.start();
    await proxy.stop();
    app = await bootScheduler({ env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, modules: [OutageModule] });
  });

  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await app?.close();
    await proxy.stop();
  });

  it('delivers events once Redis answers for the first time', async () => {
    const event = await publish(app);
    await waitFor(async () => ((await outboxRow(event.id))?.relay_attempts ?? 0) >= 1, {
      what: 'a failed relay attempt',
    });
    await proxy.start();
    await waitFor(async () => received.get(event.id) === 1, { what: 'delivery after the outage' });
  });
});
