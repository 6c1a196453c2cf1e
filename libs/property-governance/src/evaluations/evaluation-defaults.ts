/**
 * The one home of the evaluation figures: default rater and category weights, the grade table, the
 * rectification threshold and deadline. Every figure is configurable per campaign except the grades.
 */
export const RATER_KINDS = ['owner', 'committee', 'branch', 'community'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const RATER_KIND_DISPLAY: Record<RaterKind, string> = {
  owner: '业主',
  committee: '业主委员会',
  branch: '小区党支部',
  community: '社区',
};

export const DEFAULT_RATER_WEIGHTS: Record<RaterKind, number> = {
  owner: 0.4,
  committee: 0.2,
  branch: 0.2,
  community: 0.2,
};

export const EVALUATION_CATEGORIES = [
  'service_quality',
  'cleanliness_greening',
  'security',
  'maintenance',
  'responsiveness',
  'party_building',
] as const;
export type EvaluationCategory = (typeof EVALUATION_CATEGORIES)[number];

export const EVALUATION_CATEGORY_DISPLAY: Record<EvaluationCategory, string> = {
  service_quality: '服务质量',
  cleanliness_greening: '保洁绿化',
  security: '秩序维护',
  maintenance: '设施维护',
  responsiveness: '响应速度',
  party_building: '党建引领',
};

/** Default category weights (sum 1). */
export const DEFAULT_CATEGORY_WEIGHTS: Record<EvaluationCategory, number> = {
  service_quality: 0.25,
  cleanliness_greening: 0.15,
  security: 0.15,
  maintenance: 0.15,
  responsiveness: 0.15,
  party_building: 0.15,
};

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

/** Lower bounds, inclusive: 85 → AAA, 84.99 → AA; below 60 → C. */
export const GRADE_TABLE: { grade: Grade; from: number }[] = [
  { grade: 'AAA', from: 85 },
  { grade: 'AA', from: 80 },
  { grade: 'A', from: 70 },
  { grade: 'B', from: 60 },
  { grade: 'C', from: 0 },
];

export const DEFAULT_RECTIFICATION_BELOW = 60;
export const RECTIFICATION_DAYS = 30;

/** The grade of a score (0..100, two decimals). */
export function gradeOf(score: number): Grade {
  return (GRADE_TABLE.find((row) => score >= row.from) ?? GRADE_TABLE[GRADE_TABLE.length - 1]).grade;
}

/** Whether weights are each in [0, 1] and sum to 1 (to within 1e-6), every key known. */
export function weightsValid(weights: Record<string, number>, keys: readonly string[]): boolean {
  const entries = Object.entries(weights);
  if (entries.length === 0 || entries.some(([key, value]) => !keys.includes(key) || !(value >= 0 && value <= 1)))
    return false;
  return Math.abs(entries.reduce((sum, [, value]) => sum + value, 0) - 1) < 1e-6;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** One rating's total: Σ category weight × score, categories without a weight ignored; two decimals. */
export function ratingTotal(scores: Record<string, number>, categoryWeights: Record<string, number>): number {
  return round2(Object.entries(categoryWeights).reduce((sum, [key, weight]) => sum + weight * (scores[key] ?? 0), 0));
}

/**
 * A complex's score: Σ over the rater kinds that rated (weight × that kind's mean total), the
 * weights renormalised over those kinds (a complex without a committee is not marked down for it);
 * two decimals. Undefined when nobody rated.
 */
export function complexScore(
  totalsByKind: Partial<Record<RaterKind, number[]>>,
  raterWeights: Record<string, number>,
): number | undefined {
  let weighted = 0;
  let weightSum = 0;
  for (const [kind, totals] of Object.entries(totalsByKind)) {
    const weight = raterWeights[kind] ?? 0;
    if (!totals || totals.length === 0 || weight === 0) continue;
    weighted += (weight * totals.reduce((a, b) => a + b, 0)) / totals.length;
    weightSum += weight;
  }
  return weightSum === 0 ? undefined : round2(weighted / weightSum);
}
