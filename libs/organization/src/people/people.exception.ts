import { ProblemDefinition, ProblemException, ProblemInit, problemFrom } from '@linli/platform';

/** Problem codes of people. Never renamed once released. */
export enum PeopleCode {
  DuplicateIdNumber = 'organization.person-duplicate-id-number',
  DuplicateExternalId = 'organization.person-duplicate-external-id',
}

const CATALOGUE: Record<PeopleCode, ProblemDefinition> = {
  [PeopleCode.DuplicateIdNumber]: { status: 409, title: 'ID number already registered', detail: '该身份证号已登记为其他人员' },
  [PeopleCode.DuplicateExternalId]: { status: 409, title: 'External id already registered', detail: '该外部编号已登记为其他人员' },
};

export class PeopleException extends ProblemException {
  constructor(code: PeopleCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
