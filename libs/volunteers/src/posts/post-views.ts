import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { ClaimDto } from './dto/claim.dto';
import { PostDetailDto, PostDto } from './dto/post.dto';
import { ShiftDto } from './dto/shift.dto';
import { ClaimViewRow, PostRecord, ShiftViewRow } from './post-rows';
import { PostShiftsRepository } from './post-shifts.repository';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * Builds the responses of the posts area. Unit and person names come from organization's
 * directory, one call per list (names only, never personal data).
 */
@Injectable()
export class PostViews {
  constructor(
    private readonly shifts: PostShiftsRepository,
    private readonly directory: OrganizationDirectory,
  ) {}

  /** List items: each post with the shifts not yet started summed up. */
  async summaries(manager: EntityManager, posts: PostRecord[], now: Date): Promise<PostDto[]> {
    if (posts.length === 0) return [];
    const [stats, units] = await Promise.all([
      this.shifts.upcomingShifts(
        manager,
        posts.map((post) => post.id),
        now,
      ),
      this.directory.units.byIds(
        posts.map((post) => post.unitId),
        manager,
      ),
    ]);
    const byPost = new Map(stats.map((row) => [row.post_id, row]));
    return posts.map((post) => {
      const row = byPost.get(post.id);
      return {
        ...this.fields(post, units.get(post.unitId)?.name ?? ''),
        upcomingShifts: Number(row?.upcoming ?? 0),
        upcomingSlotsLeft: Number(row?.slots_left ?? 0),
        nextShiftStartsAt: iso(row?.next_starts_at ?? null),
      };
    });
  }

  /** One post with every shift, oldest first; `personId` (the caller's person) marks their own claims. */
  async detail(manager: EntityManager, post: PostRecord, personId: string | null, now: Date): Promise<PostDetailDto> {
    const [summary] = await this.summaries(manager, [post], now);
    const rows = await this.shifts.shiftViews(manager, post.id, personId);
    return { ...summary, shifts: rows.map((row) => this.shift(row, now)) };
  }

  /** Claims by id, in the order given. */
  async claims(manager: EntityManager, claimIds: string[]): Promise<ClaimDto[]> {
    if (claimIds.length === 0) return [];
    const rows = await this.shifts.claimViews(manager, claimIds);
    const names = await this.directory.people.names(
      rows.map((row) => row.person_id),
      manager,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return claimIds.flatMap((id) => {
      const row = byId.get(id);
      return row ? [this.toClaim(row, names.get(row.person_id) ?? '')] : [];
    });
  }

  async claim(manager: EntityManager, claimId: string): Promise<ClaimDto> {
    const [dto] = await this.claims(manager, [claimId]);
    return dto;
  }

  private toClaim(row: ClaimViewRow, personName: string): ClaimDto {
    return {
      id: row.id,
      postId: row.post_id,
      shiftId: row.shift_id,
      personId: row.person_id,
      personName,
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

  private shift(row: ShiftViewRow, now: Date): ShiftDto {
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

  private fields(
    post: PostRecord,
    unitName: string,
  ): Omit<PostDto, 'upcomingShifts' | 'upcomingSlotsLeft' | 'nextShiftStartsAt'> {
    return {
      id: post.id,
      unitId: post.unitId,
      unitName,
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
