import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { DomainEvent } from '../messaging/domain-event';
import { EventSubscriberRegistry, subscriberAccepts } from './event-subscriber.registry';
import { DeliveryOutcome, OutboxMetrics } from './outbox-metrics';
import { ProcessedEvents } from './processed-events.service';

/**
 * Applies one event for one subscriber at most once: a transaction first claims
 * (subscriber, event id) in `processed_events`, then runs the handler with the same manager. A
 * redelivered event (a replayed job, a second relay, two workers at once) finds the claim and is
 * skipped; a failing handler rolls the claim back so that the retry applies it.
 */
@Injectable()
export class EventDelivery {
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
}
