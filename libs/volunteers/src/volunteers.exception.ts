import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes shared by every area of the volunteers module. Never renamed once released. Each
 * area keeps its own codes in its own exception file (`profiles/profiles.exception.ts`,
 * `teams/teams.exception.ts`, …); only a code that any area may throw lives here.
 */
export enum VolunteersCode {
  /** Self-service (`me`, "myself") by an account that acts for no person. Any area may throw it. */
  PersonNotLinked = 'volunteers.person-not-linked',
  /**
   * Nobody authorizes value for themselves: verifying or correcting one's own attendance, approving
   * one's own hour request, changing one's own growth stage, confirming a demand one claimed or
   * fulfilled. Any area may throw it.
   */
  SelfAuthorization = 'volunteers.self-authorization',
}

const CATALOGUE: Record<VolunteersCode, ProblemDefinition> = {
  [VolunteersCode.PersonNotLinked]: {
    status: 403,
    title: 'Account not linked to a person',
    detail: '当前账号未关联居民身份，无法以本人身份办理',
  },
  [VolunteersCode.SelfAuthorization]: {
    status: 403,
    title: 'You cannot authorize value for yourself',
    detail: '不能为本人的服务确认、核验或审批，请由其他工作人员办理',
  },
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

/** 403 `volunteers.self-authorization` with the situation in Chinese (`不能核验本人的出勤`). */
export function selfAuthorization(detail: string, extensions?: Record<string, unknown>): VolunteersException {
  return new VolunteersException(VolunteersCode.SelfAuthorization, { detail, ...(extensions ? { extensions } : {}) });
}
