import { attendedHours } from './attendance-hours';
import { currentCheckInCode, isValidCheckInCode, newCheckInSecret, withinCheckInWindow } from '@linli/platform';
import { distanceMeters } from './geo-distance';

describe('check-in codes', () => {
  const secret = newCheckInSecret();
  const now = new Date('2026-11-28T08:00:30Z');

  it('accepts the code shown now and the one just before it, and refuses older or other codes', () => {
    const { code, validUntil } = currentCheckInCode(secret, now);
    expect(code).toMatch(/^\d{6}$/);
    expect(validUntil.getTime()).toBeGreaterThan(now.getTime());
    expect(isValidCheckInCode(secret, code, now)).toBe(true);
    expect(isValidCheckInCode(secret, code, validUntil)).toBe(true);
    expect(isValidCheckInCode(secret, code, new Date(validUntil.getTime() + 10 * 60_000))).toBe(false);
    expect(isValidCheckInCode(newCheckInSecret(), code, now)).toBe(false);
    expect(isValidCheckInCode(secret, 'abc', now)).toBe(false);
  });

  it('opens check-in a margin before the start and closes it a margin after the end', () => {
    const window = { startsAt: new Date('2026-11-28T09:00:00Z'), endsAt: new Date('2026-11-28T11:00:00Z') };
    expect(withinCheckInWindow(window, new Date('2026-11-28T08:31:00Z'))).toBe(true);
    expect(withinCheckInWindow(window, new Date('2026-11-28T08:29:00Z'))).toBe(false);
    expect(withinCheckInWindow(window, new Date('2026-11-28T11:29:00Z'))).toBe(true);
    expect(withinCheckInWindow(window, new Date('2026-11-28T11:31:00Z'))).toBe(false);
  });
});

describe('attended hours', () => {
  const session = { startsAt: new Date('2026-11-28T09:00:00Z'), endsAt: new Date('2026-11-28T12:00:00Z') };

  it('counts only the session time, in quarter hours', () => {
    expect(attendedHours(session, new Date('2026-11-28T08:40:00Z'), new Date('2026-11-28T10:40:00Z'))).toBe(1.5);
    expect(attendedHours(session, new Date('2026-11-28T09:10:00Z'), new Date('2026-11-28T13:00:00Z'))).toBe(2.75);
    expect(attendedHours(session, new Date('2026-11-28T12:10:00Z'), new Date('2026-11-28T12:20:00Z'))).toBe(0);
  });
});

describe('distance', () => {
  it('measures a known distance on the ground', () => {
    // Tiananmen to the Forbidden City's north gate (Shenwumen): about 1.5 km.
    const d = distanceMeters({ lat: 39.9075, lng: 116.39723 }, { lat: 39.92133, lng: 116.39706 });
    expect(d).toBeGreaterThan(1400);
    expect(d).toBeLessThan(1600);
  });
});
