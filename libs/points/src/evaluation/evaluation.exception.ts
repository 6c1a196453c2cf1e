import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the two-way evaluation. Never renamed once released. */
export enum EvaluationCode {
  EvaluationClosed = 'points.evaluation-closed',
  EvaluationSubmitted = 'points.evaluation-submitted',
}

const CATALOGUE: Record<EvaluationCode, ProblemDefinition> = {
  [EvaluationCode.EvaluationClosed]: {
    status: 409,
    title: 'Evaluation campaign closed',
    detail: '该评价活动不在评价期内',
  },
  [EvaluationCode.EvaluationSubmitted]: {
    status: 409,
    title: 'Evaluation already submitted',
    detail: '该评价任务已提交评分',
  },
};

export class EvaluationException extends ProblemException {
  constructor(code: EvaluationCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
