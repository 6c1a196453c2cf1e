import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes shared by every area of cases. Never renamed once released. */
export enum CasesSharedCode {
  /** Nobody registers, verifies or rates a case for their own person or their own handling. */
  SelfAuthorization = 'cases.self-authorization',
}

const CATALOGUE: Record<CasesSharedCode, ProblemDefinition> = {
  [CasesSharedCode.SelfAuthorization]: {
    status: 403,
    title: 'You cannot authorize for yourself',
    detail: '不能办理本人反映的案件或核查本人的办理结果，请由其他工作人员办理',
  },
};

export class CasesSharedException extends ProblemException {
  constructor(code: CasesSharedCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

/** 403 `cases.self-authorization` with the situation in Chinese. */
export function selfAuthorization(detail: string): CasesSharedException {
  return new CasesSharedException(CasesSharedCode.SelfAuthorization, { detail });
}
