import { defaultTermEnd } from './officer-terms';

describe('default officer terms', () => {
  it('gives a branch and a committee five years', () => {
    expect(defaultTermEnd('branch', '2026-03-01')).toBe('2031-03-01');
    expect(defaultTermEnd('joint_branch', '2026-03-01')).toBe('2031-03-01');
    expect(defaultTermEnd('committee', '2026-03-01')).toBe('2031-03-01');
  });

  it('gives a general branch three years', () => {
    expect(defaultTermEnd('general_branch', '2026-03-01')).toBe('2029-03-01');
  });

  it('ends a term started on 29 February on 28 February', () => {
    expect(defaultTermEnd('general_branch', '2028-02-29')).toBe('2031-02-28');
  });

  it('leaves a party group without a default end', () => {
    expect(defaultTermEnd('party_group', '2026-03-01')).toBeNull();
  });
});
