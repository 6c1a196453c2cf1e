import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, BusinessCalendar, Clock, queryRows, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ClaimDto } from '../../dto/claim.dto';
import { ClaimShiftDto } from '../../dto/claim-shift.dto';
import { MemberRegistrationsReader } from '../../member-registrations.reader';
import { PostAccess } from '../../post-access.service';
import { PostViews } from '../../post-views';
import { PostsCode, PostsException } from '../../posts.exception';
import { violatedConstraint } from '../../posts-sql';
import { loadShift, ShiftRecord } from '../../shift-records';

/**
 * `POST /volunteers/posts/:id/claims`: a person takes a slot of a shift. The shift row is locked
 * first, so claims of one shift queue up and its slots are counted under the lock (the check
 * constraint `claimed <= slots` backs it); one live claim per person and shift, and no overlapping
 * live claims of one person, are kept by the database too (unique index, exclusion constraint), so
 * two requests racing for the same person on different shifts still leave one claim. Whether the
 * person is a party member dual-registered at the post's community is recorded with the claim.
 */
@Injectable()
export class ClaimShiftUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: PostAccess,
    private readonly registrations: MemberRegistrationsReader,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute(user: AuthenticatedUser, postId: string, command: ClaimShiftDto): Promise<ClaimDto> {
    return this.transactions.run(async (manager) => {
      const post = await this.access.visible(manager, user, postId);
      const personId = await this.access.actingPerson(manager, user, post, command.personId);
      const shift = await loadShift(manager, post.id, command.shiftId, true);
      const now = this.clock.now();
      if (shift.startsAt.getTime() <= now.getTime()) throw new PostsException(PostsCode.ShiftStarted);
      await this.refuseConflicts(manager, shift, personId);
      const standing = await this.registrations.standing(manager, personId, await this.access.communityOf(manager, post), this.calendar.localDate(now));
      const claimId = await this.insertClaim(manager, shift, personId, standing, user.userId, now);
      await manager.query('UPDATE volunteer_post_shifts SET claimed = claimed + 1 WHERE id = $1', [shift.id]);
      await this.audit.record(
        {
          action: 'volunteers.shift-claimed',
          targetType: 'volunteer-shift-claim',
          targetId: claimId,
          unitId: post.unitId,
          unitPath: post.unitPath,
          data: { postId: post.id, shiftId: shift.id, personId, ...standing },
        },
        manager,
      );
      return this.views.claim(manager, claimId);
    });
  }

  private async refuseConflicts(manager: EntityManager, shift: ShiftRecord, personId: string): Promise<void> {
    const [own] = await queryRows<{ id: string }>(manager, 'SELECT id FROM volunteer_shift_claims WHERE shift_id = $1 AND person_id = $2 AND released_at IS NULL', [
      shift.id,
      personId,
    ]);
    if (own) throw new PostsException(PostsCode.ShiftAlreadyClaimed, { extensions: { claimId: own.id } });
    if (shift.claimed >= shift.slots) throw new PostsException(PostsCode.ShiftFull, { extensions: { slots: shift.slots } });
    const [overlap] = await queryRows<{ shift_id: string; title: string }>(
      manager,
      `SELECT c.shift_id, p.title FROM volunteer_shift_claims c JOIN volunteer_posts p ON p.id = c.post_id
        WHERE c.person_id = $1 AND c.released_at IS NULL AND tstzrange(c.starts_at, c.ends_at) && tstzrange($2, $3) LIMIT 1`,
      [personId, shift.startsAt, shift.endsAt],
    );
    if (overlap) throw this.overlap(overlap);
  }

  private async insertClaim(
    manager: EntityManager,
    shift: ShiftRecord,
    personId: string,
    standing: { partyMember: boolean; dualRegistered: boolean },
    userId: string,
    now: Date,
  ): Promise<string> {
    try {
      const [row] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO volunteer_shift_claims (post_id, shift_id, person_id, starts_at, ends_at, party_member, dual_registered, claimed_by, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [shift.postId, shift.id, personId, shift.startsAt, shift.endsAt, standing.partyMember, standing.dualRegistered, userId, now],
      );
      return row.id;
    } catch (error) {
      // A concurrent claim of the same person committed between the checks and this insert.
      const constraint = violatedConstraint(error);
      if (constraint === 'volunteer_shift_claims_overlap_excl') throw this.overlap(null);
      if (constraint === 'volunteer_shift_claims_live_key') throw new PostsException(PostsCode.ShiftAlreadyClaimed);
      throw error;
    }
  }

  private overlap(conflict: { shift_id: string; title: string } | null): PostsException {
    return new PostsException(PostsCode.ShiftOverlap, conflict ? { detail: `与已认领的岗位「${conflict.title}」的班次时间冲突`, extensions: { conflictingShiftId: conflict.shift_id } } : {});
  }
}
