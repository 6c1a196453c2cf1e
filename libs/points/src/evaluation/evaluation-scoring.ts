import { FieldProblem, ValidationProblem } from '@linli/platform';

export interface EvaluationCriterion {
  code: string;
  name: string;
  weight: number;
}

/** How an annual evaluation result (a mean weighted score, 0–100) becomes evaluation points of the year's Q4 assessment. */
export const EVALUATION_POINTS_FACTOR = 0.2;

/** The field problems of a campaign's criteria: distinct codes, weights summing to 100. */
export function criteriaProblems(criteria: EvaluationCriterion[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const codes = new Set(criteria.map((c) => c.code));
  if (codes.size !== criteria.length) problems.push({ field: 'criteria', message: '评价指标编码不能重复' });
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) problems.push({ field: 'criteria', message: `评价指标权重之和须为 100，当前为 ${total}` });
  return problems;
}

/**
 * Σ score × weight / 100 rounded to two decimals; 400 unless `scores` holds exactly the criteria's
 * codes, each an integer from 0 to 100.
 */
export function weightedScore(criteria: EvaluationCriterion[], scores: Record<string, unknown>): number {
  const problems: FieldProblem[] = [];
  const known = new Set(criteria.map((c) => c.code));
  for (const key of Object.keys(scores))
    if (!known.has(key)) problems.push({ field: `scores.${key}`, message: '不是本次评价的指标' });
  for (const criterion of criteria) {
    const value = scores[criterion.code];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
      problems.push({ field: `scores.${criterion.code}`, message: `“${criterion.name}”的评分须为 0 到 100 的整数` });
    }
  }
  if (problems.length > 0) throw new ValidationProblem(problems);
  const hundredths = criteria.reduce((sum, c) => sum + (scores[c.code] as number) * c.weight, 0);
  return Math.round(hundredths) / 100;
}
