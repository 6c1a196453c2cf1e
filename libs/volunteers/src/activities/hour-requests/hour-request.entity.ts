import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../profiles/numeric.transformer';

export type HourRequestStatus = 'pending' | 'approved' | 'rejected';

/** Self-reported off-site service hours, counted only once a secretary approves them. */
@Entity('volunteer_hour_requests')
export class HourRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the unit's path (declared in `activitiesSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ name: 'service_date', type: 'date' })
  serviceDate: string;

  @Column({ type: 'numeric', precision: 5, scale: 2, transformer: numericTransformer })
  hours: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: HourRequestStatus;

  @Column({
    name: 'approved_hours',
    type: 'numeric',
    precision: 5,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  approvedHours: number | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason: string | null;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
