import { volunteerLevelOf } from './volunteer-level';

const record = (verifiedHours: number, ratings: number[] = []) => ({
  verifiedHours,
  ratingSum: ratings.reduce((sum, rating) => sum + rating, 0),
  ratingCount: ratings.length,
});

describe('volunteer level', () => {
  it('rises with verified hours', () => {
    expect(volunteerLevelOf(record(0))).toEqual({ code: 'star-1', display: '一星志愿者' });
    expect(volunteerLevelOf(record(19.75)).code).toBe('star-1');
    expect(volunteerLevelOf(record(20))).toEqual({ code: 'star-2', display: '二星志愿者' });
    expect(volunteerLevelOf(record(50)).code).toBe('star-3');
    expect(volunteerLevelOf(record(100)).code).toBe('star-4');
  });

  it('asks for good ratings at the top levels, without holding back a volunteer nobody has rated', () => {
    expect(volunteerLevelOf(record(150, [3, 4])).code).toBe('star-3');
    expect(volunteerLevelOf(record(150, [4, 4])).code).toBe('star-4');
    expect(volunteerLevelOf(record(250)).code).toBe('star-4');
    expect(volunteerLevelOf(record(250, [5, 5])).code).toBe('star-4');
    expect(volunteerLevelOf(record(250, [5, 5, 4])).code).toBe('star-5');
    expect(volunteerLevelOf(record(250, [5, 4, 4])).code).toBe('star-4');
    expect(volunteerLevelOf(record(250, [5, 5, 4, 5, 5])).display).toBe('五星志愿者');
  });

  it('gives the same level for the same record and never a lower one for more hours', () => {
    const ratings = [5, 4, 5];
    let previous = 0;
    for (let hours = 0; hours <= 400; hours += 0.25) {
      const rank = Number(volunteerLevelOf(record(hours, ratings)).code.slice(-1));
      expect(rank).toBeGreaterThanOrEqual(previous);
      expect(volunteerLevelOf(record(hours, ratings))).toEqual(volunteerLevelOf(record(hours, ratings)));
      previous = rank;
    }
    expect(previous).toBe(5);
  });
});
