import { Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource, EntityManager } from 'typeorm';
import { bootScheduler, resetState, waitFor, withTestDb } from '@linli/testing';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../messaging/domain-event';
import { JobName } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { MetricsRegistry } from '../ops/metrics-registry';
import { JobRunner } from '../scheduling/job-runner.service';
import { DomainEventHandler } from './domain-event-handler';
import { EventDelivery } from './event-delivery.service';
import { EventSubscriber } from './event-subscriber.decorator';
import { OutboxRelay } from './outbox-relay.service';
import { Outbox } from './outbox.service';
import { randomUUID } from 'node:crypto';

/** Every call of each test subscriber, by event id, and every event the catch-all one saw. */
const calls = {
  recorder: new Map<string, number>(),
  everything: new Map<string, number>(),
  batcher: new Map<string, number>(),
};
/** Sizes of the batches the batch subscriber was handed. */
const batches: number[] = [];
const seen: DomainEvent[] = [];
const applied = (map: Map<string, number>, id: string) => map.get(id) ?? 0;
const bump = (map: Map<string, number>, id: string) => map.set(id, applied(map, id) + 1);

@EventSubscriber({ name: 'test-recorder', types: ['test.thing.happened', 'test.flaky.attempted'] })
class RecorderSubscriber implements DomainEventHandler {
  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    bump(calls.recorder, event.id);
    // Prove the handler runs in the transaction that claimed the event.
    const [{ claimed }] = await manager.query(
      `SELECT count(*)::int AS claimed FROM processed_events WHERE subscriber = 'test-recorder' AND event_id = $1`,
      [event.id],
    );
    if (claimed !== 1) throw new Error('handler does not see its own claim');
    if (event.type === 'test.flaky.attempted' && applied(calls.recorder, event.id) === 1)
      throw new Error('first attempt fails');
  }
}

@EventSubscriber({ name: 'test-everything', types: '*' })
class EverythingSubscriber implements DomainEventHandler {
  async handle(event: DomainEvent): Promise<void> {
    bump(calls.everything, event.id);
    seen.push(event);
  }
}

/**
 * Applies batches: each event leaves one row in `test_batch_effects`, written through the delivery's
 * transaction. An event with `data.poison` makes any transaction holding it fail.
 */
@EventSubscriber({ name: 'test-batcher', types: ['test.batch.happened'] })
class BatchSubscriber implements DomainEventHandler {
  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    await this.apply([event], manager);
  }

  async handleBatch(events: DomainEvent[], manager: EntityManager): Promise<void> {
    batches.push(events.length);
    await this.apply(events, manager);
  }

  private async apply(events: DomainEvent[], manager: EntityManager): Promise<void> {
    const ids = events.map((event) => event.id);
    const [{ claimed }] = await manager.query(
      `SELECT count(*)::int AS claimed FROM processed_events WHERE subscriber = 'test-batcher' AND event_id = ANY($1::uuid[])`,
      [ids],
    );
    if (claimed !== events.length) throw new Error('handler does not see its own claims');
    await manager.query(`INSERT INTO test_batch_effects (event_id) SELECT unnest($1::uuid[])`, [ids]);
    if (events.some((event) => event.data.poison)) throw new Error('poison event');
  }
}

/** How many times each event's effect was committed. */
async function batchEffects(ids: string[]): Promise<number[]> {
  const rows = await withTestDb(
    async (db) =>
      (
        await db.query(
          `SELECT event_id, count(*)::int AS n FROM test_batch_effects WHERE event_id = ANY($1::uuid[]) GROUP BY event_id`,
          [ids],
        )
      ).rows,
  );
  const counts = new Map(rows.map((row) => [row.event_id as string, row.n as number]));
  return ids.map((id) => counts.get(id) ?? 0);
}

function batchEvent(data: Record<string, unknown> = {}): DomainEvent {
  return {
    id: randomUUID(),
    type: 'test.batch.happened',
    occurredAt: new Date().toISOString(),
    unitId: null,
    actors: [],
    quantity: null,
    data,
  };
}

@Module({ providers: [RecorderSubscriber, EverythingSubscriber, BatchSubscriber] })
class TestSubscribersModule {}

interface OutboxRow {
  id: string;
  relayed_at: Date | null;
  relay_attempts: number;
  last_error: string | null;
}

function outboxRow(id: string): Promise<OutboxRow | undefined> {
  return withTestDb(
    async (db) =>
      (
        await db.query<OutboxRow>(
          `SELECT id, relayed_at, relay_attempts, last_error FROM outbox_events WHERE id = $1`,
          [id],
        )
      ).rows[0],
  );
}

describe('transactional outbox', () => {
  let app: NestFastifyApplication;
  let transactions: TransactionRunner;
  let outbox: Outbox;

  beforeAll(async () => {
    await resetState();
    await withTestDb((db) => db.query(`CREATE TABLE IF NOT EXISTS test_batch_effects (event_id uuid NOT NULL)`));
    // Kernel only: domain subscribers (points takes every event) would add their own markers.
    app = await bootScheduler({ env: { LINLI_MODULES: '' }, modules: [TestSubscribersModule] });
    transactions = app.get(TransactionRunner);
    outbox = app.get(Outbox);
  });
  afterAll(async () => {
    await app.close();
    await withTestDb((db) => db.query(`DROP TABLE IF EXISTS test_batch_effects`));
  });

  it('writes a batch of events in the caller transaction, in order, filling id and occurredAt', async () => {
    const unitId = randomUUID();
    const published = await transactions.run((manager) =>
      outbox.publish(manager, [
        { type: 'test.other.happened', unitId, data: { n: 1 } },
        { type: 'test.other.happened', unitId, data: { n: 2 }, quantity: 2.5 },
        { type: 'test.other.happened', unitId, data: { n: 3 } },
      ]),
    );
    expect(published).toHaveLength(3);
    expect(new Set(published.map((e) => e.id)).size).toBe(3);
    for (const event of published) expect(Date.parse(event.occurredAt)).not.toBeNaN();
    const rows = await withTestDb(
      async (db) =>
        (await db.query(`SELECT id, quantity, data FROM outbox_events WHERE unit_id = $1 ORDER BY seq`, [unitId])).rows,
    );
    expect(rows.map((r) => r.id)).toEqual(published.map((e) => e.id));
    expect(rows.map((r) => r.data)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(rows[1].quantity).toBe('2.5');
  });

  it('refuses to publish outside a transaction', async () => {
    await expect(
      outbox.publish(app.get(DataSource).manager, { type: 'test.thing.happened', data: {} }),
    ).rejects.toThrow(/open transaction/);
  });

  it('publishes nothing when the transaction rolls back', async () => {
    const marker = randomUUID();
    await expect(
      transactions.run(async (manager) => {
        await outbox.publish(manager, { type: 'test.thing.happened', data: { marker } });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    // A later committed event is delivered; the relay works in write order, so the rolled-back one would have gone first.
    const later = await transactions.run((manager) =>
      outbox.publish(manager, { type: 'test.thing.happened', data: {} }),
    );
    await waitFor(async () => applied(calls.recorder, later.id) === 1, { what: 'the committed event' });
    const leftovers = await withTestDb(
      async (db) =>
        (await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE data->>'marker' = $1`, [marker])).rows[0].n,
    );
    expect(leftovers).toBe(0);
    await waitFor(async () => applied(calls.everything, later.id) === 1, { what: 'the catch-all subscriber' });
    expect(seen.filter((event) => event.data.marker === marker)).toEqual([]);
  });

  it('delivers an event to every subscriber whose filter matches, and marks it relayed', async () => {
    const [wanted, other] = await transactions.run((manager) =>
      outbox.publish(manager, [
        { type: 'test.thing.happened', data: {} },
        { type: 'test.unrelated.happened', data: {} },
      ]),
    );
    await waitFor(async () => applied(calls.recorder, wanted.id) === 1 && applied(calls.everything, other.id) === 1, {
      what: 'both deliveries',
    });
    expect(applied(calls.everything, wanted.id)).toBe(1);
    expect(applied(calls.recorder, other.id)).toBe(0);
    await waitFor(async () => (await outboxRow(other.id))?.relayed_at, { what: 'relayed_at' });
    const row = await outboxRow(wanted.id);
    expect(row?.relay_attempts).toBe(1);
    expect(row?.last_error).toBeNull();
  });

  it('applies an event once although it is relayed twice and its job is enqueued again', async () => {
    const event = await transactions.run((manager) =>
      outbox.publish(manager, { type: 'test.thing.happened', data: { amount: 1 } }),
    );
    await waitFor(async () => applied(calls.recorder, event.id) === 1 && (await outboxRow(event.id))?.relayed_at, {
      what: 'first delivery',
    });

    // As if the process died after enqueueing but before its commit: the row is relayed again.
    await withTestDb((db) => db.query(`UPDATE outbox_events SET relayed_at = NULL WHERE id = $1`, [event.id]));
    await waitFor(
      async () => (await outboxRow(event.id))?.relay_attempts === 2 && (await outboxRow(event.id))?.relayed_at,
      { what: 'second relay' },
    );
    // The same event under another job id gets past BullMQ's job-id deduplication.
    const queue = app.get(JobQueue).get('events-test-recorder');
    const replay = await queue.add(JobName.DeliverEvent, event, { jobId: `replay-${event.id}` });
    await waitFor(async () => (await replay.getState()) === 'completed', { what: 'replayed job' });
    expect((await queue.getJob(replay.id ?? ''))?.returnvalue).toBe('duplicate');

    expect(applied(calls.recorder, event.id)).toBe(1);
    const markers = await withTestDb(
      async (db) =>
        (await db.query(`SELECT subscriber FROM processed_events WHERE event_id = $1 ORDER BY subscriber`, [event.id]))
          .rows,
    );
    expect(markers).toEqual([{ subscriber: 'test-everything' }, { subscriber: 'test-recorder' }]);
  });

  it('applies an event once when ten workers deliver it at the same moment', async () => {
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'test.thing.happened',
      occurredAt: new Date().toISOString(),
      unitId: null,
      actors: [],
      quantity: null,
      data: {},
    };
    const delivery = app.get(EventDelivery);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => delivery.deliver('test-recorder', event)));
    expect(outcomes.filter((o) => o === 'applied')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(9);
    expect(applied(calls.recorder, event.id)).toBe(1);
  });

  it('rolls back the claim when the handler fails, so that the retry applies the event', async () => {
    const event = await transactions.run((manager) =>
      outbox.publish(manager, { type: 'test.flaky.attempted', data: {} }),
    );
    await waitFor(async () => applied(calls.recorder, event.id) === 2, { what: 'the retry' });
    const markers = await withTestDb(
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM processed_events WHERE subscriber = 'test-recorder' AND event_id = $1`,
            [event.id],
          )
        ).rows[0].n,
    );
    expect(markers).toBe(1);
  });

  it('carries a burst of events to a batch subscriber in one job, applying each event once, and keeps one job per event for the others', async () => {
    const published = await transactions.run((manager) =>
      outbox.publish<Record<string, unknown>>(manager, [
        ...Array.from({ length: 6 }, (_, n) => ({ type: 'test.batch.happened', data: { n } })),
        { type: 'test.thing.happened', data: {} },
      ]),
    );
    const burst = published.slice(0, 6).map((event) => event.id);
    await waitFor(async () => (await batchEffects(burst)).every((n) => n === 1), { what: 'the batch applied' });

    expect(await batchEffects(burst)).toEqual([1, 1, 1, 1, 1, 1]);
    const batcherJobs = await app.get(JobQueue).get('events-test-batcher').getJobs(['completed']);
    const job = batcherJobs.find((j) =>
      (j.data.events as DomainEvent[] | undefined)?.some((event) => event.id === burst[0]),
    );
    expect(job?.name).toBe(JobName.DeliverEvents);
    expect(job?.id).toMatch(/^events-[0-9a-f]{40}$/);
    expect((job?.data.events as DomainEvent[]).map((event) => event.id)).toEqual(burst);
    expect(job?.returnvalue).toEqual({ batched: true, applied: 6, duplicate: 0, ignored: 0, retriedAlone: [] });
    expect(batches).toContain(6);
    const recorderJob = await app.get(JobQueue).get('events-test-recorder').getJob(`event-${published[6].id}`);
    expect(recorderJob?.name).toBe(JobName.DeliverEvent);
  });

  it('applies each event once when the same batch is relayed twice, replayed, and delivered in overlapping batches at the same moment', async () => {
    const published = await transactions.run((manager) =>
      outbox.publish(
        manager,
        [1, 2, 3].map((n) => ({ type: 'test.batch.happened', data: { n } })),
      ),
    );
    const ids = published.map((event) => event.id);
    await waitFor(
      async () => (await batchEffects(ids)).every((n) => n === 1) && (await outboxRow(ids[0]))?.relayed_at,
      { what: 'the first delivery' },
    );

    // As if the relay died before committing: the same rows are relayed again (same job id, ignored by BullMQ).
    await withTestDb((db) => db.query(`UPDATE outbox_events SET relayed_at = NULL WHERE id = ANY($1::uuid[])`, [ids]));
    await waitFor(
      async () => (await outboxRow(ids[2]))?.relay_attempts === 2 && (await outboxRow(ids[2]))?.relayed_at,
      { what: 'the second relay' },
    );
    // The same batch under another job id gets past BullMQ's deduplication.
    const replay = await app
      .get(JobQueue)
      .get('events-test-batcher')
      .add(JobName.DeliverEvents, { events: published }, { jobId: `replay-${ids[0]}` });
    await waitFor(async () => (await replay.getState()) === 'completed', { what: 'the replayed batch' });
    expect(
      (
        await app
          .get(JobQueue)
          .get('events-test-batcher')
          .getJob(replay.id ?? '')
      )?.returnvalue,
    ).toEqual({ batched: true, applied: 0, duplicate: 3, ignored: 0, retriedAlone: [] });

    const [a, b, c, d, e] = Array.from({ length: 5 }, () => batchEvent());
    const delivery = app.get(EventDelivery);
    const reports = await Promise.all([
      delivery.deliverBatch('test-batcher', [a, b, c]),
      delivery.deliverBatch('test-batcher', [e, d, c, b]),
      delivery.deliverBatch('test-batcher', [a, b, c]),
      delivery.deliverBatch('test-batcher', [c, d, e]),
    ]);

    expect(await batchEffects(ids)).toEqual([1, 1, 1]);
    expect(await batchEffects([a, b, c, d, e].map((event) => event.id))).toEqual([1, 1, 1, 1, 1]);
    expect(reports.reduce((sum, report) => sum + report.applied, 0)).toBe(5);
    expect(reports.reduce((sum, report) => sum + report.duplicate, 0)).toBe(13 - 5);
    expect(reports.flatMap((report) => report.failed)).toEqual([]);
    expect(reports.every((report) => report.batched)).toBe(true);
  });

  it('does not let a poison event hold up the rest of its batch: the others are applied and it is retried alone', async () => {
    const published = await transactions.run((manager) =>
      outbox.publish(manager, [
        { type: 'test.batch.happened', data: { n: 1 } },
        { type: 'test.batch.happened', data: { poison: true } },
        { type: 'test.batch.happened', data: { n: 3 } },
      ]),
    );
    const [first, poison, third] = published.map((event) => event.id);
    const queue = app.get(JobQueue).get('events-test-batcher');
    // The poison event's own job has failed at least once (and is waiting for its next attempt).
    await waitFor(async () => ((await queue.getJob(`event-${poison}`))?.attemptsMade ?? 0) >= 1, {
      what: 'the poison event retried alone',
    });

    expect(await batchEffects([first, poison, third])).toEqual([1, 0, 1]);
    const batchJob = (await queue.getJobs(['completed'])).find((job) =>
      (job.data.events as DomainEvent[] | undefined)?.some((event) => event.id === poison),
    );
    expect(batchJob?.returnvalue).toEqual({
      batched: false,
      applied: 2,
      duplicate: 0,
      ignored: 0,
      retriedAlone: [poison],
    });
    const alone = await queue.getJob(`event-${poison}`);
    expect(alone?.name).toBe(JobName.DeliverEvent);
    expect(alone?.failedReason).toBe('poison event');
    const markers = await withTestDb(
      async (db) =>
        (
          await db.query(
            `SELECT event_id FROM processed_events WHERE subscriber = 'test-batcher' AND event_id = ANY($1::uuid[])`,
            [[first, poison, third]],
          )
        ).rows,
    );
    expect(markers.map((row) => row.event_id).sort()).toEqual([first, third].sort());
  });

  it('reports relayed events and the backlog in /metrics', async () => {
    await waitFor(async () => (await app.get(OutboxRelay).relayOnce()) === 0, { what: 'an empty outbox' });
    const text = await app.get(MetricsRegistry).render();
    expect(text).toMatch(/linli_outbox_events_relayed_total \d+/);
    expect(text).toMatch(/linli_outbox_backlog 0/);
    expect(text).toMatch(/linli_events_handled_total\{subscriber="test-recorder",outcome="duplicate"\} \d+/);
  });

  it('deletes relayed events and notification requests after 7 days and processed markers after 30 days', async () => {
    await resetState();
    const [oldRelayed, recentRelayed, oldUnrelayed] = [randomUUID(), randomUUID(), randomUUID()];
    await withTestDb(async (db) => {
      await db.query(
        `INSERT INTO outbox_events (id, type, occurred_at, data, relayed_at) VALUES
           ($1, 'test.old.happened', '2026-10-01T00:00:00Z', '{}', '2026-11-14T15:59:00Z'),
           ($2, 'test.old.happened', '2026-10-01T00:00:00Z', '{}', '2026-11-14T16:01:00Z'),
           ($3, 'test.old.happened', '2026-10-01T00:00:00Z', '{}', NULL)`,
        [oldRelayed, recentRelayed, oldUnrelayed],
      );
      await db.query(
        `INSERT INTO processed_events (subscriber, event_id, processed_at) VALUES ('a', $1, '2026-10-22T15:00:00Z'), ('a', $2, '2026-10-22T17:00:00Z')`,
        [oldRelayed, recentRelayed],
      );
      await db.query(
        `INSERT INTO notification_requests (dedupe_key, job, relayed_at) VALUES
           ('test.old:1', '{"dedupeKey":"test.old:1"}', '2026-11-14T15:59:00Z'),
           ('test.old:2', '{"dedupeKey":"test.old:2"}', '2026-11-14T16:01:00Z')`,
      );
    });
    // The running relay may relay the unrelayed row meanwhile; it is recent then, and kept either way.
    const report = await app.get(JobRunner).run({ schedule: 'outbox.cleanup', period: '2026-11-22' });
    // The day 2026-11-22 starts at 2026-11-21T16:00Z in Beijing: 7 days before is 2026-11-14T16:00Z, 30 days 2026-10-22T16:00Z.
    expect(report.run.status).toBe('succeeded');
    expect(report.run.result).toEqual({
      outboxEventsDeleted: 1,
      processedEventsDeleted: 1,
      notificationRequestsDeleted: 1,
    });
    const left = await withTestDb(
      async (db) =>
        (
          await db.query(`SELECT id FROM outbox_events WHERE id = ANY($1::uuid[])`, [
            [oldRelayed, recentRelayed, oldUnrelayed],
          ])
        ).rows,
    );
    expect(left.map((r) => r.id).sort()).toEqual([recentRelayed, oldUnrelayed].sort());
    const requestsLeft = await withTestDb(
      async (db) => (await db.query(`SELECT dedupe_key FROM notification_requests`)).rows,
    );
    expect(requestsLeft).toEqual([{ dedupe_key: 'test.old:2' }]);
  });
});

describe('outbox relay without subscribers', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    app = await bootScheduler({ env: { LINLI_MODULES: '' } });
  });
  afterAll(() => app.close());

  it('marks events relayed even when no subscriber wants them', async () => {
    const event = await app
      .get(TransactionRunner)
      .run((manager) => app.get(Outbox).publish(manager, { type: 'test.nobody.listened', data: {} }));
    await waitFor(async () => (await outboxRow(event.id))?.relayed_at, { what: 'relayed_at' });
  });
});
