import { WorkingDays } from './working-days';

/**
 * Hand-computed on a calendar shaped like the official 2026 one: National Day and Mid-Autumn,
 * 1–7 October off, Sunday 27 September and Saturday 10 October make-up working days (调休).
 * A due instant is 24:00 Beijing time of the last working day.
 */
describe('working days on the official calendar', () => {
  const calendar = new WorkingDays('Asia/Shanghai', [
    {
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-27', '2026-10-10'],
    },
  ]);
  const beijing = (local: string) => new Date(`${local}+08:00`);

  it('skips the holiday week and counts the make-up Saturday', () => {
    // Registered Wednesday 30 September: 1 Oct–7 Oct rest, Thu 8th is day 1, Fri 9th day 2, Sat 10th (调休) day 3.
    expect(calendar.dueAfter(beijing('2026-09-30T10:00:00'), 1)).toEqual(beijing('2026-10-09T00:00:00'));
    expect(calendar.dueAfter(beijing('2026-09-30T10:00:00'), 2)).toEqual(beijing('2026-10-10T00:00:00'));
    expect(calendar.dueAfter(beijing('2026-09-30T10:00:00'), 3)).toEqual(beijing('2026-10-11T00:00:00'));
    // Sunday 11th rests: day 4 is Monday 12th.
    expect(calendar.dueAfter(beijing('2026-09-30T10:00:00'), 4)).toEqual(beijing('2026-10-13T00:00:00'));
  });

  it('counts a make-up Sunday and starts the next day whatever the hour', () => {
    // Saturday 26 September 23:59: Sunday 27th works (调休), so day 1 ends at 24:00 on the 27th.
    expect(calendar.dueAfter(beijing('2026-09-26T23:59:00'), 1)).toEqual(beijing('2026-09-28T00:00:00'));
    // Just after midnight Beijing time is already the 27th: day 1 is Monday 28th.
    expect(calendar.dueAfter(beijing('2026-09-27T00:00:00'), 1)).toEqual(beijing('2026-09-29T00:00:00'));
    // A plain Friday: day 1 is Monday.
    expect(calendar.dueAfter(beijing('2026-11-20T09:00:00'), 1)).toEqual(beijing('2026-11-24T00:00:00'));
  });

  it('tells which years are not loaded, and counts them Monday to Friday', () => {
    expect(calendar.missingYears(beijing('2026-12-30T10:00:00'), beijing('2027-01-05T00:00:00'))).toEqual([2027]);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true); // no 2027 calendar: a Friday
  });
});
