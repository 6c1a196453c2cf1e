import { DateTime, IANAZone } from 'luxon';

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/**
 * An IANA time zone that remembers its UTC offset per quarter hour. Luxon asks Intl for the offset
 * at every conversion (tens of microseconds each), and a batch of credits converts thousands of
 * instants that fall within a few hours. Exact: a quarter hour whose two ends disagree (a
 * transition inside it) is never remembered.
 */
class OffsetCachingZone extends IANAZone {
  private readonly offsets = new Map<number, number | null>();

  override offset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR_MS);
    let known = this.offsets.get(bucket);
    if (known === undefined) {
      const first = super.offset(bucket * QUARTER_HOUR_MS);
      known = first === super.offset((bucket + 1) * QUARTER_HOUR_MS - 1) ? first : null;
      this.offsets.set(bucket, known);
    }
    return known ?? super.offset(ts);
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Wall-clock arithmetic in the business time zone for one batch of credits: the same results as
 * `BusinessCalendar` and luxon, without asking Intl again for every instant. Short-lived: one per
 * batch (it remembers the offsets it has seen).
 */
export class BusinessTime {
  private readonly zone: OffsetCachingZone;

  constructor(zoneName: string) {
    this.zone = new OffsetCachingZone(zoneName);
  }

  /** `instant` plus whole months on the wall clock (31 January + 1 month is the last day of February). */
  plusMonths(instant: Date, months: number): Date {
    return DateTime.fromJSDate(instant, { zone: this.zone }).plus({ months }).toJSDate();
  }

  /** The key of the business day, month or year `instant` falls in (`2026-11-22`, `2026-11`, `2026`), as `BusinessCalendar` names it. */
  periodKey(instant: Date, granularity: 'day' | 'month' | 'year'): string {
    const local = DateTime.fromJSDate(instant, { zone: this.zone });
    const year = pad(local.year, 4);
    if (granularity === 'year') return year;
    const month = `${year}-${pad(local.month, 2)}`;
    return granularity === 'month' ? month : `${month}-${pad(local.day, 2)}`;
  }
}
