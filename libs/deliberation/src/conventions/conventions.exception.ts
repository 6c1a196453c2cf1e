import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of residents' conventions (居民公约). Never renamed once released. */
export enum ConventionsCode {
  /** A comment outside the public comment period (not opened yet, or over). */
  NotCommenting = 'deliberation.convention-not-commenting',
  /** Adoption before the public comment period was held and is over. */
  CommentPeriod = 'deliberation.convention-comment-period',
  /** The vote does not adopt (or reject) this convention; `reason` says why. */
  VoteInvalid = 'deliberation.convention-vote-invalid',
  Filed = 'deliberation.convention-filed',
  /** The action does not fit the convention's status (e.g. comments opened twice, filing a draft). */
  Status = 'deliberation.convention-status',
}

const CATALOGUE: Record<ConventionsCode, ProblemDefinition> = {
  [ConventionsCode.NotCommenting]: {
    status: 409,
    title: 'Convention not open for comments',
    detail: '该居民公约当前不在征求意见期内',
  },
  [ConventionsCode.CommentPeriod]: {
    status: 409,
    title: 'Comment period not over',
    detail: '居民公约须先公开征求意见，征求意见期结束后方可表决通过',
  },
  [ConventionsCode.VoteInvalid]: {
    status: 409,
    title: 'Vote does not adopt the convention',
    detail: '该表决不能作为本公约的通过依据',
  },
  [ConventionsCode.Filed]: { status: 409, title: 'Convention filed already', detail: '该居民公约已向街道（区）备案' },
  [ConventionsCode.Status]: {
    status: 409,
    title: 'Not allowed in this status',
    detail: '居民公约当前状态不允许此操作',
  },
};

export class ConventionsException extends ProblemException {
  constructor(code: ConventionsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
