import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';

/** Problem codes of party organizations and their officers. Never renamed once released. */
export enum PartyOrganizationCode {
  PartyGroupParent = 'organization.party-group-parent',
  InvalidParent = 'organization.invalid-parent',
  ParentCycle = 'organization.parent-cycle',
  JointBranchCoverage = 'organization.joint-branch-coverage',
  ChildrenConflict = 'organization.children-conflict',
  CodeTaken = 'organization.code-taken',
  OfficerTerm = 'organization.officer-term',
}

const CATALOGUE: Record<PartyOrganizationCode, ProblemDefinition> = {
  [PartyOrganizationCode.PartyGroupParent]: {
    status: 400,
    title: 'A party group needs a branch as parent',
    detail: '党小组必须设在党支部或联合党支部之下（parentId）',
  },
  [PartyOrganizationCode.InvalidParent]: {
    status: 400,
    title: 'Invalid parent organization',
    detail: '党小组之下不能再设党组织',
  },
  [PartyOrganizationCode.ParentCycle]: {
    status: 400,
    title: 'Parent cycle',
    detail: '上级党组织不能是本组织或其下级组织',
  },
  [PartyOrganizationCode.JointBranchCoverage]: {
    status: 400,
    title: 'A joint branch covers several units',
    detail: '联合党支部应覆盖两个或以上单元（coveredUnitIds）',
  },
  [PartyOrganizationCode.ChildrenConflict]: {
    status: 409,
    title: 'Kind conflicts with child organizations',
    detail: '该党组织下设的组织与新的类型不相容：党小组只能设在党支部或联合党支部之下，党小组之下不能再设组织',
  },
  [PartyOrganizationCode.CodeTaken]: { status: 409, title: 'Organization code taken', detail: '该党组织编码已被使用' },
  [PartyOrganizationCode.OfficerTerm]: {
    status: 400,
    title: 'Term ends before it starts',
    detail: '任期结束日期不能早于开始日期',
  },
};

export class PartyOrganizationException extends ProblemException {
  constructor(code: PartyOrganizationCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
