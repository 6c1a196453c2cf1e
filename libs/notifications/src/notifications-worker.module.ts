import { Module } from '@nestjs/common';
import { InboxChannel } from './channels/inbox.channel';
import { NOTIFICATION_CHANNELS, NotificationChannel } from './channels/notification-channel';
import { WebhookChannel } from './channels/webhook.channel';
import { NotificationDeliveries } from './delivery/notification-deliveries.service';
import { SendNotificationJobHandler } from './delivery/send-notification.job';
import { SendNotification } from './delivery/usecases/send-notification.usecase';
import { NotificationsModule } from './notifications.module';

/**
 * Consumes the `notifications` queue; mounted by the notifier (next to the kernel's JobWorkersModule).
 * A new channel (SMS, WeChat) is one more provider in the `NOTIFICATION_CHANNELS` factory.
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    InboxChannel,
    WebhookChannel,
    {
      provide: NOTIFICATION_CHANNELS,
      inject: [InboxChannel, WebhookChannel],
      useFactory: (inbox: InboxChannel, webhook: WebhookChannel): NotificationChannel[] => [
        inbox,
        ...(webhook.enabled ? [webhook] : []),
      ],
    },
    NotificationDeliveries,
    SendNotification,
    SendNotificationJobHandler,
  ],
})
export class NotificationsWorkerModule {}
