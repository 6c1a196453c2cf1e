import { CheckInSession } from '../attendance/check-in-rules';
import { ActivityKind } from './activity-kind';

/** An activity as the use cases read it: with its own copy of its unit's path, and its check-in secret. */
export interface ActivityRecord {
  id: string;
  unitId: string;
  unitPath: string;
  title: string;
  kind: ActivityKind;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmedCount: number;
  signupDeadline: Date | null;
  location: { lat: number; lng: number; address: string | null } | null;
  radiusM: number | null;
  checkInSecret: string;
  organizerUserId: string;
  createdAt: Date;
}

export function checkInSessionOf(activity: ActivityRecord): CheckInSession {
  return {
    startsAt: activity.startsAt,
    endsAt: activity.endsAt,
    checkInSecret: activity.checkInSecret,
    location: activity.location,
    radiusM: activity.radiusM,
  };
}

/** Where a notification says the activity is: its address, else its unit's name. */
export function placeOf(activity: Pick<ActivityRecord, 'location'>, unitName: string): string {
  return activity.location?.address ?? unitName;
}
