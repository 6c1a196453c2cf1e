import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Marks that a subscriber applied an event; its primary key is what makes redelivery harmless. */
@Entity({ name: 'processed_events' })
export class ProcessedEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  subscriber: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}
