import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the representatives roll (居民代表). Never renamed once released. */
export enum RepresentativesCode {
  /** A representative resides within the unit they represent. */
  NotResident = 'deliberation.representative-not-resident',
  /** The person already represents this unit. */
  Exists = 'deliberation.representative-exists',
  /** The mandate has ended already. */
  Ended = 'deliberation.representative-ended',
}

const CATALOGUE: Record<RepresentativesCode, ProblemDefinition> = {
  [RepresentativesCode.NotResident]: {
    status: 400,
    title: 'Not a resident of the unit',
    detail: '居民代表须居住在所代表的单元内',
  },
  [RepresentativesCode.Exists]: { status: 409, title: 'Representative already', detail: '该居民已是本单元的居民代表' },
  [RepresentativesCode.Ended]: { status: 409, title: 'Mandate ended', detail: '该居民代表已卸任' },
};

export class RepresentativesException extends ProblemException {
  constructor(code: RepresentativesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
