import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationKind } from './organization-kind';

/** A party organization, anchored at a unit (`unitId`), covering one or more units (organization_coverage). */
@Entity('party_organizations')
export class PartyOrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  kind: OrganizationKind;

  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'varchar', nullable: true })
  code: string | null;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @Column({ name: 'unit_path', type: 'text' })
  unitPath: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  /** Members whose organizational relation sits here (full and probationary); maintained with every join and transfer. */
  @Column({ name: 'member_count', type: 'integer', default: 0 })
  memberCount: number;

  @Column({ name: 'full_member_count', type: 'integer', default: 0 })
  fullMemberCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
