import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/**
 * Problem codes shared by every area of deliberation. Never renamed once released. Each area keeps
 * its own codes in its own exception file; only codes any area may throw live here.
 */
export enum DeliberationCode {
  /** A resident action by an account that acts for no person. */
  PersonNotLinked = 'deliberation.person-not-linked',
  /** Nobody decides on their own objection, records their own paper ballot or attendance for credit. */
  SelfAuthorization = 'deliberation.self-authorization',
  /** A resident action (an opinion, a co-signature, a ballot, a rating) by someone who does not live within the unit. */
  ResidentsOnly = 'deliberation.residents-only',
}

const CATALOGUE: Record<DeliberationCode, ProblemDefinition> = {
  [DeliberationCode.PersonNotLinked]: {
    status: 403,
    title: 'Account not linked to a person',
    detail: '当前账号未关联居民身份，无法以本人身份参与议事',
  },
  [DeliberationCode.SelfAuthorization]: {
    status: 403,
    title: 'You cannot authorize for yourself',
    detail: '不能为本人登记或确认，请由其他工作人员办理',
  },
  [DeliberationCode.ResidentsOnly]: {
    status: 403,
    title: 'Residents of the unit only',
    detail: '仅本单元居民可以参与',
  },
};

export class DeliberationException extends ProblemException {
  constructor(code: DeliberationCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

/** 403 `deliberation.self-authorization` with the situation in Chinese (`不能为本人登记出席`). */
export function selfAuthorization(detail: string): DeliberationException {
  return new DeliberationException(DeliberationCode.SelfAuthorization, { detail });
}
