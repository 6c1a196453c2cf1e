import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the quarterly assessment. Never renamed once released. */
export enum AssessmentCode {
  AssessmentPublished = 'points.assessment-published',
}

const CATALOGUE: Record<AssessmentCode, ProblemDefinition> = {
  [AssessmentCode.AssessmentPublished]: {
    status: 409,
    title: 'Assessment period already published',
    detail: '该季度考核结果已发布，不能重新计算',
  },
};

export class AssessmentException extends ProblemException {
  constructor(code: AssessmentCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
