import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DualRegistrationKind = 'member' | 'organization';

/**
 * 双报到: an in-service member registers at the community where they live (`member`), or an
 * institution's party organization registers with a community under a co-building agreement
 * (`organization`: period and commitments).
 */
@Entity('dual_registrations')
export class DualRegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  kind: DualRegistrationKind;

  @Column({ name: 'community_unit_id', type: 'uuid' })
  communityUnitId: string;

  @Column({ name: 'community_path', type: 'text' })
  communityPath: string;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The member's work institution, or the registering organization's institution. */
  @Column({ name: 'institution_id', type: 'uuid', nullable: true })
  institutionId: string | null;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ type: 'text', nullable: true })
  commitments: string | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
