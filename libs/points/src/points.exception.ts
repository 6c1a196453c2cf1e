import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the points module. Never renamed once released. */
export enum PointsCode {
  Insufficient = 'points.insufficient',
  IdempotencyConflict = 'points.idempotency-conflict',
  NotReversible = 'points.not-reversible',
  RuleCodeTaken = 'points.rule-code-taken',
  RuleScopeForbidden = 'points.rule-scope-forbidden',
}

const CATALOGUE: Record<PointsCode, ProblemDefinition> = {
  [PointsCode.Insufficient]: { status: 409, title: 'Insufficient points', detail: '积分余额不足' },
  [PointsCode.IdempotencyConflict]: { status: 409, title: 'Idempotency key reused with other values', detail: '该幂等键已用于另一笔不同的积分变动' },
  [PointsCode.NotReversible]: { status: 409, title: 'Entry cannot be reversed', detail: '该积分流水不能撤销' },
  [PointsCode.RuleCodeTaken]: { status: 409, title: 'Rule code taken', detail: '积分规则编码已被使用' },
  [PointsCode.RuleScopeForbidden]: { status: 403, title: 'Deployment-wide rule needs a deployment-wide grant', detail: '只有全局管理员可以设立或修改全局积分规则' },
};

export class PointsException extends ProblemException {
  constructor(code: PointsCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }

  static insufficient(balance: number, requested: number, owner?: { ownerType: string; ownerId: string }): PointsException {
    return new PointsException(PointsCode.Insufficient, {
      detail: `积分余额不足：可用 ${balance} 积分，需要 ${requested} 积分`,
      extensions: { balance, requested, ...(owner ?? {}) },
    });
  }
}
