import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the points ledger. Never renamed once released. */
export enum LedgerCode {
  Insufficient = 'points.insufficient',
  IdempotencyConflict = 'points.idempotency-conflict',
  NotReversible = 'points.not-reversible',
  SelfAuthorization = 'points.self-authorization',
}

const CATALOGUE: Record<LedgerCode, ProblemDefinition> = {
  [LedgerCode.Insufficient]: { status: 409, title: 'Insufficient points', detail: '积分余额不足' },
  [LedgerCode.IdempotencyConflict]: {
    status: 409,
    title: 'Idempotency key reused with other values',
    detail: '该幂等键已用于另一笔不同的积分变动',
  },
  [LedgerCode.NotReversible]: { status: 409, title: 'Entry cannot be reversed', detail: '该积分流水不能撤销' },
  [LedgerCode.SelfAuthorization]: {
    status: 403,
    title: 'No authorizing points for oneself',
    detail: '不能为本人或本人任书记的党组织办理积分事项',
  },
};

export class LedgerException extends ProblemException {
  constructor(code: LedgerCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }

  static insufficient(
    balance: number,
    requested: number,
    owner?: { ownerType: string; ownerId: string },
  ): LedgerException {
    return new LedgerException(LedgerCode.Insufficient, {
      detail: `积分余额不足：可用 ${balance} 积分，需要 ${requested} 积分`,
      extensions: { balance, requested, ...(owner ?? {}) },
    });
  }
}
