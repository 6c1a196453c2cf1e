import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationRecipient } from '@linli/platform';
import { QueryDeepPartialEntity, Repository } from 'typeorm';
import { Notification } from '../inbox/notification.entity';
import { RenderedNotification } from '../templates/notification-template';
import { ChannelName } from './channel-name';
import { NotificationChannel } from './notification-channel';

/**
 * Stores the notification for `GET /me/notifications`. Idempotent on its own: the table is unique
 * on (dedupe key, recipient), so a replay after a crash between insert and bookkeeping adds nothing.
 */
@Injectable()
export class InboxChannel implements NotificationChannel {
  readonly name = ChannelName.Inbox;

  constructor(@InjectRepository(Notification) private readonly notifications: Repository<Notification>) {}

  async deliver(rendered: RenderedNotification, recipient: NotificationRecipient): Promise<void> {
    const row: Omit<Notification, 'id'> = {
      recipientUserId: recipient.userId ?? null,
      recipientPersonId: recipient.personId ?? null,
      templateKey: rendered.templateKey,
      title: rendered.title,
      body: rendered.body,
      data: rendered.data,
      dedupeKey: rendered.dedupeKey,
      createdAt: rendered.createdAt,
      readAt: null,
    };
    // TypeORM's insert typing cannot express an arbitrary jsonb object; the row is a checked entity shape.
    await this.notifications
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values(row as QueryDeepPartialEntity<Notification>)
      .orIgnore()
      .execute();
  }
}
