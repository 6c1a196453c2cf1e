import { DERIVED_BODIES, roleDisplay, SEAT_BODIES, SeatBody } from '../seats/seat-bodies';
import { HeldPosition } from './three-carriages';

const DERIVED_ROLES: Record<string, string> = {
  secretary: '书记',
  chair: '主任',
  vice_chair: '副主任',
  member: '委员',
};

/** Every body a position can be held in, read or recorded, in display order. */
export const ALL_BODIES = [
  ...(Object.keys(DERIVED_BODIES) as (keyof typeof DERIVED_BODIES)[]),
  ...(Object.keys(SEAT_BODIES) as SeatBody[]),
];

export function bodyDisplay(body: HeldPosition['body']): string {
  return body in DERIVED_BODIES
    ? DERIVED_BODIES[body as keyof typeof DERIVED_BODIES]
    : SEAT_BODIES[body as SeatBody].display;
}

export function positionView(position: HeldPosition) {
  return {
    body: position.body,
    bodyDisplay: bodyDisplay(position.body),
    role: position.role,
    roleDisplay:
      position.body in DERIVED_BODIES
        ? (DERIVED_ROLES[position.role] ?? position.role)
        : roleDisplay(position.body as SeatBody, position.role),
  };
}

/** The distinct bodies among a person's positions. */
export function bodiesOf(positions: HeldPosition[]): number {
  return new Set(positions.map((position) => position.body)).size;
}

/** part ÷ whole to 6 decimals; 0 when whole is 0 (the tally's rounding). */
export function share(count: number, total: number) {
  return { total, count, rate: total > 0 ? Math.round((count / total) * 1e6) / 1e6 : 0 };
}
