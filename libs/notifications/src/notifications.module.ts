import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationDelivery } from './delivery/notification-delivery.entity';
import { Notification } from './inbox/notification.entity';
import { NotificationTemplateSource } from './templates/notification-template-source';
import { RegisteredNotificationTemplates } from './templates/registered-notification-templates';

/** The notification domain (every app): its tables and the template lookup. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationDelivery])],
  providers: [{ provide: NotificationTemplateSource, useClass: RegisteredNotificationTemplates }],
  exports: [TypeOrmModule, NotificationTemplateSource],
})
export class NotificationsModule {}
