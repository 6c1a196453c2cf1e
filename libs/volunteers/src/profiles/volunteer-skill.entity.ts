import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A skill of the taxonomy: built in, or added by the city. */
@Entity('volunteer_skills')
export class VolunteerSkillEntity {
  @PrimaryColumn({ type: 'varchar', length: 48 })
  code: string;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'boolean', default: false })
  builtin: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
