import { QueryFailedError } from 'typeorm';
import { VolunteersCode, VolunteersException } from '../volunteers.exception';

const CONFLICTS: Record<string, VolunteersCode> = {
  volunteer_teams_unit_name_key: VolunteersCode.TeamNameTaken,
  volunteer_team_members_pkey: VolunteersCode.AlreadyTeamMember,
  volunteer_team_members_one_leader: VolunteersCode.TeamLeaderTaken,
};

/** Runs a write and maps the teams' unique keys onto their problems (409); other errors pass through. */
export async function withTeamConstraints<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const driver = error as QueryFailedError & { code?: string; constraint?: string };
    const code = error instanceof QueryFailedError && driver.code === '23505' && driver.constraint ? CONFLICTS[driver.constraint] : undefined;
    if (code) throw new VolunteersException(code);
    throw error;
  }
}
