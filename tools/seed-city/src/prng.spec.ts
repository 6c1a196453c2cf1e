import { Prng, splitExactly } from './prng';

describe('seeded generator', () => {
  it('repeats the same sequence (and ids) for the same seed and stream, and another for another seed', () => {
    const draw = (seed: number, stream: number) => {
      const prng = new Prng(seed, stream);
      return [prng.uint32(), prng.int(1, 6), prng.uuid()];
    };
    expect(draw(42, 1)).toEqual(draw(42, 1));
    expect(draw(42, 1)).not.toEqual(draw(43, 1));
    expect(draw(42, 1)).not.toEqual(draw(42, 2));
    expect(new Prng(1).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('splits a total exactly, in proportion to the weights', () => {
    expect(splitExactly(161, new Array(30).fill(1)).reduce((a, b) => a + b, 0)).toBe(161);
    expect(splitExactly(161, new Array(30).fill(1)).filter((n) => n === 6)).toHaveLength(11);
    expect(splitExactly(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(splitExactly(0, [1, 2])).toEqual([0, 0]);
  });
});
