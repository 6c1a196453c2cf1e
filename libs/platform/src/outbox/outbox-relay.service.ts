import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { LinliConfig } from '../config/linli-config';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent, EventActor } from '../messaging/domain-event';
import { JobQueue } from '../messaging/job-queue.service';
import { MAX_EVENT_BATCH_SIZE } from './event-subscriber.options';
import { EventSubscriberRegistry, subscriberAccepts } from './event-subscriber.registry';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelayError } from './outbox-relay.error';
import { OutboxRelayOptions } from './outbox-relay.options';
import { RelayLoop, withTimeout } from './relay-loop';

interface OutboxRow {
  id: string;
  type: string;
  occurred_at: Date;
  unit_id: string | null;
  actors: EventActor[];
  quantity: string | null;
  data: Record<string, unknown>;
}

function toDomainEvent(row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
    unitId: row.unit_id,
    actors: row.actors,
    quantity: row.quantity === null ? null : Number(row.quantity),
    data: row.data,
  };
}

/**
 * Moves committed outbox events to the queue of every subscriber whose filter matches (one job per
 * `batchSize` events of that subscriber, see `JobQueue.deliverEvents`), then marks them relayed, all inside one transaction that holds the batch with
 * `FOR UPDATE SKIP LOCKED`: two schedulers never relay one row at the same time, and when Redis is
 * away the rows stay unrelayed (the attempt and error are recorded) and are retried with backoff.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly BATCH_SIZE = MAX_EVENT_BATCH_SIZE;
  /** A hung Redis must not hold the batch's row locks forever. */
  static readonly ENQUEUE_TIMEOUT_MS = 5_000;

  private readonly logger = new Logger(OutboxRelay.name);
  private loop: RelayLoop | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobQueue: JobQueue,
    private readonly registry: EventSubscriberRegistry,
    private readonly clock: Clock,
    private readonly config: LinliConfig,
    private readonly metrics: OutboxMetrics,
    @Optional() private readonly options: OutboxRelayOptions = new OutboxRelayOptions(),
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.background) return;
    this.loop = new RelayLoop({
      relayOnce: () => this.relayOnce(),
      batchSize: OutboxRelay.BATCH_SIZE,
      pollMs: this.config.outboxPollMs,
      logger: this.logger,
      name: 'outbox relay',
      pending: 'events stay in the outbox',
    });
    this.loop.start();
  }

  /** Stops polling and waits for the batch in flight (before the database and queues close). */
  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Relays one batch; returns how many events it moved (0 when there was nothing to relay). */
  async relayOnce(): Promise<number> {
    const outcome = await this.transactions.run(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, type, occurred_at, unit_id, actors, quantity, data
           FROM outbox_events
          WHERE relayed_at IS NULL
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [OutboxRelay.BATCH_SIZE],
      );
      if (rows.length === 0) return { relayed: 0 };
      const events = rows.map(toDomainEvent);
      const ids = events.map((e) => e.id);
      try {
        await withTimeout(this.enqueue(events), OutboxRelay.ENQUEUE_TIMEOUT_MS, 'Redis');
      } catch (error) {
        // Nothing is marked relayed; only the failed attempt is recorded, for operators.
        await manager.query(
          `UPDATE outbox_events SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
          [ids, String((error as Error)?.message ?? error).slice(0, 2000)],
        );
        return { relayed: 0, failure: new OutboxRelayError(events.length, error) };
      }
      await manager.query(
        `UPDATE outbox_events SET relayed_at = $2, relay_attempts = relay_attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
        [ids, this.clock.now()],
      );
      return { relayed: events.length };
    });
    if (outcome.failure) {
      this.metrics.relayFailures.inc();
      throw outcome.failure;
    }
    this.metrics.relayed.inc(outcome.relayed);
    return outcome.relayed;
  }

  private async enqueue(events: DomainEvent[]): Promise<void> {
    await Promise.all(
      this.registry.all().map((subscriber) =>
        this.jobQueue.deliverEvents(
          subscriber.name,
          events.filter((event) => subscriberAccepts(subscriber, event.type)),
          subscriber.batchSize,
        ),
      ),
    );
  }
}
