import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { DeliveryStatus } from './delivery-status';
import { NotificationDelivery } from './notification-delivery.entity';
import { SendNotificationCommand } from './usecases/send-notification.command';

const MAX_ERROR_LENGTH = 2000;

/** What `claim` found when it could not take a delivery. */
export type ClaimRefusal = 'already-sent' | 'in-flight';

/**
 * Delivery records: one row per (dedupe key, channel). Attempts are claimed with one conditional
 * UPDATE, so two workers holding duplicates of a job never deliver on one channel at once, and no
 * database connection is held while a channel talks to the outside world.
 */
@Injectable()
export class NotificationDeliveries {
  constructor(@InjectRepository(NotificationDelivery) private readonly deliveries: Repository<NotificationDelivery>) {}

  /** Creates the missing records (status pending) and returns every record of these channels. */
  async ensure(command: SendNotificationCommand, channels: string[], now: Date): Promise<NotificationDelivery[]> {
    if (channels.length === 0) return [];
    await this.deliveries
      .createQueryBuilder()
      .insert()
      .into(NotificationDelivery)
      .values(
        channels.map((channel) => ({
          dedupeKey: command.dedupeKey,
          channel,
          recipientUserId: command.recipient.userId ?? null,
          recipientPersonId: command.recipient.personId ?? null,
          templateKey: command.templateKey,
          status: DeliveryStatus.Pending,
          attempts: 0,
          createdAt: now,
        })),
      )
      .orIgnore()
      .execute();
    return this.deliveries.findBy({ dedupeKey: command.dedupeKey, channel: In(channels) });
  }

  /**
   * Takes one attempt: counts it and marks the record in flight, unless it was already sent or
   * another worker's attempt is still within its lease (`inFlightSince` is the oldest attempt start
   * still considered running).
   */
  async claim(id: string, now: Date, inFlightSince: Date): Promise<NotificationDelivery | ClaimRefusal> {
    const result = await this.deliveries
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({ status: DeliveryStatus.Pending, attempts: () => 'attempts + 1', lastAttemptAt: now })
      .where('id = :id', { id })
      .andWhere('status <> :sent', { sent: DeliveryStatus.Sent })
      .andWhere('NOT (status = :pending AND last_attempt_at IS NOT NULL AND last_attempt_at > :inFlightSince)', {
        pending: DeliveryStatus.Pending,
        inFlightSince,
      })
      .returning(['id'])
      .execute();
    const claimed = (result.raw as { id: string }[]).length > 0;
    const record = await this.deliveries.findOneByOrFail({ id });
    if (claimed) return record;
    return record.status === DeliveryStatus.Sent ? 'already-sent' : 'in-flight';
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.deliveries.update({ id }, { status: DeliveryStatus.Sent, deliveredAt: now, lastError: null });
  }

  /** Records a failed attempt: `failed` while retries remain, `dead` after the final one. */
  async markFailed(id: string, error: string, final: boolean): Promise<void> {
    await this.deliveries.update(
      { id },
      { status: final ? DeliveryStatus.Dead : DeliveryStatus.Failed, lastError: error.slice(0, MAX_ERROR_LENGTH) },
    );
  }

  /** A failure no retry can cure (bad template, channel not enabled): every unsent record of these channels is dead. */
  async markDead(dedupeKey: string, channels: string[], error: string, now: Date): Promise<void> {
    if (channels.length === 0) return;
    await this.deliveries
      .createQueryBuilder()
      .update(NotificationDelivery)
      .set({
        status: DeliveryStatus.Dead,
        attempts: () => 'attempts + 1',
        lastAttemptAt: now,
        lastError: error.slice(0, MAX_ERROR_LENGTH),
      })
      .where('dedupe_key = :dedupeKey', { dedupeKey })
      .andWhere('channel IN (:...channels)', { channels })
      .andWhere('status <> :sent', { sent: DeliveryStatus.Sent })
      .execute();
  }
}
