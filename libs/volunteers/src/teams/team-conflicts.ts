import { uniqueViolationConstraint } from '@linli/platform';
import { TeamsCode, TeamsException } from './teams.exception';

const CONFLICTS: Record<string, TeamsCode> = {
  volunteer_teams_unit_name_key: TeamsCode.TeamNameTaken,
  volunteer_team_members_pkey: TeamsCode.AlreadyTeamMember,
  volunteer_team_members_one_leader: TeamsCode.TeamLeaderTaken,
};

/** Runs a write and maps the teams' unique keys onto their problems (409); other errors pass through. */
export async function withTeamConstraints<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolationConstraint(error);
    const code = constraint ? CONFLICTS[constraint] : undefined;
    if (code) throw new TeamsException(code);
    throw error;
  }
}
