import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { EventSubscriberOptions, validateEventSubscriberOptions } from './event-subscriber.options';

export const EVENT_SUBSCRIBER = 'linli:event-subscriber';

/**
 * Declares a provider (implementing `DomainEventHandler`) as the subscriber `name`: the outbox relay
 * routes matching events to its queue `events-<name>` and the scheduler runs its handler once per
 * event. Register the class as a provider of the domain's jobs module.
 *
 * @example
 * @EventSubscriber({ name: 'points', types: '*' })
 * export class PointsEventsSubscriber implements DomainEventHandler {
 *   async handle(event: DomainEvent, manager: EntityManager): Promise<void> { … }
 * }
 */
export function EventSubscriber(options: EventSubscriberOptions): ClassDecorator {
  validateEventSubscriberOptions(options);
  return applyDecorators(Injectable(), SetMetadata(EVENT_SUBSCRIBER, { ...options }));
}
