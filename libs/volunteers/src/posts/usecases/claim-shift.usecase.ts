import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner, uniqueViolationConstraint } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { isExclusionViolation } from '../../attendance/overlap-violation';
import { ClaimDto } from '../dto/claim.dto';
import { ClaimShiftDto } from '../dto/claim-shift.dto';
import { MemberStanding, PostAccess } from '../post-access.service';
import { ShiftRecord } from '../post-rows';
import { PostShiftsRepository } from '../post-shifts.repository';
import { PostViews } from '../post-views';
import { PostsCode, PostsException } from '../posts.exception';

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
    private readonly shifts: PostShiftsRepository,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, postId: string, command: ClaimShiftDto): Promise<ClaimDto> {
    return this.transactions.run(async (manager) => {
      const post = await this.access.visible(manager, user, postId);
      const personId = await this.access.actingPerson(manager, user, post, command.personId);
      const shift = await this.shifts.loadShift(manager, post.id, command.shiftId, true);
      const now = this.clock.now();
      if (shift.startsAt.getTime() <= now.getTime()) throw new PostsException(PostsCode.ShiftStarted);
      await this.refuseConflicts(manager, shift, personId);
      const standing = await this.access.standing(manager, personId, post);
      const claimId = await this.insertClaim(manager, shift, personId, standing, user.userId, now);
      await this.shifts.adjustClaimed(manager, shift.id, 1);
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
    const own = await this.shifts.liveClaimOf(manager, shift.id, personId);
    if (own) throw new PostsException(PostsCode.ShiftAlreadyClaimed, { extensions: { claimId: own } });
    if (shift.claimed >= shift.slots)
      throw new PostsException(PostsCode.ShiftFull, { extensions: { slots: shift.slots } });
    const overlap = await this.shifts.overlappingClaim(manager, personId, shift.startsAt, shift.endsAt);
    if (overlap) throw this.overlap(overlap);
  }

  private async insertClaim(
    manager: EntityManager,
    shift: ShiftRecord,
    personId: string,
    standing: MemberStanding,
    userId: string,
    now: Date,
  ): Promise<string> {
    try {
      return await this.shifts.insertClaim(manager, shift, {
        personId,
        ...standing,
        claimedBy: userId,
        claimedAt: now,
      });
    } catch (error) {
      // A concurrent claim of the same person committed between the checks and this insert.
      if (isExclusionViolation(error, 'volunteer_shift_claims_overlap_excl')) throw this.overlap(null);
      if (uniqueViolationConstraint(error) === 'volunteer_shift_claims_live_key')
        throw new PostsException(PostsCode.ShiftAlreadyClaimed);
      throw error;
    }
  }

  private overlap(conflict: { shift_id: string; title: string } | null): PostsException {
    return new PostsException(
      PostsCode.ShiftOverlap,
      conflict
        ? {
            detail: `与已认领的岗位「${conflict.title}」的班次时间冲突`,
            extensions: { conflictingShiftId: conflict.shift_id },
          }
        : {},
    );
  }
}
