import { Injectable } from '@nestjs/common';
import { NotFoundProblem, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ClaimRecord, ClaimViewRow, DueShiftReminder, ShiftRecord, ShiftViewRow, UpcomingShiftsRow } from './post-rows';

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

const CLAIM_COLUMNS =
  'id, shift_id, person_id, starts_at, ends_at, released_at, checked_in_at, checked_out_at, verified_at';
const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));

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

/** The posts area's data access for shifts and their claims: slots, claims and releases, attendance, verification, reminders. */
@Injectable()
export class PostShiftsRepository {
  /** Shifts of a post, each with `slots` and its own check-in secret, in one statement. */
  async insertShifts(
    manager: EntityManager,
    postId: string,
    slots: number,
    shifts: { startsAt: Date; endsAt: Date; secret: string }[],
  ): Promise<void> {
    if (shifts.length === 0) return;
    await manager.query(
      `INSERT INTO volunteer_post_shifts (post_id, starts_at, ends_at, slots, check_in_secret)
       SELECT $1, s.starts_at, s.ends_at, $2, s.secret FROM unnest($3::timestamptz[], $4::timestamptz[], $5::varchar[]) AS s (starts_at, ends_at, secret)`,
      [postId, slots, shifts.map((s) => s.startsAt), shifts.map((s) => s.endsAt), shifts.map((s) => s.secret)],
    );
  }

  /** For each post, its shifts starting after `now`: how many, the slots left, the next start. */
  upcomingShifts(manager: EntityManager, postIds: string[], now: Date): Promise<UpcomingShiftsRow[]> {
    return queryRows<UpcomingShiftsRow>(
      manager,
      `SELECT post_id, count(*) AS upcoming, coalesce(sum(slots - claimed), 0) AS slots_left, min(starts_at) AS next_starts_at
         FROM volunteer_post_shifts WHERE post_id = ANY($1::uuid[]) AND starts_at > $2 GROUP BY post_id`,
      [postIds, now],
    );
  }

  /** Every shift of the post, oldest first, with `personId`'s live claim of each. */
  shiftViews(manager: EntityManager, postId: string, personId: string | null): Promise<ShiftViewRow[]> {
    return queryRows<ShiftViewRow>(
      manager,
      `SELECT s.id, s.post_id, s.starts_at, s.ends_at, s.slots, s.claimed,
              (SELECT c.id FROM volunteer_shift_claims c WHERE c.shift_id = s.id AND c.person_id = $2 AND c.released_at IS NULL) AS my_claim_id
         FROM volunteer_post_shifts s WHERE s.post_id = $1 ORDER BY s.starts_at, s.id`,
      [postId, personId],
    );
  }

  /** Claims by id (any order). */
  claimViews(manager: EntityManager, claimIds: string[]): Promise<ClaimViewRow[]> {
    return queryRows<ClaimViewRow>(
      manager,
      `SELECT id, post_id, shift_id, person_id, starts_at, ends_at, party_member, dual_registered, claimed_at, released_at, checked_in_at, checked_out_at, hours, verified_at
         FROM volunteer_shift_claims WHERE id = ANY($1::uuid[])`,
      [claimIds],
    );
  }

  /** The ids of a shift's live claims, in claim order. */
  async liveClaimIds(manager: EntityManager, shiftId: string): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      manager,
      'SELECT id FROM volunteer_shift_claims WHERE shift_id = $1 AND released_at IS NULL ORDER BY claimed_at, id',
      [shiftId],
    );
    return rows.map((row) => row.id);
  }

  /** A shift of the post (404 otherwise), row-locked when `lock` (claims and releases count slots under that lock). */
  async loadShift(manager: EntityManager, postId: string, shiftId: string, lock = false): Promise<ShiftRecord> {
    const [row] = await queryRows<{
      id: string;
      post_id: string;
      starts_at: Date;
      ends_at: Date;
      slots: number;
      claimed: number;
      check_in_secret: string;
    }>(
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

  /** Live claims of a shift (of these people only, when given), row-locked, in claim order. */
  async lockLiveClaims(manager: EntityManager, shiftId: string, personIds?: string[]): Promise<ClaimRecord[]> {
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
  async lockClaim(manager: EntityManager, postId: string, claimId: string): Promise<ClaimRecord> {
    const [row] = await queryRows<ClaimRow>(
      manager,
      `SELECT ${CLAIM_COLUMNS} FROM volunteer_shift_claims WHERE id = $1 AND post_id = $2 FOR UPDATE`,
      [claimId, postId],
    );
    if (!row) throw new NotFoundProblem('该认领记录');
    return toClaim(row);
  }

  /** The person's live claim of the shift, if any. */
  async liveClaimOf(manager: EntityManager, shiftId: string, personId: string): Promise<string | undefined> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      'SELECT id FROM volunteer_shift_claims WHERE shift_id = $1 AND person_id = $2 AND released_at IS NULL',
      [shiftId, personId],
    );
    return row?.id;
  }

  /** A live claim of the person overlapping the time range, with its post's title. */
  async overlappingClaim(
    manager: EntityManager,
    personId: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<{ shift_id: string; title: string } | undefined> {
    const [row] = await queryRows<{ shift_id: string; title: string }>(
      manager,
      `SELECT c.shift_id, p.title FROM volunteer_shift_claims c JOIN volunteer_posts p ON p.id = c.post_id
        WHERE c.person_id = $1 AND c.released_at IS NULL AND tstzrange(c.starts_at, c.ends_at) && tstzrange($2, $3) LIMIT 1`,
      [personId, startsAt, endsAt],
    );
    return row;
  }

  /** Inserts a claim (the live-claim unique index and the overlap exclusion constraint may refuse it). */
  async insertClaim(
    manager: EntityManager,
    shift: ShiftRecord,
    claim: { personId: string; partyMember: boolean; dualRegistered: boolean; claimedBy: string; claimedAt: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_shift_claims (post_id, shift_id, person_id, starts_at, ends_at, party_member, dual_registered, claimed_by, claimed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        shift.postId,
        shift.id,
        claim.personId,
        shift.startsAt,
        shift.endsAt,
        claim.partyMember,
        claim.dualRegistered,
        claim.claimedBy,
        claim.claimedAt,
      ],
    );
    return row.id;
  }

  /** Moves a shift's count of live claims by `delta` (under the shift's row lock, or the claim's for a release). */
  async adjustClaimed(manager: EntityManager, shiftId: string, delta: 1 | -1): Promise<void> {
    await manager.query('UPDATE volunteer_post_shifts SET claimed = claimed + $2 WHERE id = $1', [shiftId, delta]);
  }

  async releaseClaim(manager: EntityManager, claimId: string, at: Date, by: string): Promise<void> {
    await manager.query('UPDATE volunteer_shift_claims SET released_at = $2, released_by = $3 WHERE id = $1', [
      claimId,
      at,
      by,
    ]);
  }

  /** Check-in keeps the first time. */
  async checkIn(manager: EntityManager, claimId: string, at: Date): Promise<void> {
    await manager.query('UPDATE volunteer_shift_claims SET checked_in_at = coalesce(checked_in_at, $2) WHERE id = $1', [
      claimId,
      at,
    ]);
  }

  /** Check-out records the latest time. */
  async checkOut(manager: EntityManager, claimId: string, at: Date): Promise<void> {
    await manager.query('UPDATE volunteer_shift_claims SET checked_out_at = $2 WHERE id = $1', [claimId, at]);
  }

  /** Fixes a claim's hours once; false when it was verified already. */
  async verifyClaim(
    manager: EntityManager,
    claimId: string,
    verification: { at: Date; by: string; hours: number; reason: string | null },
  ): Promise<boolean> {
    const updated = await queryRows<{ id: string }>(
      manager,
      `UPDATE volunteer_shift_claims SET verified_at = $2, verified_by = $3, hours = $4, hours_reason = $5 WHERE id = $1 AND verified_at IS NULL RETURNING id`,
      [claimId, verification.at, verification.by, verification.hours, verification.reason],
    );
    return updated.length > 0;
  }

  /** Marks the live, unreminded claims of shifts starting in (`now`, `until`] reminded, and returns them. */
  markDueReminders(manager: EntityManager, now: Date, until: Date): Promise<DueShiftReminder[]> {
    return queryRows<DueShiftReminder>(
      manager,
      `UPDATE volunteer_shift_claims c SET reminded_at = $1
         FROM volunteer_posts p
        WHERE p.id = c.post_id AND c.released_at IS NULL AND c.reminded_at IS NULL AND c.starts_at > $1 AND c.starts_at <= $2
      RETURNING c.id, c.person_id, c.starts_at, p.title, p.unit_id`,
      [now, until],
    );
  }
}
