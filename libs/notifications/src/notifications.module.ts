import { Module } from '@nestjs/common';

/** Templates, channels, delivery records (placeholder until the notifications work lands). */
@Module({})
export class NotificationsModule {}

/** Inbox endpoints; mounted by the api. */
@Module({})
export class NotificationsHttpModule {}

/** Consumes the notifications queue; mounted by the notifier. */
@Module({})
export class NotificationsWorkerModule {}
