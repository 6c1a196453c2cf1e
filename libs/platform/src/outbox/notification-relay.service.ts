import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { LinliConfig } from '../config/linli-config';
import { TransactionRunner } from '../database/transaction-runner';
import { SendNotificationJob } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { NotificationRelayError } from './notification-relay.error';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelayOptions } from './outbox-relay.options';
import { RelayLoop, withTimeout } from './relay-loop';

/**
 * Moves committed notification requests (`NotificationOutbox.request`) to the `notifications`
 * queue (`JobQueue.notifyMany`: job id from the dedupe key, so rows relayed again after a crash
 * queue nothing twice), then marks them relayed, inside one transaction that holds the batch with
 * `FOR UPDATE SKIP LOCKED`. When Redis is away the rows stay unrelayed (attempt and error recorded)
 * and are retried with the outbox relay's backoff. Runs in the scheduler, next to the outbox relay.
 */
@Injectable()
export class NotificationRelay implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly BATCH_SIZE = 500;
  static readonly ENQUEUE_TIMEOUT_MS = 5_000;

  private readonly logger = new Logger(NotificationRelay.name);
  private loop: RelayLoop | undefined;

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobQueue: JobQueue,
    private readonly clock: Clock,
    private readonly config: LinliConfig,
    private readonly metrics: OutboxMetrics,
    @Optional() private readonly options: OutboxRelayOptions = new OutboxRelayOptions(),
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.background) return;
    this.loop = new RelayLoop({
      relayOnce: () => this.relayOnce(),
      batchSize: NotificationRelay.BATCH_SIZE,
      pollMs: this.config.outboxPollMs,
      logger: this.logger,
      name: 'notification relay',
      pending: 'notification requests stay in notification_requests',
    });
    this.loop.start();
  }

  /** Stops polling and waits for the batch in flight (before the database and queues close). */
  async onModuleDestroy(): Promise<void> {
    await this.loop?.stop();
  }

  /** Queues one batch; returns how many notifications it moved (0 when there was nothing to relay). */
  async relayOnce(): Promise<number> {
    const outcome = await this.transactions.run(async (manager) => {
      const rows: { id: string; job: SendNotificationJob }[] = await manager.query(
        `SELECT id, job
           FROM notification_requests
          WHERE relayed_at IS NULL
          ORDER BY seq
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [NotificationRelay.BATCH_SIZE],
      );
      if (rows.length === 0) return { relayed: 0 };
      const ids = rows.map((row) => row.id);
      try {
        await withTimeout(
          this.jobQueue.notifyMany(rows.map((row) => row.job)),
          NotificationRelay.ENQUEUE_TIMEOUT_MS,
          'Redis',
        );
      } catch (error) {
        // Nothing is marked relayed; only the failed attempt is recorded, for operators.
        await manager.query(
          `UPDATE notification_requests SET relay_attempts = relay_attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`,
          [ids, String((error as Error)?.message ?? error).slice(0, 2000)],
        );
        return { relayed: 0, failure: new NotificationRelayError(rows.length, error) };
      }
      await manager.query(
        `UPDATE notification_requests SET relayed_at = $2, relay_attempts = relay_attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`,
        [ids, this.clock.now()],
      );
      return { relayed: rows.length };
    });
    if (outcome.failure) {
      this.metrics.notificationRelayFailures.inc();
      throw outcome.failure;
    }
    this.metrics.notificationsRelayed.inc(outcome.relayed);
    return outcome.relayed;
  }
}
