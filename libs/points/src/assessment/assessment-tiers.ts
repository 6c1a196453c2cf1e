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

/** The tier of a score (the same rule the assessment SQL applies). */
export function tierOf(score: number, thresholds: AssessmentThresholds): AssessmentTier {
  if (score >= thresholds.excellent) return 'excellent';
  if (score >= thresholds.good) return 'good';
  if (score >= thresholds.pass) return 'pass';
  return 'below_standard';
}
