import { ProblemException } from '@linli/platform';
import { AssessmentCode, AssessmentException } from './assessment/assessment.exception';
import { EvaluationCode, EvaluationException } from './evaluation/evaluation.exception';
import { LedgerCode, LedgerException } from './ledger/ledger.exception';
import { RulesCode, RulesException } from './rules/rules.exception';
import { StoreCode, StoreException } from './store/store.exception';

/** What clients rely on: every problem code of the points module with its status, title and detail, as released. */
const RELEASED: [string, number, string, string][] = [
  ['points.insufficient', 409, 'Insufficient points', '积分余额不足'],
  [
    'points.idempotency-conflict',
    409,
    'Idempotency key reused with other values',
    '该幂等键已用于另一笔不同的积分变动',
  ],
  ['points.not-reversible', 409, 'Entry cannot be reversed', '该积分流水不能撤销'],
  ['points.self-authorization', 403, 'No authorizing points for oneself', '不能为本人或本人任书记的党组织办理积分事项'],
  ['points.rule-code-taken', 409, 'Rule code taken', '积分规则编码已被使用'],
  [
    'points.rule-scope-forbidden',
    403,
    'Deployment-wide rule needs a deployment-wide grant',
    '只有全局管理员可以设立或修改全局积分规则',
  ],
  ['points.out-of-stock', 409, 'Reward out of stock', '该奖品库存不足'],
  ['points.limit-reached', 409, 'Per-person limit reached', '已达到该奖品的每人兑换上限'],
  ['points.reward-inactive', 409, 'Reward not on offer', '该奖品当前不在兑换期内'],
  ['points.wrong-pickup-code', 409, 'Wrong pickup code', '取货码不正确'],
  ['points.redemption-closed', 409, 'Redemption already closed', '该兑换已领取或已取消'],
  ['points.assessment-published', 409, 'Assessment period already published', '该季度考核结果已发布，不能重新计算'],
  ['points.evaluation-closed', 409, 'Evaluation campaign closed', '该评价活动不在评价期内'],
  ['points.evaluation-submitted', 409, 'Evaluation already submitted', '该评价任务已提交评分'],
];

function problemOf(exception: ProblemException): [string, number, string, string | undefined] {
  return [exception.code, exception.status, exception.title, exception.detail];
}

describe('points problem codes', () => {
  it('keeps every released code with its status, title and detail, one exception per area', () => {
    const thrown = [
      ...Object.values(LedgerCode).map((code) => new LedgerException(code)),
      ...Object.values(RulesCode).map((code) => new RulesException(code)),
      ...Object.values(StoreCode).map((code) => new StoreException(code)),
      ...Object.values(AssessmentCode).map((code) => new AssessmentException(code)),
      ...Object.values(EvaluationCode).map((code) => new EvaluationException(code)),
    ];
    expect(thrown.map(problemOf)).toEqual(RELEASED);
  });

  it('names the balance and the request when points are insufficient', () => {
    const exception = LedgerException.insufficient(5, 8, { ownerType: 'person', ownerId: 'p' });
    expect(problemOf(exception)).toEqual([
      'points.insufficient',
      409,
      'Insufficient points',
      '积分余额不足：可用 5 积分，需要 8 积分',
    ]);
    expect(exception.extensions).toEqual({ balance: 5, requested: 8, ownerType: 'person', ownerId: 'p' });
  });
});
