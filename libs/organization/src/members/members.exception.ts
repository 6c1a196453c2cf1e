import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';

/** Problem codes of party members and transfers. Never renamed once released. */
export enum MemberCode {
  MemberExists = 'organization.member-exists',
  TransferSameOrganization = 'organization.transfer-same-organization',
  StatusChange = 'organization.member-status-change',
  OrganizationKind = 'organization.member-organization-kind',
}

const CATALOGUE: Record<MemberCode, ProblemDefinition> = {
  [MemberCode.MemberExists]: {
    status: 409,
    title: 'Person is a member already',
    detail: '该人员已是党员，组织关系只能有一处；如需变更请办理转接',
  },
  [MemberCode.TransferSameOrganization]: {
    status: 409,
    title: 'Transfer to the same organization',
    detail: '该党员的组织关系已在目标党组织',
  },
  [MemberCode.StatusChange]: { status: 409, title: 'Status change not allowed', detail: '正式党员不能改为预备党员' },
  [MemberCode.OrganizationKind]: {
    status: 400,
    title: 'Membership cannot sit in a party group',
    detail: '党员的组织关系应隶属党支部、联合党支部、党总支或党委，不能直接隶属党小组',
  },
};

export class MemberException extends ProblemException {
  constructor(code: MemberCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
