import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { OfficerRole } from './organization-kind';

/** An officer of an organization for a term; `endedAt` is set when replaced (history stays). */
@Entity('organization_officers')
export class OrganizationOfficerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'varchar' })
  role: OfficerRole;

  @Column({ name: 'term_start', type: 'date' })
  termStart: string;

  @Column({ name: 'term_end', type: 'date', nullable: true })
  termEnd: string | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
