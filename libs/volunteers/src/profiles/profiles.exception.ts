import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of profiles and the skill taxonomy. Never renamed once released. */
export enum ProfilesCode {
  SkillTaken = 'volunteers.skill-taken',
  UnknownSkill = 'volunteers.unknown-skill',
  ProfileExists = 'volunteers.profile-exists',
  StageUnchanged = 'volunteers.stage-unchanged',
}

const CATALOGUE: Record<ProfilesCode, ProblemDefinition> = {
  [ProfilesCode.SkillTaken]: { status: 409, title: 'Skill code or name taken', detail: '该技能编码或名称已存在' },
  [ProfilesCode.UnknownSkill]: { status: 400, title: 'Unknown skill', detail: '技能不在技能目录中' },
  [ProfilesCode.ProfileExists]: { status: 409, title: 'Volunteer profile exists', detail: '该人员已登记为志愿者' },
  [ProfilesCode.StageUnchanged]: { status: 409, title: 'Stage unchanged', detail: '该志愿者已处于此成长阶段' },
};

export class ProfilesException extends ProblemException {
  constructor(code: ProfilesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
