import { Global, Module } from '@nestjs/common';
import { Outbox } from './outbox.service';
import { ProcessedEvents } from './processed-events.service';

/** Publishing domain events in the caller's transaction, and the idempotency key; every app. */
@Global()
@Module({ providers: [Outbox, ProcessedEvents], exports: [Outbox, ProcessedEvents] })
export class OutboxModule {}
