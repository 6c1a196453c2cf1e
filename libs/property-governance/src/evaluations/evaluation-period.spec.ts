import {
  complexScore,
  gradeOf,
  ratingTotal,
  weightsValid,
  DEFAULT_CATEGORY_WEIGHTS,
  EVALUATION_CATEGORIES,
} from './evaluation-defaults';
import { halfYearOf, isFirstDayOfHalfYear, parseHalfYear } from './evaluation-period';

const ZONE = 'Asia/Shanghai';

describe('half-year evaluation periods (business time zone)', () => {
  it('finds the half-year of an instant in local time', () => {
    expect(halfYearOf(new Date('2026-06-30T15:59:59Z'), ZONE).key).toBe('2026H1');
    expect(halfYearOf(new Date('2026-06-30T16:00:00Z'), ZONE).key).toBe('2026H2'); // 1 July 00:00 Beijing
    expect(halfYearOf(new Date('2026-12-31T16:00:00Z'), ZONE).key).toBe('2027H1');
  });

  it('parses keys into local bounds', () => {
    const h2 = parseHalfYear('2026H2', ZONE);
    expect(h2?.start.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(h2?.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(parseHalfYear('2026H3', ZONE)).toBeUndefined();
    expect(parseHalfYear('2026Q1', ZONE)).toBeUndefined();
  });

  it('knows the first day of a half-year', () => {
    expect(isFirstDayOfHalfYear(new Date('2026-06-30T17:00:00Z'), ZONE)).toBe(true);
    expect(isFirstDayOfHalfYear(new Date('2026-06-30T15:00:00Z'), ZONE)).toBe(false);
    expect(isFirstDayOfHalfYear(new Date('2027-01-01T10:00:00Z'), ZONE)).toBe(true);
    expect(isFirstDayOfHalfYear(new Date('2027-01-02T10:00:00Z'), ZONE)).toBe(false);
  });
});

describe('grades and weighted scores', () => {
  it('grades with inclusive lower bounds', () => {
    expect([85, 84.99, 80, 79.99, 70, 69.99, 60, 59.99, 100, 0].map(gradeOf)).toEqual([
      'AAA',
      'AA',
      'AA',
      'A',
      'A',
      'B',
      'B',
      'C',
      'AAA',
      'C',
    ]);
  });

  it('validates weights', () => {
    expect(weightsValid(DEFAULT_CATEGORY_WEIGHTS, EVALUATION_CATEGORIES)).toBe(true);
    expect(weightsValid({ owner: 0.5, committee: 0.4 }, ['owner', 'committee'])).toBe(false);
    expect(weightsValid({ owner: 1, other: 0 }, ['owner'])).toBe(false);
  });

  it('computes a hand-computed weighted score', () => {
    // Default categories: 0.25×80 + 0.15×(90+70+60+100+50) = 20 + 55.5 = 75.5
    const scores = {
      service_quality: 80,
      cleanliness_greening: 90,
      security: 70,
      maintenance: 60,
      responsiveness: 100,
      party_building: 50,
    };
    expect(ratingTotal(scores, DEFAULT_CATEGORY_WEIGHTS)).toBe(75.5);
    // Owners mean (70+80)/2 = 75 × 0.4 = 30; committee 90 × 0.2 = 18; community 60 × 0.2 = 12; branch absent:
    // (30 + 18 + 12) / 0.8 = 75
    expect(
      complexScore(
        { owner: [70, 80], committee: [90], community: [60] },
        { owner: 0.4, committee: 0.2, branch: 0.2, community: 0.2 },
      ),
    ).toBe(75);
    expect(complexScore({}, { owner: 1 })).toBeUndefined();
  });
});
