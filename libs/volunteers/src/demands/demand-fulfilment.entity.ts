import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { FulfilmentStatus } from './demand-kind';

/** One fulfilment attempt of a claim; its id is the `wishId` of the events, so each attempt earns or is voided on its own. */
@Entity('volunteer_demand_fulfilments')
export class DemandFulfilmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @Column({ name: 'claim_id', type: 'uuid' })
  claimId: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: FulfilmentStatus;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The user who reported the attempt (the claimant, or staff for them); null for attempts before it was recorded. */
  @Column({ name: 'fulfilled_by_user_id', type: 'uuid', nullable: true })
  fulfilledByUserId: string | null;

  @Column({ name: 'fulfilled_at', type: 'timestamptz' })
  fulfilledAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
