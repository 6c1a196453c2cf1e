import { DateTime } from 'luxon';
import { BusinessCalendar, LinliConfig } from '@linli/platform';
import { BusinessTime } from './business-time';

const MINUTE = 60 * 1000;

/** Instants every 193 minutes over fourteen months, and every minute for two hours around each change of the zone's offset among them. */
function instantsIn(zone: string): Date[] {
  const sparse = Array.from({ length: 3150 }, (_, i) => Date.UTC(2025, 11, 1) + i * 193 * MINUTE);
  const dense: number[] = [];
  for (let i = 1; i < sparse.length; i++) {
    if (DateTime.fromMillis(sparse[i - 1], { zone }).offset === DateTime.fromMillis(sparse[i], { zone }).offset)
      continue;
    for (let t = sparse[i - 1] - 60 * MINUTE; t <= sparse[i] + 60 * MINUTE; t += MINUTE + 1000) dense.push(t);
  }
  return [...sparse, ...dense].map((t) => new Date(t));
}

describe('business time for a batch of credits', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'America/St_Johns', 'Australia/Lord_Howe'])(
    'agrees with luxon and the business calendar in %s, across daylight-saving transitions',
    (zone) => {
      const instants = instantsIn(zone);
      const time = new BusinessTime(zone);
      const calendar = new BusinessCalendar({ timeZone: zone } as LinliConfig);

      expect(instants.map((instant) => time.plusMonths(instant, 24).getTime())).toEqual(
        instants.map((instant) => DateTime.fromJSDate(instant, { zone }).plus({ months: 24 }).toMillis()),
      );
      const keys = (key: (instant: Date, granularity: 'day' | 'month' | 'year') => string) =>
        instants.map((instant) => ['day', 'month', 'year'].map((g) => key(instant, g as 'day')).join(' '));
      expect(keys((instant, granularity) => time.periodKey(instant, granularity))).toEqual(
        keys((instant, granularity) => calendar.periodOf(instant, granularity).key),
      );
    },
  );

  it('keeps the wall clock when adding months, ending on the last day of a shorter month', () => {
    const time = new BusinessTime('Asia/Shanghai');
    expect(time.plusMonths(new Date('2026-01-31T02:00:00Z'), 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(time.plusMonths(new Date('2026-12-31T16:30:00Z'), 24).toISOString()).toBe('2028-12-31T16:30:00.000Z');
    expect(time.periodKey(new Date('2026-12-31T16:30:00Z'), 'year')).toBe('2027');
  });
});
