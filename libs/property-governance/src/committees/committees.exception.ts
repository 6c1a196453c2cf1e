import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of owners' committees (业主委员会). Never renamed once released. */
export enum CommitteesCode {
  /** The decision is not of the committee_election category. */
  NotAnElection = 'property.not-an-election',
  /** The election decision is not closed with the outcome `passed`. */
  ElectionNotPassed = 'property.election-not-passed',
  /** This election decision has its committee already. */
  CommitteeExists = 'property.committee-exists',
  /** The complex's current committee was elected later than this decision. */
  NewerCommitteeExists = 'property.newer-committee-exists',
  /** Members: an odd number from the minimum (5, or the small-complex minimum) to 11. */
  CommitteeSize = 'property.committee-size',
  /** A member is not an owner of the complex now. */
  MemberNotOwner = 'property.committee-member-not-owner',
  /** Chair and vice-chair are two different current members. */
  OfficersNotMembers = 'property.committee-officers',
  /** The committee's term has ended or it was replaced. */
  CommitteeEnded = 'property.committee-ended',
  /** The committee was filed already. */
  CommitteeFiled = 'property.committee-filed',
  /** A date before the election or after today. */
  CommitteeDate = 'property.committee-date',
  /** A change's leaving and joining people: leaving are current members, joining are not. */
  ChangeMembers = 'property.committee-change-members',
  /** The change was reported already. */
  ChangeReported = 'property.committee-change-reported',
}

const CATALOGUE: Record<CommitteesCode, ProblemDefinition> = {
  [CommitteesCode.NotAnElection]: {
    status: 400,
    title: 'Not an election',
    detail: '该业主共同决定不是选举业主委员会事项',
  },
  [CommitteesCode.ElectionNotPassed]: {
    status: 409,
    title: 'Election not passed',
    detail: '选举业主委员会的表决尚未结束或未通过',
  },
  [CommitteesCode.CommitteeExists]: {
    status: 409,
    title: 'Committee exists',
    detail: '该次选举已登记业主委员会',
  },
  [CommitteesCode.NewerCommitteeExists]: {
    status: 409,
    title: 'Newer committee exists',
    detail: '该小区现任业主委员会的选举晚于本次表决',
  },
  [CommitteesCode.CommitteeSize]: {
    status: 400,
    title: 'Committee size',
    detail: '业主委员会由5至11人单数组成（业主大会和业主委员会指导规则 第三十一条）',
  },
  [CommitteesCode.MemberNotOwner]: {
    status: 400,
    title: 'Member not an owner',
    detail: '业主委员会委员应当是本小区业主',
  },
  [CommitteesCode.OfficersNotMembers]: {
    status: 400,
    title: 'Chair and vice-chair',
    detail: '主任、副主任应为两名不同的现任委员',
  },
  [CommitteesCode.CommitteeEnded]: { status: 409, title: 'Committee ended', detail: '该业主委员会已届满或已换届' },
  [CommitteesCode.CommitteeFiled]: { status: 409, title: 'Committee filed', detail: '该业主委员会已备案' },
  [CommitteesCode.CommitteeDate]: {
    status: 400,
    title: 'Date out of range',
    detail: '日期不得早于选举之日，也不得晚于今天',
  },
  [CommitteesCode.ChangeMembers]: {
    status: 400,
    title: 'Change members',
    detail: '离任人员应为现任委员，新任人员应为本小区业主且不是现任委员',
  },
  [CommitteesCode.ChangeReported]: { status: 409, title: 'Change reported', detail: '该变更已报告' },
};

export class CommitteesException extends ProblemException {
  constructor(code: CommitteesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
