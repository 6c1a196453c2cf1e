import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the points rules. Never renamed once released. */
export enum RulesCode {
  RuleCodeTaken = 'points.rule-code-taken',
  RuleScopeForbidden = 'points.rule-scope-forbidden',
}

const CATALOGUE: Record<RulesCode, ProblemDefinition> = {
  [RulesCode.RuleCodeTaken]: { status: 409, title: 'Rule code taken', detail: '积分规则编码已被使用' },
  [RulesCode.RuleScopeForbidden]: {
    status: 403,
    title: 'Deployment-wide rule needs a deployment-wide grant',
    detail: '只有全局管理员可以设立或修改全局积分规则',
  },
};

export class RulesException extends ProblemException {
  constructor(code: RulesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
