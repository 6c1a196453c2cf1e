import { caseRates, rankByScore } from './case-rates';

const DEFAULT = { response: 30, resolution: 35, satisfaction: 35, onTime: 0, rework: 0 };

describe('the three rates and the composite score, hand-computed', () => {
  it('counts a small month: 10 received, 1 rejected, 8 responded in time, 7 resolved, 6 visited of whom 5 satisfied', () => {
    const rates = caseRates(
      {
        received: 10,
        responded: 8,
        rejected: 1,
        resolved: 7,
        visited: 6,
        satisfied: 5,
        reworked: 2,
        due: 9,
        suspended: 1,
        closedOnTime: 6,
      },
      DEFAULT,
    );
    expect(rates.responseRate).toBe(0.8);
    expect(rates.resolutionRate).toBeCloseTo(7 / 9, 12);
    expect(rates.satisfactionRate).toBeCloseTo(5 / 6, 12);
    // 6 closed on time of 9 due, one suspended (deferred): 6 ÷ 8.
    expect(rates.onTimeCloseRate).toBe(0.75);
    expect(rates.reworkRate).toBeCloseTo(2 / 9, 12);
    // 100 × (0.3 × 0.8 + 0.35 × 7/9 + 0.35 × 5/6) = 24 + 27.2222 + 29.1667 = 80.39
    expect(rates.score).toBe(80.39);
  });

  it('leaves out a rate without a base and its weight; rework weighs as 1 − rework', () => {
    const none = caseRates(
      {
        received: 4,
        responded: 4,
        rejected: 0,
        resolved: 2,
        visited: 0,
        satisfied: 0,
        reworked: 1,
        due: 0,
        suspended: 0,
        closedOnTime: 0,
      },
      { ...DEFAULT, rework: 10 },
    );
    expect(none.satisfactionRate).toBeNull();
    expect(none.onTimeCloseRate).toBeNull();
    // (30 × 1 + 35 × 0.5 + 10 × 0.75) ÷ 75 = 55 ÷ 75 = 73.33
    expect(none.score).toBe(73.33);
    expect(
      caseRates(
        {
          received: 0,
          responded: 0,
          rejected: 0,
          resolved: 0,
          visited: 0,
          satisfied: 0,
          reworked: 0,
          due: 0,
          suspended: 0,
          closedOnTime: 0,
        },
        DEFAULT,
      ).score,
    ).toBeNull();
  });

  it('ranks by score with ties sharing a rank, unscored units unranked', () => {
    const ranked = rankByScore([
      { name: 'a', score: 90 },
      { name: 'b', score: 95 },
      { name: 'c', score: 90 },
      { name: 'd', score: null },
      { name: 'e', score: 80 },
    ]);
    expect(ranked.map((item) => [item.name, item.rank])).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 2],
      ['d', null],
      ['e', 4],
    ]);
  });
});
