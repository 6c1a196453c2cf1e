import { Global, Module } from '@nestjs/common';

/** Publishing domain events in the caller's transaction; every app. */
@Global()
@Module({})
export class OutboxModule {}

/** The relay that moves committed events to subscriber queues; the scheduler only. */
@Module({})
export class OutboxRelayModule {}
