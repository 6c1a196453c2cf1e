import { SchemaPart } from '../database/schema-part';
import { CreateOutboxEvents1795320100000 } from './migrations/1795320100000-CreateOutboxEvents';
import { CreateProcessedEvents1795320100001 } from './migrations/1795320100001-CreateProcessedEvents';
import { CreateNotificationRequests1795360600000 } from './migrations/1795360600000-CreateNotificationRequests';
import { NotificationRequestEntity } from './notification-request.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ProcessedEventEntity } from './processed-event.entity';

export const outboxSchema: SchemaPart = {
  tables: ['outbox_events', 'processed_events', 'notification_requests'],
  entities: [OutboxEventEntity, ProcessedEventEntity, NotificationRequestEntity],
  migrations: [
    CreateOutboxEvents1795320100000,
    CreateProcessedEvents1795320100001,
    CreateNotificationRequests1795360600000,
  ],
};
