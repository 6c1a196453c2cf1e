import { EntityManager } from 'typeorm';
import { DomainEvent } from '../messaging/domain-event';

/**
 * What an `@EventSubscriber` class implements. `handle` runs inside the transaction that records the
 * event as processed for this subscriber: write through `manager` so that the effect and the marker
 * commit together. Throwing rolls both back and the event is retried.
 */
export interface DomainEventHandler {
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
}
