import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericTransformer } from './numeric.transformer';
import { AvailabilitySlot, VolunteerStage } from './volunteer-stage';

/** A person's volunteer profile: home unit, skills, availability, growth stage and running totals. */
@Entity('volunteer_profiles')
export class VolunteerProfileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  /** Home unit (usually the building or complex where the volunteer lives). */
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the home unit's path (declared in `profilesSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ type: 'varchar', length: 48, array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  availability: AvailabilitySlot[];

  @Column({ type: 'varchar', length: 32, default: 'volunteer' })
  stage: VolunteerStage;

  /** Total verified service hours (activities, post shifts, approved requests). */
  @Column({
    name: 'verified_hours',
    type: 'numeric',
    precision: 10,
    scale: 2,
    default: 0,
    transformer: numericTransformer,
  })
  verifiedHours: number;

  @Column({ name: 'rating_sum', type: 'integer', default: 0 })
  ratingSum: number;

  @Column({ name: 'rating_count', type: 'integer', default: 0 })
  ratingCount: number;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
