import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { MemberCategory, MemberStatus } from './member-category';

/** A party member: where the member's organizational relation (组织关系) sits. One per person. */
@Entity('party_members')
export class PartyMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'varchar' })
  category: MemberCategory;

  @Column({ type: 'varchar' })
  status: MemberStatus;

  @Column({ name: 'joined_at', type: 'date' })
  joinedAt: string;

  /** The person's residence path, copied for subtree statistics by residence. */
  @Column({ name: 'residence_path', type: 'text' })
  residencePath: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
