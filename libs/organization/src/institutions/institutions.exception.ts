import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';

/** Problem codes of institutions. Never renamed once released. */
export enum InstitutionCode {
  CodeTaken = 'organization.institution-code-taken',
}

const CATALOGUE: Record<InstitutionCode, ProblemDefinition> = {
  [InstitutionCode.CodeTaken]: {
    status: 409,
    title: 'Institution code taken',
    detail: '该单位编码（统一社会信用代码）已被登记',
  },
};

export class InstitutionException extends ProblemException {
  constructor(code: InstitutionCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
