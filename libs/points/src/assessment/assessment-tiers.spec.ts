import { DEFAULT_ASSESSMENT_THRESHOLDS, tierOf, tierSql } from './assessment-tiers';

describe('assessment tiers', () => {
  const thresholds = { excellent: 90, good: 75, pass: 60 };

  it('puts a score in the highest tier whose minimum it reaches', () => {
    expect([95, 90, 89, 75, 74, 60, 59, 0].map((score) => tierOf(score, thresholds))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'pass',
      'pass',
      'below_standard',
      'below_standard',
    ]);
  });

  it('ships default thresholds in descending order for both owner types', () => {
    for (const t of Object.values(DEFAULT_ASSESSMENT_THRESHOLDS))
      expect(t.excellent >= t.good && t.good >= t.pass && t.pass >= 0).toBe(true);
  });
});

describe('assessment tiers in SQL', () => {
  it('writes the same rule as the CASE the assessment statement runs', () => {
    expect(tierSql('s.score', { excellent: 't.excellent', good: 't.good', pass: 't.pass' })).toBe(
      "CASE WHEN s.score >= t.excellent THEN 'excellent' WHEN s.score >= t.good THEN 'good' WHEN s.score >= t.pass THEN 'pass' ELSE 'below_standard' END",
    );
  });
});
