import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One transfer (转接) of a member's organizational relation; the history of a member. */
@Entity('member_transfers')
export class MemberTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'from_organization_id', type: 'uuid' })
  fromOrganizationId: string;

  @Column({ name: 'to_organization_id', type: 'uuid' })
  toOrganizationId: string;

  @Column({ name: 'transferred_at', type: 'timestamptz' })
  transferredAt: Date;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
