import { toPositional } from './named-parameters';

describe('toPositional', () => {
  it('numbers each name once, in order of first use, and leaves casts alone', () => {
    expect(toPositional('a = :x OR b = :y::uuid OR c = :x', { x: 1, y: 'u' })).toEqual({
      sql: 'a = $1 OR b = $2::uuid OR c = $1',
      params: [1, 'u'],
    });
  });

  it('refuses a name without a value rather than sending a wrong statement', () => {
    expect(() => toPositional('a = :missing', {})).toThrow(':missing');
  });
});
