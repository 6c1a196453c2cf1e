import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type PendingResolution = 'confirmed' | 'rejected';

/**
 * A confirming or voiding event, by the key it resolves (`volunteers.wish.confirmed/wishId=…`). Kept
 * so that pending points earned by an event delivered after it (deliveries may be reordered) are
 * resolved on arrival.
 */
@Entity('point_pending_resolutions')
export class PointPendingResolutionEntity {
  @PrimaryColumn({ name: 'resolution_key', type: 'varchar', length: 300 })
  resolutionKey: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'varchar' })
  resolution: PendingResolution;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
