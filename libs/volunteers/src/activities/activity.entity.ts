import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityKind } from './activity-kind';

/** An activity at a unit: a time window, a capacity with a waitlist, an optional venue with a check-in radius. */
@Entity('volunteer_activities')
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the unit's path (declared in `activitiesSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  /** Confirmed sign-ups; changed only under the activity's row lock. */
  @Column({ name: 'confirmed_count', type: 'integer', default: 0 })
  confirmedCount: number;

  @Column({ name: 'signup_deadline', type: 'timestamptz', nullable: true })
  signupDeadline: Date | null;

  @Column({ name: 'location_lat', type: 'double precision', nullable: true })
  locationLat: number | null;

  @Column({ name: 'location_lng', type: 'double precision', nullable: true })
  locationLng: number | null;

  @Column({ name: 'location_address', type: 'varchar', length: 200, nullable: true })
  locationAddress: string | null;

  @Column({ name: 'radius_m', type: 'integer', nullable: true })
  radiusM: number | null;

  /** Seeds the rotating check-in code; never leaves the server. */
  @Column({ name: 'check_in_secret', type: 'varchar', length: 64, select: false })
  checkInSecret: string;

  @Column({ name: 'organizer_user_id', type: 'uuid' })
  organizerUserId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
