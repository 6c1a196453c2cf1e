import { EntityManager } from 'typeorm';
import { DomainEvent } from '../messaging/domain-event';

/**
 * What an `@EventSubscriber` class implements. `handle` runs inside the transaction that records the
 * event as processed for this subscriber: write through `manager` so that the effect and the marker
 * commit together. Throwing rolls both back and the event is retried.
 *
 * `handleBatch` (optional) applies several events in one transaction that has claimed exactly these
 * events (each one new to this subscriber, in write order). It must leave the same effects as
 * `handle` on each event in turn. If it throws, the kernel rolls the whole batch back and delivers
 * the events one by one through `handle`, so that one failing event cannot hold up the others.
 */
export interface DomainEventHandler {
  handle(event: DomainEvent, manager: EntityManager): Promise<void>;
  handleBatch?(events: DomainEvent[], manager: EntityManager): Promise<void>;
}
