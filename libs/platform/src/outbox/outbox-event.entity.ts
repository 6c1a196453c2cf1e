import { Column, Entity, PrimaryColumn } from 'typeorm';
import { EventActor } from '../messaging/domain-event';

/** One published domain event, written in the publisher's transaction and moved to BullMQ by the relay. */
@Entity({ name: 'outbox_events' })
export class OutboxEventEntity {
  /** The event id. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Write order; the relay takes unrelayed rows by it. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'varchar', length: 120 })
  type: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @Column({ type: 'jsonb' })
  actors: EventActor[];

  /** `numeric` comes back from PostgreSQL as a string. */
  @Column({ type: 'numeric', nullable: true })
  quantity: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt: Date | null;

  @Column({ name: 'relay_attempts', type: 'integer' })
  relayAttempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
