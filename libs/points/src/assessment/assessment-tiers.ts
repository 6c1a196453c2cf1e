import { OwnerType } from '../ledger/points-owner';

export const ASSESSMENT_TIERS = ['excellent', 'good', 'pass', 'below_standard'] as const;
export type AssessmentTier = (typeof ASSESSMENT_TIERS)[number];

/** Chinese display names of the tiers. */
export const ASSESSMENT_TIER_NAMES: Record<AssessmentTier, string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  below_standard: '不合格',
};

/** Minimum quarterly score of each tier (a score below `pass` is below standard). */
export interface AssessmentThresholds {
  excellent: number;
  good: number;
  pass: number;
}

/** Defaults; a deployment overrides them per owner type with a row in `point_assessment_thresholds`. */
export const DEFAULT_ASSESSMENT_THRESHOLDS: Record<OwnerType, AssessmentThresholds> = {
  person: { excellent: 90, good: 75, pass: 60 },
  organization: { excellent: 900, good: 750, pass: 600 },
};

/**
 * The tier rule, in one place: from the highest tier down, the threshold each one's minimum score is;
 * a score that reaches none is below standard. `tierOf` applies it to a number, `tierSql` writes it as
 * the SQL the quarterly assessment runs.
 */
const TIER_MINIMUMS: readonly {
  tier: Exclude<AssessmentTier, 'below_standard'>;
  minimum: keyof AssessmentThresholds;
}[] = [
  { tier: 'excellent', minimum: 'excellent' },
  { tier: 'good', minimum: 'good' },
  { tier: 'pass', minimum: 'pass' },
];
const BELOW_ALL: AssessmentTier = 'below_standard';

/** The tier of a score: the highest whose minimum it reaches. */
export function tierOf(score: number, thresholds: AssessmentThresholds): AssessmentTier {
  return TIER_MINIMUMS.find(({ minimum }) => score >= thresholds[minimum])?.tier ?? BELOW_ALL;
}

/** The same rule as a SQL `CASE` over a score expression and the expressions (columns, parameters) holding each threshold. */
export function tierSql(score: string, thresholds: Record<keyof AssessmentThresholds, string>): string {
  const steps = TIER_MINIMUMS.map(({ tier, minimum }) => `WHEN ${score} >= ${thresholds[minimum]} THEN '${tier}'`);
  return `CASE ${steps.join(' ')} ELSE '${BELOW_ALL}' END`;
}
