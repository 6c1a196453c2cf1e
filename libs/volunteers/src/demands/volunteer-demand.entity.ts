import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DemandKind, DemandStatus } from './demand-kind';

/** A resident's need posted at a unit: a micro-wish, a service need or a task. */
@Entity('volunteer_demands')
export class VolunteerDemandEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: DemandKind;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the unit's path (declared in `demandsSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'requester_person_id', type: 'uuid' })
  requesterPersonId: string;

  @Column({ name: 'posted_by_user_id', type: 'uuid' })
  postedByUserId: string;

  @Column({ name: 'required_skills', type: 'varchar', length: 48, array: true, default: () => "'{}'" })
  requiredSkills: string[];

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ name: 'claim_hours', type: 'integer', default: 72 })
  claimHours: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: DemandStatus;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
