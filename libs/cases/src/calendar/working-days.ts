import { DateTime } from 'luxon';

/** One year's official calendar: public holidays and the make-up working weekend days (调休). */
export interface YearCalendar {
  year: number;
  holidays: readonly string[];
  workdays: readonly string[];
}

/** The calendars a computation may need, by year; a year not loaded counts Monday to Friday. */
export class WorkingDays {
  private readonly holidays = new Set<string>();
  private readonly workdays = new Set<string>();
  private readonly years = new Set<number>();

  constructor(
    readonly zone: string,
    calendars: readonly YearCalendar[],
  ) {
    for (const calendar of calendars) {
      this.years.add(calendar.year);
      calendar.holidays.forEach((day) => this.holidays.add(day));
      calendar.workdays.forEach((day) => this.workdays.add(day));
    }
  }

  /** A make-up working day works; a holiday rests; otherwise Monday to Friday work. */
  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return DateTime.fromISO(date, { zone: this.zone }).weekday <= 5;
  }

  /**
   * The end (24:00 in the business zone) of the `days`-th working day after the day of `instant`:
   * a period in days starts the next day (民法典 第二百零一条) and ends at 24:00 of its last day
   * (第二百零三条); holidays and rest days are skipped and make-up working days count.
   */
  dueAfter(instant: Date, days: number): Date {
    let day = DateTime.fromJSDate(instant, { zone: this.zone }).startOf('day');
    let remaining = days;
    while (remaining > 0) {
      day = day.plus({ days: 1 });
      if (this.isWorkingDay(day.toISODate() as string)) remaining -= 1;
    }
    return day.plus({ days: 1 }).toJSDate();
  }

  /** The years between `from` and `to` (instants) whose calendar was not loaded. */
  missingYears(from: Date, to: Date): number[] {
    const first = DateTime.fromJSDate(from, { zone: this.zone }).year;
    const last = DateTime.fromJSDate(to, { zone: this.zone }).year;
    const missing: number[] = [];
    for (let year = first; year <= last; year += 1) if (!this.years.has(year)) missing.push(year);
    return missing;
  }
}
