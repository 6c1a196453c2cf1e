import { Injectable, Logger } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../messaging/domain-event';
import { EventSubscriberRegistry, RegisteredSubscriber, subscriberAccepts } from './event-subscriber.registry';
import { DeliveryOutcome, OutboxMetrics } from './outbox-metrics';
import { ProcessedEvents } from './processed-events.service';

/** What delivering a batch of events did. */
export interface BatchDeliveryReport {
  /** Whether the events went through the subscriber's `handleBatch` in one transaction (false: one by one). */
  batched: boolean;
  applied: number;
  duplicate: number;
  ignored: number;
  /** Events whose own transaction failed (after the batch fell back to one transaction per event). */
  failed: { event: DomainEvent; error: unknown }[];
}

/**
 * Applies events for one subscriber at most once: a transaction first claims (subscriber, event id)
 * in `processed_events`, then runs the handler with the same manager. A redelivered event (a
 * replayed job, a second relay, two workers at once) finds the claim and is skipped; a failing
 * handler rolls the claim back so that the retry applies it.
 */
@Injectable()
export class EventDelivery {
  private readonly logger = new Logger(EventDelivery.name);

  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly transactions: TransactionRunner,
    private readonly processed: ProcessedEvents,
    private readonly metrics: OutboxMetrics,
  ) {}

  async deliver(subscriberName: string, event: DomainEvent): Promise<Exclude<DeliveryOutcome, 'failed'>> {
    const subscriber = this.registry.get(subscriberName);
    // The subscription may have narrowed since the relay routed this event.
    if (!subscriberAccepts(subscriber, event.type)) {
      this.metrics.handledEvent(subscriber.name, 'ignored');
      return 'ignored';
    }
    try {
      const outcome = await this.transactions.run(async (manager) => {
        if (!(await this.processed.claim(manager, subscriber.name, event.id))) return 'duplicate' as const;
        await subscriber.handler.handle(event, manager);
        return 'applied' as const;
      });
      this.metrics.handledEvent(subscriber.name, outcome);
      return outcome;
    } catch (error) {
      this.metrics.handledEvent(subscriber.name, 'failed');
      throw error;
    }
  }

  /**
   * Applies several events. A subscriber with `handleBatch` gets them in one transaction that
   * claims them all with one statement and hands it only the events it had not seen. If that
   * transaction fails, or the subscriber has no `handleBatch`, each event goes through `deliver` in
   * its own transaction, in order; the events that fail there are reported (never thrown), so that
   * one poison event does not hold the others back.
   */
  async deliverBatch(subscriberName: string, events: DomainEvent[]): Promise<BatchDeliveryReport> {
    const subscriber = this.registry.get(subscriberName);
    const report: BatchDeliveryReport = { batched: false, applied: 0, duplicate: 0, ignored: 0, failed: [] };
    const accepted: DomainEvent[] = [];
    for (const event of new Map(events.map((e) => [e.id, e])).values()) {
      if (subscriberAccepts(subscriber, event.type)) accepted.push(event);
      else report.ignored += 1;
    }
    this.metrics.handledEvent(subscriber.name, 'ignored', report.ignored);
    if (accepted.length > 1 && subscriber.handler.handleBatch) {
      const applied = await this.applyBatch(subscriber, accepted);
      if (applied !== null) {
        report.batched = true;
        this.count(subscriber, report, 'applied', applied);
        this.count(subscriber, report, 'duplicate', accepted.length - applied);
        return report;
      }
    }
    for (const event of accepted) {
      try {
        report[await this.deliver(subscriber.name, event)] += 1;
      } catch (error) {
        report.failed.push({ event, error });
      }
    }
    return report;
  }

  /** How many events the batch transaction applied, or null when it failed and rolled back. */
  private async applyBatch(subscriber: RegisteredSubscriber, events: DomainEvent[]): Promise<number | null> {
    const handleBatch = subscriber.handler.handleBatch?.bind(subscriber.handler);
    if (!handleBatch) return null;
    try {
      return await this.transactions.run(async (manager) => {
        const claimed = await this.processed.claimMany(
          manager,
          subscriber.name,
          events.map((event) => event.id),
        );
        const fresh = events.filter((event) => claimed.has(event.id));
        if (fresh.length > 0) await handleBatch(fresh, manager);
        return fresh.length;
      });
    } catch (error) {
      this.logger.warn(
        { subscriber: subscriber.name, events: events.length, err: error },
        'batch of events failed; delivering them one by one',
      );
      return null;
    }
  }

  private count(
    subscriber: RegisteredSubscriber,
    report: BatchDeliveryReport,
    outcome: 'applied' | 'duplicate',
    n: number,
  ): void {
    report[outcome] += n;
    this.metrics.handledEvent(subscriber.name, outcome, n);
  }
}
