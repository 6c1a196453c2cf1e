import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of teams. Never renamed once released. */
export enum TeamsCode {
  TeamNameTaken = 'volunteers.team-name-taken',
  AlreadyTeamMember = 'volunteers.already-team-member',
  TeamLeaderTaken = 'volunteers.team-leader-taken',
}

const CATALOGUE: Record<TeamsCode, ProblemDefinition> = {
  [TeamsCode.TeamNameTaken]: { status: 409, title: 'Team name taken', detail: '该单位已有同名服务队' },
  [TeamsCode.AlreadyTeamMember]: { status: 409, title: 'Already a team member', detail: '该人员已是本服务队队员' },
  [TeamsCode.TeamLeaderTaken]: { status: 409, title: 'Team already has a leader', detail: '本服务队已有队长' },
};

export class TeamsException extends ProblemException {
  constructor(code: TeamsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
