import { DateTime } from 'luxon';

/**
 * Half-year evaluation periods (`2026H1` = 1 January – 30 June, `2026H2` = 1 July – 31 December), in
 * the business time zone: the kernel calendar has no half-year granularity.
 */
export interface HalfYear {
  key: string;
  /** The first instant of the half-year (local midnight). */
  start: Date;
  /** The first instant of the next half-year. */
  end: Date;
}

const KEY = /^(\d{4})H([12])$/;

function halfYear(year: number, half: 1 | 2, zone: string): HalfYear {
  const start = DateTime.fromObject({ year, month: half === 1 ? 1 : 7, day: 1 }, { zone });
  return { key: `${year}H${half}`, start: start.toJSDate(), end: start.plus({ months: 6 }).toJSDate() };
}

/** The half-year holding `instant` in `zone`. */
export function halfYearOf(instant: Date, zone: string): HalfYear {
  const local = DateTime.fromJSDate(instant, { zone });
  return halfYear(local.year, local.month <= 6 ? 1 : 2, zone);
}

/** The half-year of a key such as `2026H2`; undefined for anything else. */
export function parseHalfYear(key: string, zone: string): HalfYear | undefined {
  const match = KEY.exec(key);
  if (!match) return undefined;
  return halfYear(Number(match[1]), Number(match[2]) as 1 | 2, zone);
}

/** Whether `instant` falls on the first local day of its half-year (1 January or 1 July). */
export function isFirstDayOfHalfYear(instant: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(instant, { zone });
  return local.day === 1 && (local.month === 1 || local.month === 7);
}
