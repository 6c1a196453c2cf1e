import { DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventDelivery } from './event-delivery.service';
import { EventSubscriberHost } from './event-subscriber-host';
import { EventSubscriberRegistry } from './event-subscriber.registry';
import { NotificationRelay } from './notification-relay.service';
import { OutboxCleanupJob } from './outbox-cleanup.job';
import { OutboxMetrics } from './outbox-metrics';
import { OutboxRelayOptions } from './outbox-relay.options';
import { OutboxRelay } from './outbox-relay.service';

/**
 * The scheduler's side of events: the relay that moves committed events to subscriber queues, the
 * relay that queues committed notification requests, the workers that run the `@EventSubscriber`s, and the daily outbox clean-up schedule.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    EventSubscriberRegistry,
    EventDelivery,
    EventSubscriberHost,
    OutboxMetrics,
    OutboxRelay,
    NotificationRelay,
    OutboxCleanupJob,
  ],
  exports: [OutboxRelay, NotificationRelay, EventDelivery, EventSubscriberRegistry],
})
export class OutboxRelayModule {
  /** `background: false` (the CLI) provides the services without polling the outbox or consuming queues. */
  static forRoot(options: { background: boolean }): DynamicModule {
    return {
      module: OutboxRelayModule,
      providers: [{ provide: OutboxRelayOptions, useValue: new OutboxRelayOptions(options.background) }],
    };
  }
}
