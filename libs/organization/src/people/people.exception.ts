import { isUniqueViolation, ProblemDefinition, ProblemException, ProblemInit, problemFrom } from '@linli/platform';

/** Problem codes of people. Never renamed once released. */
export enum PeopleCode {
  DuplicateIdNumber = 'organization.person-duplicate-id-number',
  DuplicateExternalId = 'organization.person-duplicate-external-id',
}

const CATALOGUE: Record<PeopleCode, ProblemDefinition> = {
  [PeopleCode.DuplicateIdNumber]: {
    status: 409,
    title: 'ID number already registered',
    detail: '该身份证号已登记为其他人员',
  },
  [PeopleCode.DuplicateExternalId]: {
    status: 409,
    title: 'External id already registered',
    detail: '该外部编号已登记为其他人员',
  },
};

export class PeopleException extends ProblemException {
  constructor(code: PeopleCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}

/** Maps a unique-key violation of `people` onto its problem (or returns the error unchanged). */
export function peopleConflict(error: unknown): unknown {
  if (isUniqueViolation(error, 'people_id_number_key')) return new PeopleException(PeopleCode.DuplicateIdNumber);
  if (isUniqueViolation(error, 'people_external_id_key')) return new PeopleException(PeopleCode.DuplicateExternalId);
  return error;
}
