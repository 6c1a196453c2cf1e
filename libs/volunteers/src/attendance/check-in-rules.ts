import { CheckInCode, CheckInException } from './attendance.exception';
import { isValidCheckInCode, withinCheckInWindow } from '@linli/platform';
import { distanceMeters, GeoPoint } from './geo-distance';

/** A session people check in to: its time window, its code secret, and optionally a venue with a radius. */
export interface CheckInSession {
  startsAt: Date;
  endsAt: Date;
  checkInSecret: string;
  location: GeoPoint | null;
  radiusM: number | null;
}

/** What the person sends when scanning: the code shown at the venue and, if asked, where they are. */
export interface CheckInAttempt {
  code: string;
  lat?: number;
  lng?: number;
}

/**
 * Throws the reason a check-in (or check-out) is refused: outside the window (± margin), a wrong
 * or expired code, no position or too far from the venue when the session has a radius.
 */
export function assertCheckInAllowed(session: CheckInSession, attempt: CheckInAttempt, now: Date): void {
  if (!withinCheckInWindow(session, now)) throw new CheckInException(CheckInCode.Closed);
  if (!isValidCheckInCode(session.checkInSecret, attempt.code, now))
    throw new CheckInException(CheckInCode.CodeInvalid);
  if (session.radiusM === null || session.location === null) return;
  if (attempt.lat === undefined || attempt.lng === undefined) throw new CheckInException(CheckInCode.LocationRequired);
  const distance = distanceMeters(session.location, { lat: attempt.lat, lng: attempt.lng });
  if (distance > session.radiusM) {
    throw new CheckInException(CheckInCode.TooFar, {
      detail: `您距活动地点约 ${Math.round(distance)} 米，超出签到范围（${session.radiusM} 米）`,
      extensions: { distanceM: Math.round(distance), radiusM: session.radiusM },
    });
  }
}
