import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes of the volunteers module, one catalogue for all its areas. Never renamed once
 * released. Areas add their codes here (and nothing else in this file).
 */
export enum VolunteersCode {
  SkillTaken = 'volunteers.skill-taken',
  UnknownSkill = 'volunteers.unknown-skill',
}

const CATALOGUE: Record<VolunteersCode, ProblemDefinition> = {
  [VolunteersCode.SkillTaken]: { status: 409, title: 'Skill code or name taken', detail: '该技能编码或名称已存在' },
  [VolunteersCode.UnknownSkill]: { status: 400, title: 'Unknown skill', detail: '技能不在技能目录中' },
};

export class VolunteersException extends ProblemException {
  constructor(code: VolunteersCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
