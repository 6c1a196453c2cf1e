import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TeamKind } from './team-kind';

/** A volunteer team (党员志愿服务队, 红马甲, 专业服务队…) at a unit. */
@Entity('volunteer_teams')
export class VolunteerTeamEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  /** Copy of the unit's path (declared in `teamsSchema.pathCopies`: a subtree move rewrites it). */
  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: TeamKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
