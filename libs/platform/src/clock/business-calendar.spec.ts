import { LinliConfig } from '../config/linli-config';
import { BusinessCalendar } from './business-calendar';

describe('BusinessCalendar (Asia/Shanghai)', () => {
  const calendar = new BusinessCalendar({ timeZone: 'Asia/Shanghai' } as LinliConfig);

  it('ends 2026Q4 at 2027-01-01 00:00 Beijing time, which is 16:00 UTC on Dec 31', () => {
    const q4 = calendar.parse('2026Q4');
    expect(q4.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(q4.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('puts an instant of 2026-12-31T16:30Z into 2027Q1, and 15:59Z into 2026Q4', () => {
    expect(calendar.periodOf(new Date('2026-12-31T16:30:00Z'), 'quarter').key).toBe('2027Q1');
    expect(calendar.periodOf(new Date('2026-12-31T15:59:59Z'), 'quarter').key).toBe('2026Q4');
  });

  it('names days, months and years by the Beijing wall clock', () => {
    const instant = new Date('2026-11-30T17:00:00Z'); // 2026-12-01 01:00 in Beijing
    expect(calendar.periodOf(instant, 'day').key).toBe('2026-12-01');
    expect(calendar.periodOf(instant, 'month').key).toBe('2026-12');
    expect(calendar.periodOf(instant, 'year').key).toBe('2026');
    expect(calendar.localDate(instant)).toBe('2026-12-01');
  });

  it('names minutes, hours and ISO weeks (Monday first) by the Beijing wall clock', () => {
    const instant = new Date('2026-11-29T16:30:00Z'); // Monday 2026-11-30 00:30 in Beijing
    expect(calendar.periodOf(instant, 'hour').key).toBe('2026-11-30T00');
    const minute = calendar.periodOf(instant, 'minute');
    expect(minute.key).toBe('2026-11-30T00:30');
    expect([minute.start.toISOString(), minute.end.toISOString()]).toEqual([
      '2026-11-29T16:30:00.000Z',
      '2026-11-29T16:31:00.000Z',
    ]);
    expect(calendar.parse('2026-11-30T00:30')).toEqual(minute);
    expect(() => calendar.parse('2026-11-30T00:60')).toThrow(RangeError);
    const week = calendar.periodOf(instant, 'week');
    expect(week.key).toBe('2026-W49');
    expect(week.start.toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(calendar.previousPeriodOf(instant, 'week').key).toBe('2026-W48');
    // ISO week-years: 2027-01-01 (a Friday) still belongs to the last week of 2026.
    expect(calendar.periodOf(new Date('2027-01-01T04:00:00Z'), 'week').key).toBe('2026-W53');
  });

  it('gives the previous period, across a year boundary', () => {
    expect(calendar.previousPeriodOf(new Date('2027-01-01T00:00:00+08:00'), 'quarter').key).toBe('2026Q4');
    expect(calendar.previousPeriodOf(new Date('2027-01-15T00:00:00+08:00'), 'month').key).toBe('2026-12');
  });

  it('round-trips every key kind and rejects malformed keys', () => {
    for (const key of ['2026-02-28T09', '2026-02-28', '2026-W09', '2026-02', '2026Q1', '2026'])
      expect(calendar.parse(key).key).toBe(key);
    for (const key of ['2026-02-30', '2026-02-28T24', '2026-W54', '2026Q5', '2026-13', 'Q1', ''])
      expect(() => calendar.parse(key)).toThrow(RangeError);
  });

  it('uses the configured zone, not the process zone', () => {
    const utc = new BusinessCalendar({ timeZone: 'UTC' } as LinliConfig);
    expect(utc.periodOf(new Date('2026-12-31T16:30:00Z'), 'quarter').key).toBe('2026Q4');
  });

  it('counts working days Monday to Friday by the Beijing wall clock', () => {
    // Wednesday 2026-12-02 10:00 Beijing → five working days later is Wednesday 2026-12-09 10:00.
    expect(calendar.addWorkingDays(new Date('2026-12-02T02:00:00Z'), 5).toISOString()).toBe('2026-12-09T02:00:00.000Z');
    // Friday 2026-12-04 23:30 Beijing (15:30Z, still Friday in Beijing) → Monday counts as the first.
    expect(calendar.addWorkingDays(new Date('2026-12-04T15:30:00Z'), 1).toISOString()).toBe('2026-12-07T15:30:00.000Z');
    // Saturday 2026-12-05 01:00 Beijing (Friday 17:00Z) starts from Monday 01:00: one working day later is Tuesday 01:00.
    expect(calendar.addWorkingDays(new Date('2026-12-04T17:00:00Z'), 1).toISOString()).toBe('2026-12-07T17:00:00.000Z');
  });
});
