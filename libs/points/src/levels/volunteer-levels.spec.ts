import { checkLevelTable, DEFAULT_VOLUNTEER_LEVELS, levelOf } from './volunteer-levels';

describe('volunteer levels', () => {
  it('gives the highest level whose threshold the earned points reach', () => {
    expect(levelOf(0, DEFAULT_VOLUNTEER_LEVELS).code).toBe('star-1');
    expect(levelOf(99, DEFAULT_VOLUNTEER_LEVELS).code).toBe('star-1');
    expect(levelOf(100, DEFAULT_VOLUNTEER_LEVELS).code).toBe('star-2');
    expect(levelOf(5000, DEFAULT_VOLUNTEER_LEVELS)).toEqual({ code: 'star-5', display: '五星志愿者', minEarned: 1000 });
  });

  it('refuses a level table that does not start at zero or does not rise', () => {
    expect(checkLevelTable(DEFAULT_VOLUNTEER_LEVELS)).toBe(DEFAULT_VOLUNTEER_LEVELS);
    expect(() => checkLevelTable([])).toThrow(/empty/);
    expect(() => checkLevelTable([{ code: 'a', display: '一星', minEarned: 10 }])).toThrow(/start at 0/);
    expect(() => checkLevelTable([{ code: 'a', display: '一星', minEarned: 0 }, { code: 'b', display: '二星', minEarned: 0 }])).toThrow(/rising/);
    expect(() => checkLevelTable([{ code: 'a', display: '一星', minEarned: 0 }, { code: 'a', display: '二星', minEarned: 5 }])).toThrow(/unique/);
  });
});
