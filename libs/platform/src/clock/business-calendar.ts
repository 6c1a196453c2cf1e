import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { LinliConfig } from '../config/linli-config';

export type Granularity = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * A business period: `[start, end)` as instants, and its stable key (`2026-11-22T14:05`, `2026-11-22T14`, `2026-11-22`,
 * `2026-W47` (ISO week, Monday first), `2026-11`, `2026Q4`, `2026`).
 */
export interface Period {
  granularity: Granularity;
  key: string;
  start: Date;
  end: Date;
}

const KEY_PATTERNS: Record<Granularity, RegExp> = {
  minute: /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/,
  hour: /^(\d{4})-(\d{2})-(\d{2})T(\d{2})$/,
  week: /^(\d{4})-W(\d{2})$/,
  day: /^(\d{4})-(\d{2})-(\d{2})$/,
  month: /^(\d{4})-(\d{2})$/,
  quarter: /^(\d{4})Q([1-4])$/,
  year: /^(\d{4})$/,
};

/**
 * Periods in the business time zone (default Asia/Shanghai): 2026Q4 ends at 2027-01-01 00:00
 * Beijing time, which is 2026-12-31T16:00Z.
 */
@Injectable()
export class BusinessCalendar {
  readonly zone: string;

  constructor(config: LinliConfig) {
    this.zone = config.timeZone;
  }

  periodOf(instant: Date, granularity: Granularity): Period {
    const local = DateTime.fromJSDate(instant, { zone: this.zone }).startOf(granularity);
    return this.build(local, granularity);
  }

  /** The period just before the one `instant` is in (what a job run at the start of a period assesses). */
  previousPeriodOf(instant: Date, granularity: Granularity): Period {
    const local = DateTime.fromJSDate(instant, { zone: this.zone })
      .startOf(granularity)
      .minus({ [`${granularity}s`]: 1 });
    return this.build(local, granularity);
  }

  parse(key: string): Period {
    for (const granularity of Object.keys(KEY_PATTERNS) as Granularity[]) {
      const match = KEY_PATTERNS[granularity].exec(key);
      if (!match) continue;
      const [year, second, third, fourth, fifth] = match.slice(1).map(Number);
      const start =
        granularity === 'quarter'
          ? DateTime.fromObject({ year, month: (second - 1) * 3 + 1, day: 1 }, { zone: this.zone })
          : granularity === 'week'
            ? DateTime.fromObject({ weekYear: year, weekNumber: second, weekday: 1 }, { zone: this.zone })
            : DateTime.fromObject(
                { year, month: second ?? 1, day: third ?? 1, hour: fourth ?? 0, minute: fifth ?? 0 },
                { zone: this.zone },
              );
      if (!start.isValid) break;
      const period = this.build(start, granularity);
      if (period.key === key) return period;
    }
    throw new RangeError(
      `"${key}" is not a period key (YYYY-MM-DDTHH:mm, YYYY-MM-DDTHH, YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYYQn or YYYY)`,
    );
  }

  /** Wall-clock date (`YYYY-MM-DD`) of an instant in the business zone. */
  localDate(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: this.zone }).toFormat('yyyy-MM-dd');
  }

  /**
   * The instant `days` working days after `instant`, at the same wall-clock time in the business
   * zone. Working days are Monday to Friday; a start on a weekend counts from the next Monday's
   * same time. (Public holidays and make-up working days are not modelled yet.)
   */
  addWorkingDays(instant: Date, days: number): Date {
    let local = DateTime.fromJSDate(instant, { zone: this.zone });
    while (local.weekday > 5) local = local.plus({ days: 1 });
    let remaining = days;
    while (remaining > 0) {
      local = local.plus({ days: 1 });
      if (local.weekday <= 5) remaining -= 1;
    }
    return local.toJSDate();
  }

  private build(start: DateTime, granularity: Granularity): Period {
    const end = start.plus({ [`${granularity}s`]: 1 });
    return { granularity, key: this.keyOf(start, granularity), start: start.toJSDate(), end: end.toJSDate() };
  }

  private keyOf(start: DateTime, granularity: Granularity): string {
    switch (granularity) {
      case 'minute':
        return start.toFormat("yyyy-MM-dd'T'HH:mm");
      case 'hour':
        return start.toFormat("yyyy-MM-dd'T'HH");
      case 'week':
        return start.toFormat("kkkk-'W'WW");
      case 'day':
        return start.toFormat('yyyy-MM-dd');
      case 'month':
        return start.toFormat('yyyy-MM');
      case 'quarter':
        return `${start.year}Q${start.quarter}`;
      case 'year':
        return String(start.year);
    }
  }
}
