import { NotFoundProblem, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

export interface ShiftRecord {
  id: string;
  postId: string;
  startsAt: Date;
  endsAt: Date;
  slots: number;
  claimed: number;
  checkInSecret: string;
}

export interface ClaimRecord {
  id: string;
  shiftId: string;
  personId: string;
  startsAt: Date;
  endsAt: Date;
  releasedAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  verifiedAt: Date | null;
}

const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));

/** A shift of the post (404 otherwise), row-locked when `lock` (claims and releases count slots under that lock). */
export async function loadShift(manager: EntityManager, postId: string, shiftId: string, lock = false): Promise<ShiftRecord> {
  const [row] = await queryRows<{ id: string; post_id: string; starts_at: Date; ends_at: Date; slots: number; claimed: number; check_in_secret: string }>(
    manager,
    `SELECT id, post_id, starts_at, ends_at, slots, claimed, check_in_secret FROM volunteer_post_shifts WHERE id = $1 AND post_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [shiftId, postId],
  );
  if (!row) throw new NotFoundProblem('该班次');
  return {
    id: row.id,
    postId: row.post_id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    slots: row.slots,
    claimed: row.claimed,
    checkInSecret: row.check_in_secret,
  };
}

const CLAIM_COLUMNS = 'id, shift_id, person_id, starts_at, ends_at, released_at, checked_in_at, checked_out_at, verified_at';

interface ClaimRow {
  id: string;
  shift_id: string;
  person_id: string;
  starts_at: Date;
  ends_at: Date;
  released_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  verified_at: Date | null;
}

function toClaim(row: ClaimRow): ClaimRecord {
  return {
    id: row.id,
    shiftId: row.shift_id,
    personId: row.person_id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    releasedAt: date(row.released_at),
    checkedInAt: date(row.checked_in_at),
    checkedOutAt: date(row.checked_out_at),
    verifiedAt: date(row.verified_at),
  };
}

/** Live claims of a shift (of these people only, when given), row-locked, in claim order. */
export async function lockLiveClaims(manager: EntityManager, shiftId: string, personIds?: string[]): Promise<ClaimRecord[]> {
  const rows = await queryRows<ClaimRow>(
    manager,
    `SELECT ${CLAIM_COLUMNS} FROM volunteer_shift_claims
      WHERE shift_id = $1 AND released_at IS NULL AND ($2::uuid[] IS NULL OR person_id = ANY($2::uuid[]))
      ORDER BY claimed_at, id FOR UPDATE`,
    [shiftId, personIds ?? null],
  );
  return rows.map(toClaim);
}

/** One claim of the post (404 otherwise), row-locked. */
export async function lockClaim(manager: EntityManager, postId: string, claimId: string): Promise<ClaimRecord> {
  const [row] = await queryRows<ClaimRow>(manager, `SELECT ${CLAIM_COLUMNS} FROM volunteer_shift_claims WHERE id = $1 AND post_id = $2 FOR UPDATE`, [claimId, postId]);
  if (!row) throw new NotFoundProblem('该认领记录');
  return toClaim(row);
}
