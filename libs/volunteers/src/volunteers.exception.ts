import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes of the volunteers module, one catalogue for all its areas. Never renamed once
 * released. Areas add their codes here (and nothing else in this file).
 */
export enum VolunteersCode {
  SkillTaken = 'volunteers.skill-taken',
  UnknownSkill = 'volunteers.unknown-skill',
  /** Self-service (`me`, "myself") by an account that acts for no person. Any area may throw it. */
  PersonNotLinked = 'volunteers.person-not-linked',
  ProfileExists = 'volunteers.profile-exists',
  StageUnchanged = 'volunteers.stage-unchanged',
  TeamNameTaken = 'volunteers.team-name-taken',
  AlreadyTeamMember = 'volunteers.already-team-member',
  TeamLeaderTaken = 'volunteers.team-leader-taken',
}

const CATALOGUE: Record<VolunteersCode, ProblemDefinition> = {
  [VolunteersCode.SkillTaken]: { status: 409, title: 'Skill code or name taken', detail: '该技能编码或名称已存在' },
  [VolunteersCode.UnknownSkill]: { status: 400, title: 'Unknown skill', detail: '技能不在技能目录中' },
  [VolunteersCode.PersonNotLinked]: { status: 403, title: 'Account not linked to a person', detail: '当前账号未关联居民身份，无法以本人身份办理' },
  [VolunteersCode.ProfileExists]: { status: 409, title: 'Volunteer profile exists', detail: '该人员已登记为志愿者' },
  [VolunteersCode.StageUnchanged]: { status: 409, title: 'Stage unchanged', detail: '该志愿者已处于此成长阶段' },
  [VolunteersCode.TeamNameTaken]: { status: 409, title: 'Team name taken', detail: '该单位已有同名服务队' },
  [VolunteersCode.AlreadyTeamMember]: { status: 409, title: 'Already a team member', detail: '该人员已是本服务队队员' },
  [VolunteersCode.TeamLeaderTaken]: { status: 409, title: 'Team already has a leader', detail: '本服务队已有队长' },
};

export class VolunteersException extends ProblemException {
  constructor(code: VolunteersCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

/** The person the caller's account acts for; 403 `volunteers.person-not-linked` when it acts for none. */
export function linkedPersonId(user: { personId: string | null }): string {
  if (!user.personId) throw new VolunteersException(VolunteersCode.PersonNotLinked);
  return user.personId;
}
