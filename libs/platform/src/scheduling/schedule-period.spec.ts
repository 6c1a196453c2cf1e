import { BusinessCalendar } from '../clock/business-calendar';
import { LinliConfig } from '../config/linli-config';
import { InvalidPeriodError } from './invalid-period.error';
import { resolveSchedulePeriod } from './schedule-period';

describe('the period of a scheduled run (Asia/Shanghai)', () => {
  const calendar = new BusinessCalendar({ timeZone: 'Asia/Shanghai' } as LinliConfig);

  it('assesses the quarter just ended when a quarterly job fires at 00:30 Beijing time on January 1', () => {
    const firedAt = new Date('2026-12-31T16:30:00Z');
    expect(
      resolveSchedulePeriod(
        calendar,
        { name: 'points.assess', period: 'quarter', periodOffset: 'previous' },
        { firedAt },
      ).key,
    ).toBe('2026Q4');
    expect(resolveSchedulePeriod(calendar, { name: 'points.assess', period: 'quarter' }, { firedAt }).key).toBe(
      '2027Q1',
    );
  });

  it('names the Beijing day and month, not the UTC ones', () => {
    const firedAt = new Date('2026-11-30T19:00:00Z'); // 2026-12-01 03:00 in Beijing
    expect(resolveSchedulePeriod(calendar, { name: 'daily', period: 'day' }, { firedAt }).key).toBe('2026-12-01');
    expect(
      resolveSchedulePeriod(calendar, { name: 'monthly', period: 'month', periodOffset: 'previous' }, { firedAt }).key,
    ).toBe('2026-11');
  });

  it('uses an explicit key as given, whatever the firing time', () => {
    const period = resolveSchedulePeriod(
      calendar,
      { name: 'monthly', period: 'month' },
      { period: '2026-02', firedAt: new Date('2030-01-01T00:00:00Z') },
    );
    expect(period.key).toBe('2026-02');
    expect(period.start.toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('refuses a malformed key and a key of another granularity', () => {
    const firedAt = new Date();
    expect(() =>
      resolveSchedulePeriod(calendar, { name: 'monthly', period: 'month' }, { period: '2026-13', firedAt }),
    ).toThrow(InvalidPeriodError);
    expect(() =>
      resolveSchedulePeriod(calendar, { name: 'monthly', period: 'month' }, { period: '2026Q4', firedAt }),
    ).toThrow(/runs per month/);
  });
});
