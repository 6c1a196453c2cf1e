import { SchemaPart } from '@linli/platform';
import { CreateVolunteerTeams1795350100000 } from '../migrations/1795350100000-CreateVolunteerTeams';
import { VolunteerTeamMemberEntity } from './volunteer-team-member.entity';
import { VolunteerTeamEntity } from './volunteer-team.entity';

/** Entities and migrations of the teams area (listed in volunteers.schema.ts); a team keeps a copy of its unit's path. */
export const teamsSchema: SchemaPart = {
  tables: ['volunteer_teams', 'volunteer_team_members'],
  entities: [VolunteerTeamEntity, VolunteerTeamMemberEntity],
  migrations: [CreateVolunteerTeams1795350100000],
  pathCopies: [{ table: 'volunteer_teams', column: 'unit_path' }],
};
