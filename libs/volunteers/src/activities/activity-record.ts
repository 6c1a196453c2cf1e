import { EntityManager } from 'typeorm';
import { CheckInSession } from '../attendance/check-in-rules';
import { ActivityKind } from './activity-kind';

/** An activity as the use cases read it: with its unit's path and name, and its check-in secret. */
export interface ActivityRecord {
  id: string;
  unitId: string;
  unitPath: string;
  unitName: string;
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

interface ActivityRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  title: string;
  kind: ActivityKind;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  confirmed_count: number;
  signup_deadline: Date | null;
  location_lat: number | null;
  location_lng: number | null;
  location_address: string | null;
  radius_m: number | null;
  check_in_secret: string;
  organizer_user_id: string;
  created_at: Date;
}

function fromRow(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    unitName: row.unit_name,
    title: row.title,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    confirmedCount: row.confirmed_count,
    signupDeadline: row.signup_deadline,
    location: row.location_lat !== null && row.location_lng !== null ? { lat: row.location_lat, lng: row.location_lng, address: row.location_address } : null,
    radiusM: row.radius_m,
    checkInSecret: row.check_in_secret,
    organizerUserId: row.organizer_user_id,
    createdAt: row.created_at,
  };
}

/**
 * Reads activities with their unit. `lock: true` takes the activity's row lock (sign-ups and
 * cancellations queue on it; check-ins never do).
 */
export async function readActivities(manager: EntityManager, ids: string[], options: { lock?: boolean } = {}): Promise<ActivityRecord[]> {
  if (ids.length === 0) return [];
  const rows: ActivityRow[] = await manager.query(
    `SELECT a.*, u.path AS unit_path, u.name AS unit_name
       FROM volunteer_activities a JOIN units u ON u.id = a.unit_id
      WHERE a.id = ANY($1::uuid[])${options.lock ? ' FOR UPDATE OF a' : ''}`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, fromRow(row)]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id) as ActivityRecord] : []));
}

export async function readActivity(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<ActivityRecord | undefined> {
  return (await readActivities(manager, [id], options))[0];
}

export function checkInSessionOf(activity: ActivityRecord): CheckInSession {
  return { startsAt: activity.startsAt, endsAt: activity.endsAt, checkInSecret: activity.checkInSecret, location: activity.location, radiusM: activity.radiusM };
}

/** Where a notification says the activity is: its address, else its unit's name. */
export function placeOf(activity: Pick<ActivityRecord, 'location' | 'unitName'>): string {
  return activity.location?.address ?? activity.unitName;
}
