import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the points module. Never renamed once released. */
export enum PointsCode {
  Insufficient = 'points.insufficient',
  IdempotencyConflict = 'points.idempotency-conflict',
  NotReversible = 'points.not-reversible',
  RuleCodeTaken = 'points.rule-code-taken',
  RuleScopeForbidden = 'points.rule-scope-forbidden',
  OutOfStock = 'points.out-of-stock',
  LimitReached = 'points.limit-reached',
  RewardInactive = 'points.reward-inactive',
  WrongPickupCode = 'points.wrong-pickup-code',
  RedemptionClosed = 'points.redemption-closed',
  AssessmentPublished = 'points.assessment-published',
  EvaluationClosed = 'points.evaluation-closed',
  EvaluationSubmitted = 'points.evaluation-submitted',
}

const CATALOGUE: Record<PointsCode, ProblemDefinition> = {
  [PointsCode.Insufficient]: { status: 409, title: 'Insufficient points', detail: '积分余额不足' },
  [PointsCode.IdempotencyConflict]: { status: 409, title: 'Idempotency key reused with other values', detail: '该幂等键已用于另一笔不同的积分变动' },
  [PointsCode.NotReversible]: { status: 409, title: 'Entry cannot be reversed', detail: '该积分流水不能撤销' },
  [PointsCode.RuleCodeTaken]: { status: 409, title: 'Rule code taken', detail: '积分规则编码已被使用' },
  [PointsCode.RuleScopeForbidden]: { status: 403, title: 'Deployment-wide rule needs a deployment-wide grant', detail: '只有全局管理员可以设立或修改全局积分规则' },
  [PointsCode.OutOfStock]: { status: 409, title: 'Reward out of stock', detail: '该奖品库存不足' },
  [PointsCode.LimitReached]: { status: 409, title: 'Per-person limit reached', detail: '已达到该奖品的每人兑换上限' },
  [PointsCode.RewardInactive]: { status: 409, title: 'Reward not on offer', detail: '该奖品当前不在兑换期内' },
  [PointsCode.WrongPickupCode]: { status: 409, title: 'Wrong pickup code', detail: '取货码不正确' },
  [PointsCode.RedemptionClosed]: { status: 409, title: 'Redemption already closed', detail: '该兑换已领取或已取消' },
  [PointsCode.AssessmentPublished]: { status: 409, title: 'Assessment period already published', detail: '该季度考核结果已发布，不能重新计算' },
  [PointsCode.EvaluationClosed]: { status: 409, title: 'Evaluation campaign closed', detail: '该评价活动不在评价期内' },
  [PointsCode.EvaluationSubmitted]: { status: 409, title: 'Evaluation already submitted', detail: '该评价任务已提交评分' },
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
