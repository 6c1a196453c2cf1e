import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../profiles/numeric.transformer';

/**
 * A person's claim of a slot in a shift, and that shift's attendance: check-in, check-out, verified
 * hours. A released claim keeps its row (`released_at`); the shift's times are copied here for the
 * overlap constraint.
 */
@Entity('volunteer_shift_claims')
export class ShiftClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'post_id', type: 'uuid' })
  postId: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** A party member when claiming. */
  @Column({ name: 'party_member', type: 'boolean' })
  partyMember: boolean;

  /** A party member with an active dual registration (双报到) at the post's community when claiming. */
  @Column({ name: 'dual_registered', type: 'boolean' })
  dualRegistered: boolean;

  @Column({ name: 'claimed_by', type: 'uuid' })
  claimedBy: string;

  @Column({ name: 'claimed_at', type: 'timestamptz' })
  claimedAt: Date;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @Column({ name: 'released_by', type: 'uuid', nullable: true })
  releasedBy: string | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericTransformer })
  hours: number | null;

  @Column({ name: 'hours_reason', type: 'text', nullable: true })
  hoursReason: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;
}
