import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A volunteer asked to help with a demand ("能帮忙吗？"); once per (demand, person). */
@Entity('volunteer_demand_invitations')
export class DemandInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'demand_id', type: 'uuid' })
  demandId: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ name: 'invited_by_user_id', type: 'uuid' })
  invitedByUserId: string;

  @Column({ name: 'invited_at', type: 'timestamptz' })
  invitedAt: Date;
}
