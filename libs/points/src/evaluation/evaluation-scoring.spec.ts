import { ProblemException } from '@linli/platform';
import { criteriaProblems, weightedScore } from './evaluation-scoring';

const criteria = [
  { code: 'service', name: '服务群众', weight: 60 },
  { code: 'cooperation', name: '共驻共建', weight: 40 },
];

describe('two-way evaluation scoring', () => {
  it('weighs each criterion score by its weight', () => {
    expect(weightedScore(criteria, { service: 90, cooperation: 75 })).toBe(84);
    expect(weightedScore(criteria, { service: 77, cooperation: 81 })).toBe(78.6);
  });

  it('refuses scores that miss a criterion, name an unknown one or leave 0–100', () => {
    for (const scores of [
      { service: 90 },
      { service: 90, cooperation: 80, extra: 1 },
      { service: 101, cooperation: 80 },
      { service: 9.5, cooperation: 80 },
    ]) {
      expect(() => weightedScore(criteria, scores)).toThrow(ProblemException);
    }
  });

  it('accepts criteria whose distinct weights sum to 100 and flags the rest', () => {
    expect(criteriaProblems(criteria)).toEqual([]);
    expect(criteriaProblems([{ code: 'a', name: '甲', weight: 50 }])).toHaveLength(1);
    expect(
      criteriaProblems([
        { code: 'a', name: '甲', weight: 50 },
        { code: 'a', name: '乙', weight: 50 },
      ]),
    ).toHaveLength(1);
  });
});
