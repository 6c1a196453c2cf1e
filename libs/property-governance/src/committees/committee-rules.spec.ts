import { addDays, addYears, committeeDueDates, isLawfulSize, minimumMembers } from './committee-rules';

describe('owners’ committee rules (业主大会和业主委员会指导规则 arts 31–33)', () => {
  it('takes 5 to 11 members, an odd number', () => {
    expect([3, 4, 5, 6, 7, 9, 10, 11, 12, 13].filter((size) => isLawfulSize(size, 5))).toEqual([5, 7, 9, 11]);
  });

  it('lets a complex below the deployment’s small-complex heads elect its smaller minimum, never more than 11', () => {
    const small = { heads: 50, minimum: 3 };
    expect(minimumMembers(49, small)).toBe(3);
    expect(minimumMembers(50, small)).toBe(5);
    expect(minimumMembers(10, { heads: 0, minimum: 3 })).toBe(5);
    expect(isLawfulSize(3, minimumMembers(49, small))).toBe(true);
    expect(isLawfulSize(13, minimumMembers(49, small))).toBe(false);
  });

  it('counts periods from the day after the election: 7 days from 1 December end on 8 December', () => {
    expect(committeeDueDates('2026-12-01')).toEqual({ officers: '2026-12-08', filing: '2026-12-31' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('ends a five-year term on the same date, 29 February on 28 February', () => {
    expect(addYears('2026-12-01', 5)).toBe('2031-12-01');
    expect(addYears('2028-02-29', 5)).toBe('2033-02-28');
  });
});
