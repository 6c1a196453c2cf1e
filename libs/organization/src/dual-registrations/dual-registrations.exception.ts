import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';

/** Problem codes of dual registrations (双报到). Never renamed once released. */
export enum DualRegistrationCode {
  NotACommunity = 'organization.not-a-community',
  MemberCategory = 'organization.dual-registration-member-category',
  InstitutionMismatch = 'organization.dual-registration-institution',
  Period = 'organization.dual-registration-period',
  Exists = 'organization.dual-registration-exists',
  Ended = 'organization.dual-registration-ended',
}

const CATALOGUE: Record<DualRegistrationCode, ProblemDefinition> = {
  [DualRegistrationCode.NotACommunity]: {
    status: 400,
    title: 'Not a community',
    detail: '双报到只能向社区报到（communityUnitId 须为社区）',
  },
  [DualRegistrationCode.MemberCategory]: {
    status: 400,
    title: 'Only in-service members register',
    detail: '只有在职党员向居住地社区报到',
  },
  [DualRegistrationCode.InstitutionMismatch]: {
    status: 400,
    title: 'Institution has another party organization',
    detail: '该单位登记的党组织与报到的党组织不一致',
  },
  [DualRegistrationCode.Period]: {
    status: 400,
    title: 'Period ends before it starts',
    detail: '共建期限的结束日期不能早于开始日期',
  },
  [DualRegistrationCode.Exists]: { status: 409, title: 'Registered already', detail: '已在该社区报到，且报到仍然有效' },
  [DualRegistrationCode.Ended]: { status: 409, title: 'Registration ended already', detail: '该报到已经结束' },
};

export class DualRegistrationException extends ProblemException {
  constructor(code: DualRegistrationCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
