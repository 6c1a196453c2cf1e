import { Injectable } from '@nestjs/common';
import {
  NotFoundProblem,
  Page,
  PageQueryDto,
  paginate,
  queryRows,
  UnitScope,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  ClaimRecord,
  ClaimViewRow,
  DueShiftReminder,
  NewPost,
  PostRecord,
  ShiftRecord,
  ShiftViewRow,
  UpcomingShiftsRow,
} from './post-rows';
import { ServicePostEntity } from './service-post.entity';

interface PostRow {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  description: string | null;
  category: string | null;
  required_skills: string[];
  slots_per_shift: number;
  location_lat: number | null;
  location_lng: number | null;
  location_address: string | null;
  radius_m: number | null;
  created_by: string;
  created_at: Date;
}

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

const POST_COLUMNS = `id, unit_id, unit_path, title, description, category, required_skills, slots_per_shift, location_lat, location_lng, location_address, radius_m, created_by, created_at`;
const CLAIM_COLUMNS =
  'id, shift_id, person_id, starts_at, ends_at, released_at, checked_in_at, checked_out_at, verified_at';
const date = (value: Date | null): Date | null => (value === null ? null : new Date(value));

function toPost(row: PostRow): PostRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    title: row.title,
    description: row.description,
    category: row.category,
    requiredSkills: row.required_skills,
    slotsPerShift: row.slots_per_shift,
    location:
      row.location_lat === null || row.location_lng === null
        ? null
        : { lat: row.location_lat, lng: row.location_lng, address: row.location_address },
    radiusM: row.radius_m,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
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

/** The posts area's data access: posts (with a copy of their unit's path), shifts, claims and their attendance, reminders. */
@Injectable()
export class PostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Posts by id (unknown ids are absent from the map). */
  async findPosts(manager: EntityManager, ids: string[]): Promise<Map<string, PostRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<PostRow>(
      manager,
      `SELECT ${POST_COLUMNS} FROM volunteer_posts WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, toPost(row)]));
  }

  async findPost(manager: EntityManager, id: string): Promise<PostRecord | undefined> {
    return (await this.findPosts(manager, [id])).get(id);
  }

  async insertPost(manager: EntityManager, post: NewPost): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_posts (unit_id, unit_path, title, description, category, required_skills, slots_per_shift, location_lat, location_lng, location_address, radius_m, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        post.unitId,
        post.unitPath,
        post.title,
        post.description,
        post.category,
        post.requiredSkills,
        post.slotsPerShift,
        post.location?.lat ?? null,
        post.location?.lng ?? null,
        post.location?.address ?? null,
        post.radiusM,
        post.createdBy,
      ],
    );
    return row.id;
  }

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

  /**
   * Posts within `visible` (by their unit-path copy) or published by `publisher`, newest first;
   * `under` narrows to a subtree, `openAfter` to posts with a shift starting after it and a slot left.
   */
  page(
    filter: { visible: UnitScope; publisher: string; under?: string; openAfter?: Date; skill?: string },
    page: PageQueryDto,
  ): Promise<Page<ServicePostEntity>> {
    const qb = this.dataSource.getRepository(ServicePostEntity).createQueryBuilder('post');
    const visible = unitPathCondition('post.unitPath', filter.visible, 'view');
    qb.where(`(${visible.sql} OR post.createdBy = :me)`, { ...visible.params, me: filter.publisher });
    if (filter.under !== undefined) {
      const under = unitPathCondition('post.unitPath', [filter.under], 'under');
      qb.andWhere(under.sql, under.params);
    }
    if (filter.openAfter) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM volunteer_post_shifts s WHERE s.post_id = post.id AND s.starts_at > :now AND s.claimed < s.slots)',
        { now: filter.openAfter },
      );
    }
    if (filter.skill) qb.andWhere(':skill = ANY(post.requiredSkills)', { skill: filter.skill });
    return paginate(qb, page, {
      sortColumn: 'post.createdAt',
      sortKey: (post) => post.createdAt,
      tieBreaker: 'post.id',
      tieKey: (post) => post.id,
      direction: 'DESC',
    });
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
