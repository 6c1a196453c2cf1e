import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, Permission, TransactionRunner } from '@linli/platform';
import { ClaimDto } from '../dto/claim.dto';
import { PostAccess } from '../post-access.service';
import { PostShiftsRepository } from '../post-shifts.repository';
import { PostViews } from '../post-views';
import { PostsCode, PostsException } from '../posts.exception';

/**
 * `DELETE /volunteers/posts/:id/claims/:claimId`: the claimant (or staff with volunteers.manage
 * where the post is, or its publisher) gives the slot back before the shift starts. The claim row
 * is locked, so a release happens once; the shift's count falls in the same transaction.
 */
@Injectable()
export class ReleaseClaimUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: PostAccess,
    private readonly shifts: PostShiftsRepository,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, postId: string, claimId: string): Promise<ClaimDto> {
    return this.transactions.run(async (manager) => {
      const post = await this.access.find(manager, postId);
      const claim = await this.shifts.lockClaim(manager, post.id, claimId);
      const own = claim.personId === user.personId;
      if (!own && !this.access.mayManage(user, post, Permission.VolunteersManage, true))
        throw new NotFoundProblem('该认领记录');
      if (claim.releasedAt) throw new PostsException(PostsCode.ClaimReleased);
      const now = this.clock.now();
      if (claim.startsAt.getTime() <= now.getTime()) throw new PostsException(PostsCode.ShiftStarted);
      await this.shifts.releaseClaim(manager, claim.id, now, user.userId);
      await this.shifts.adjustClaimed(manager, claim.shiftId, -1);
      await this.audit.record(
        {
          action: 'volunteers.shift-claim-released',
          targetType: 'volunteer-shift-claim',
          targetId: claim.id,
          unitId: post.unitId,
          unitPath: post.unitPath,
          data: { postId: post.id, shiftId: claim.shiftId, personId: claim.personId, byClaimant: own },
        },
        manager,
      );
      return this.views.claim(manager, claim.id);
    });
  }
}
