import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SendNotificationJob } from '../messaging/job-names';

/**
 * One notification requested in a domain transaction (`NotificationOutbox.request`), queued to the
 * `notifications` queue by the relay once committed. Unique on the dedupe key: one row per notification.
 */
@Entity({ name: 'notification_requests' })
export class NotificationRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Write order; the relay takes unrelayed rows by it. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  /** The `send-notification` payload, exactly as the notifier will receive it. */
  @Column({ type: 'jsonb' })
  job: SendNotificationJob;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ name: 'relay_attempts', type: 'integer' })
  relayAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
