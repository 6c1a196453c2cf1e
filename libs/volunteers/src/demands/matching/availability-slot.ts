import { DateTime } from 'luxon';
import { AvailabilitySlot } from '../../profiles/volunteer-stage';

/** Daytime is 06:00–18:00 in the business time zone; the rest of the day is the evening slot. */
export function availabilitySlotAt(instant: Date, zone: string): AvailabilitySlot {
  const local = DateTime.fromJSDate(instant, { zone });
  const weekend = local.weekday >= 6;
  const daytime = local.hour >= 6 && local.hour < 18;
  return `${weekend ? 'weekend' : 'weekday'}_${daytime ? 'daytime' : 'evening'}`;
}
