import { availabilitySlotAt } from './availability-slot';

describe('availabilitySlotAt', () => {
  it('reads the slot in the business time zone, not the process one', () => {
    // Friday 2026-11-20 23:30 UTC is Saturday 07:30 in Beijing.
    expect(availabilitySlotAt(new Date('2026-11-20T23:30:00Z'), 'Asia/Shanghai')).toBe('weekend_daytime');
    // Monday 2026-11-23 11:00 UTC is Monday 19:00 in Beijing.
    expect(availabilitySlotAt(new Date('2026-11-23T11:00:00Z'), 'Asia/Shanghai')).toBe('weekday_evening');
    expect(availabilitySlotAt(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe('weekday_daytime');
  });
});
