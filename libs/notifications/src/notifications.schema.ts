import { SchemaPart } from '@linli/platform';
import { NotificationDelivery } from './delivery/notification-delivery.entity';
import { Notification } from './inbox/notification.entity';
import { CreateNotifications1795320200000 } from './migrations/1795320200000-CreateNotifications';

export const notificationsSchema: SchemaPart = {
  tables: ['notifications', 'notification_deliveries'],
  entities: [Notification, NotificationDelivery],
  migrations: [CreateNotifications1795320200000],
};
