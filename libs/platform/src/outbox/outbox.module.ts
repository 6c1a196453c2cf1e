import { Global, Module } from '@nestjs/common';
import { NotificationOutbox } from './notification-outbox.service';
import { Outbox } from './outbox.service';
import { ProcessedEvents } from './processed-events.service';

/** Publishing domain events and requesting notifications in the caller's transaction, and the idempotency key; every app. */
@Global()
@Module({
  providers: [Outbox, NotificationOutbox, ProcessedEvents],
  exports: [Outbox, NotificationOutbox, ProcessedEvents],
})
export class OutboxModule {}
