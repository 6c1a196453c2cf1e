import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TeamRole } from './team-kind';

/** A person's membership of a team (once per team), with their role. */
@Entity('volunteer_team_members')
export class VolunteerTeamMemberEntity {
  @PrimaryColumn({ name: 'team_id', type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId: string;

  @Column({ type: 'varchar', length: 16 })
  role: TeamRole;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'added_by', type: 'uuid', nullable: true })
  addedBy: string | null;
}
