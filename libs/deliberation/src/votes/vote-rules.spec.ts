import { meetsPassRule, quorumMet, voteResult } from './vote-rules';

describe('vote rules (城市居民委员会组织法 arts 9–10)', () => {
  it('more than half present: strictly more than half of the eligible', () => {
    expect(quorumMet('more_than_half', 50, 100)).toBe(false);
    expect(quorumMet('more_than_half', 51, 100)).toBe(true);
    expect(quorumMet('more_than_half', 2, 3)).toBe(true);
    expect(quorumMet('more_than_half', 1, 3)).toBe(false);
    expect(quorumMet('more_than_half', 0, 0)).toBe(false);
  });

  it('two-thirds present: at least two-thirds of the eligible', () => {
    expect(quorumMet('two_thirds', 66, 100)).toBe(false);
    expect(quorumMet('two_thirds', 67, 100)).toBe(true);
    expect(quorumMet('two_thirds', 2, 3)).toBe(true);
    expect(quorumMet('two_thirds', 1, 3)).toBe(false);
    expect(quorumMet('none', 0, 1000)).toBe(true);
  });

  it('pass rules count over the ballots cast', () => {
    expect(meetsPassRule('more_than_half', 5, 10)).toBe(false);
    expect(meetsPassRule('more_than_half', 6, 10)).toBe(true);
    expect(meetsPassRule('two_thirds', 6, 9)).toBe(true);
    expect(meetsPassRule('two_thirds', 5, 9)).toBe(false);
    expect(meetsPassRule('two_thirds', 2, 3)).toBe(true);
    expect(meetsPassRule('more_than_half', 0, 0)).toBe(false);
  });

  const vote = { options: ['同意', '不同意', '弃权'], quorum: 'more_than_half' as const, eligible: 10 };

  it('a vote under quorum is invalid with its figures, every option counted (zeros included)', () => {
    expect(voteResult({ ...vote, passRule: 'more_than_half' }, { 同意: 5 })).toEqual({
      eligible: 10,
      cast: 5,
      counts: { 同意: 5, 不同意: 0, 弃权: 0 },
      quorumMet: false,
      outcome: 'invalid',
    });
  });

  it('the first option is the proposal: passed iff it meets the pass rule', () => {
    expect(voteResult({ ...vote, passRule: 'more_than_half' }, { 同意: 4, 不同意: 1, 弃权: 1 })).toEqual({
      eligible: 10,
      cast: 6,
      counts: { 同意: 4, 不同意: 1, 弃权: 1 },
      quorumMet: true,
      outcome: 'passed',
      passingOption: '同意',
    });
    expect(voteResult({ ...vote, passRule: 'more_than_half' }, { 同意: 3, 不同意: 2, 弃权: 1 }).outcome).toBe(
      'rejected',
    );
    expect(voteResult({ ...vote, passRule: 'two_thirds' }, { 同意: 4, 不同意: 2 }).outcome).toBe('passed');
    expect(voteResult({ ...vote, passRule: 'two_thirds' }, { 同意: 4, 不同意: 3 }).outcome).toBe('rejected');
    expect(voteResult({ ...vote, passRule: 'more_than_half' }, { 同意: 1, 不同意: 5 }).outcome).toBe('rejected');
  });
});
