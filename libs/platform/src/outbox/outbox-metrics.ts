import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { MetricsRegistry } from '../ops/metrics-registry';

export type DeliveryOutcome = 'applied' | 'duplicate' | 'ignored' | 'failed';

/** Outbox, notification relay and subscriber metrics for `/metrics`; the backlog gauges are read from PostgreSQL at scrape time. */
@Injectable()
export class OutboxMetrics {
  readonly relayed: Counter;
  readonly relayFailures: Counter;
  readonly notificationsRelayed: Counter;
  readonly notificationRelayFailures: Counter;
  private readonly handled: Counter<'subscriber' | 'outcome'>;

  constructor(metrics: MetricsRegistry, dataSource: DataSource) {
    this.relayed = metrics.counter('linli_outbox_events_relayed_total', 'Outbox events moved to subscriber queues', []);
    this.relayFailures = metrics.counter(
      'linli_outbox_relay_failures_total',
      'Relay batches that could not be enqueued (rows stay unrelayed)',
      [],
    );
    this.notificationsRelayed = metrics.counter(
      'linli_notification_requests_relayed_total',
      'Notification requests moved to the notifications queue',
      [],
    );
    this.notificationRelayFailures = metrics.counter(
      'linli_notification_relay_failures_total',
      'Notification request batches that could not be queued (rows stay unrelayed)',
      [],
    );
    this.handled = metrics.counter('linli_events_handled_total', 'Events handled by subscribers, by outcome', [
      'subscriber',
      'outcome',
    ]);
    metrics.gauge('linli_outbox_backlog', 'Committed outbox events not yet relayed', [], async function collect() {
      const [row] = await dataSource.query<{ backlog: number }[]>(
        `SELECT count(*)::int AS backlog FROM outbox_events WHERE relayed_at IS NULL`,
      );
      this.set(row?.backlog ?? 0);
    });
    metrics.gauge(
      'linli_outbox_oldest_unrelayed_age_seconds',
      'Age of the oldest unrelayed outbox event (0 when none)',
      [],
      async function collect() {
        const [row] = await dataSource.query<{ age: number | null }[]>(
          `SELECT extract(epoch FROM now() - min(created_at))::float8 AS age FROM outbox_events WHERE relayed_at IS NULL`,
        );
        this.set(row?.age ?? 0);
      },
    );
    metrics.gauge(
      'linli_notification_requests_backlog',
      'Committed notification requests not yet queued',
      [],
      async function collect() {
        const [row] = await dataSource.query<{ backlog: number }[]>(
          `SELECT count(*)::int AS backlog FROM notification_requests WHERE relayed_at IS NULL`,
        );
        this.set(row?.backlog ?? 0);
      },
    );
  }

  handledEvent(subscriber: string, outcome: DeliveryOutcome, count = 1): void {
    if (count > 0) this.handled.inc({ subscriber, outcome }, count);
  }
}
