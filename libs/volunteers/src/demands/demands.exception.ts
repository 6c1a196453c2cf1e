import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the demands area. Never renamed once released. */
export enum DemandsCode {
  DemandTaken = 'volunteers.demand-taken',
  WrongState = 'volunteers.demand-wrong-state',
  NotClaimant = 'volunteers.not-claimant',
  NotRequester = 'volunteers.not-requester',
  OwnDemand = 'volunteers.own-demand',
  ExtensionLimit = 'volunteers.claim-extension-limit',
  DeadlinePassed = 'volunteers.deadline-passed',
}

const CATALOGUE: Record<DemandsCode, ProblemDefinition> = {
  [DemandsCode.DemandTaken]: { status: 409, title: 'Demand already claimed', detail: '该需求已被他人认领' },
  [DemandsCode.WrongState]: {
    status: 409,
    title: 'Demand is not in a state that allows this',
    detail: '该需求当前状态不允许此操作',
  },
  [DemandsCode.NotClaimant]: {
    status: 403,
    title: 'Only the claimant may do this',
    detail: '只有认领人可以执行此操作',
  },
  [DemandsCode.NotRequester]: {
    status: 403,
    title: 'Only the requester may do this',
    detail: '只有需求发布人可以执行此操作',
  },
  [DemandsCode.OwnDemand]: { status: 409, title: 'Cannot claim your own demand', detail: '不能认领自己发布的需求' },
  [DemandsCode.ExtensionLimit]: {
    status: 409,
    title: 'Claim extension limit reached',
    detail: '认领期限延长次数已用完',
  },
  [DemandsCode.DeadlinePassed]: { status: 400, title: 'Deadline in the past', detail: '截止时间不能早于当前时间' },
};

export class DemandsException extends ProblemException {
  constructor(code: DemandsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }

  static wrongState(status: string, action: string): DemandsException {
    return new DemandsException(DemandsCode.WrongState, {
      detail: `该需求当前状态（${status}）不能${action}`,
      extensions: { demandStatus: status },
    });
  }
}
