import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ClaimDto } from './dto/claim.dto';
import { PostDetailDto, PostDto } from './dto/post.dto';
import { ShiftDto } from './dto/shift.dto';
import { PostRecord } from './post-records';

interface ShiftRow {
  id: string;
  post_id: string;
  starts_at: Date;
  ends_at: Date;
  slots: number;
  claimed: number;
  my_claim_id: string | null;
}

interface ClaimRow {
  id: string;
  post_id: string;
  shift_id: string;
  person_id: string;
  person_name: string;
  starts_at: Date;
  ends_at: Date;
  party_member: boolean;
  dual_registered: boolean;
  claimed_at: Date;
  released_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  hours: string | null;
  verified_at: Date | null;
}

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * Builds the responses of the posts area. Person names come from the organization module's
 * `people` table, read-only (names only, never personal data).
 */
@Injectable()
export class PostViews {
  /** List items: each post with the shifts not yet started summed up. */
  async summaries(manager: EntityManager, posts: PostRecord[], now: Date): Promise<PostDto[]> {
    if (posts.length === 0) return [];
    const stats = await queryRows<{ post_id: string; upcoming: string; slots_left: string; next_starts_at: Date | null }>(
      manager,
      `SELECT post_id, count(*) AS upcoming, coalesce(sum(slots - claimed), 0) AS slots_left, min(starts_at) AS next_starts_at
         FROM volunteer_post_shifts WHERE post_id = ANY($1::uuid[]) AND starts_at > $2 GROUP BY post_id`,
      [posts.map((post) => post.id), now],
    );
    const byPost = new Map(stats.map((row) => [row.post_id, row]));
    return posts.map((post) => {
      const row = byPost.get(post.id);
      return {
        ...this.fields(post),
        upcomingShifts: Number(row?.upcoming ?? 0),
        upcomingSlotsLeft: Number(row?.slots_left ?? 0),
        nextShiftStartsAt: iso(row?.next_starts_at ?? null),
      };
    });
  }

  /** One post with every shift, oldest first; `personId` (the caller's person) marks their own claims. */
  async detail(manager: EntityManager, post: PostRecord, personId: string | null, now: Date): Promise<PostDetailDto> {
    const [summary] = await this.summaries(manager, [post], now);
    const rows = await queryRows<ShiftRow>(
      manager,
      `SELECT s.id, s.post_id, s.starts_at, s.ends_at, s.slots, s.claimed,
              (SELECT c.id FROM volunteer_shift_claims c WHERE c.shift_id = s.id AND c.person_id = $2 AND c.released_at IS NULL) AS my_claim_id
         FROM volunteer_post_shifts s WHERE s.post_id = $1 ORDER BY s.starts_at, s.id`,
      [post.id, personId],
    );
    return { ...summary, shifts: rows.map((row) => this.shift(row, now)) };
  }

  /** Claims by id, in the order given. */
  async claims(manager: EntityManager, claimIds: string[]): Promise<ClaimDto[]> {
    if (claimIds.length === 0) return [];
    const rows = await queryRows<ClaimRow>(
      manager,
      `SELECT c.id, c.post_id, c.shift_id, c.person_id, pe.name AS person_name, c.starts_at, c.ends_at, c.party_member, c.dual_registered,
              c.claimed_at, c.released_at, c.checked_in_at, c.checked_out_at, c.hours, c.verified_at
         FROM volunteer_shift_claims c JOIN people pe ON pe.id = c.person_id
        WHERE c.id = ANY($1::uuid[])`,
      [claimIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return claimIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [this.toClaim(row)] : [];
    });
  }

  async claim(manager: EntityManager, claimId: string): Promise<ClaimDto> {
    const [dto] = await this.claims(manager, [claimId]);
    return dto;
  }

  private toClaim(row: ClaimRow): ClaimDto {
    return {
      id: row.id,
      postId: row.post_id,
      shiftId: row.shift_id,
      personId: row.person_id,
      personName: row.person_name,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      partyMember: row.party_member,
      dualRegistered: row.dual_registered,
      claimedAt: new Date(row.claimed_at).toISOString(),
      releasedAt: iso(row.released_at),
      checkedInAt: iso(row.checked_in_at),
      checkedOutAt: iso(row.checked_out_at),
      hours: row.hours === null ? null : Number(row.hours),
      verifiedAt: iso(row.verified_at),
    };
  }

  private shift(row: ShiftRow, now: Date): ShiftDto {
    return {
      id: row.id,
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      slots: row.slots,
      claimed: row.claimed,
      slotsLeft: row.slots - row.claimed,
      started: new Date(row.starts_at).getTime() <= now.getTime(),
      myClaimId: row.my_claim_id,
    };
  }

  private fields(post: PostRecord): Omit<PostDto, 'upcomingShifts' | 'upcomingSlotsLeft' | 'nextShiftStartsAt'> {
    return {
      id: post.id,
      unitId: post.unitId,
      unitName: post.unitName,
      title: post.title,
      description: post.description,
      category: post.category,
      requiredSkills: post.requiredSkills,
      slotsPerShift: post.slotsPerShift,
      location: post.location,
      radiusM: post.radiusM,
      createdBy: post.createdBy,
      createdAt: post.createdAt.toISOString(),
    };
  }
}
