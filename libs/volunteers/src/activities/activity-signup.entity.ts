import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../profiles/numeric.transformer';
import { SignupStatus } from './activity-kind';

/** A person's place at an activity (confirmed, waitlisted or cancelled) and their attendance. */
@Entity('volunteer_activity_signups')
export class ActivitySignupEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'varchar', length: 16 })
  status: SignupStatus;

  /** Order of the queue: the waitlist is promoted by it (renewed when someone signs up again). */
  @Column({ name: 'queue_seq', type: 'bigint', insert: false, update: false })
  queueSeq: string;

  @Column({ name: 'signed_up_at', type: 'timestamptz' })
  signedUpAt: Date;

  @Column({ name: 'signed_up_by', type: 'uuid', nullable: true })
  signedUpBy: string | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  /** Verified hours (computed, or set by the verifier with a reason). */
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericTransformer })
  hours: number | null;

  /** What check-in and check-out gave, kept when the verifier set other hours. */
  @Column({
    name: 'computed_hours',
    type: 'numeric',
    precision: 6,
    scale: 2,
    nullable: true,
    transformer: numericTransformer,
  })
  computedHours: number | null;

  @Column({ name: 'hours_reason', type: 'text', nullable: true })
  hoursReason: string | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
