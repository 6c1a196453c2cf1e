import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  NewDomainEvent,
  Outbox,
  Permission,
  TransactionRunner,
} from '@linli/platform';
import { attendedHours } from '../../attendance/attendance-hours';
import { CheckInCode, CheckInException } from '../../attendance/attendance.exception';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { selfAuthorization } from '../../volunteers.exception';
import { VolunteersEvent } from '../../volunteers-events';
import { ShiftVerifyResultDto } from '../dto/claim.dto';
import { VerifyShiftDto } from '../dto/verify-shift.dto';
import { PostAccess } from '../post-access.service';
import { PostViews } from '../post-views';
import { PostsCode, PostsException } from '../posts.exception';
import { ClaimRecord, PostRecord, ShiftRecord } from '../post-rows';
import { PostShiftsRepository } from '../post-shifts.repository';

/**
 * `POST …/shifts/:shiftId/verify` (volunteers.verify where the post is, or its publisher): fixes
 * the hours of the shift's attendances, once each. By default everyone checked out and not yet
 * verified, with the hours between check-in and check-out inside the shift; `hours` (with a
 * reason, audited) overrides them, and lets named people without a check-out be verified. In the
 * same transaction, per person with hours: `volunteers.post.shift-completed` and
 * `volunteers.service.verified` (source 'post', sourceId the shift), and the hours on the
 * profile. An attendance verified before is reported, never published again.
 */
@Injectable()
export class VerifyShiftUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: PostAccess,
    private readonly shifts: PostShiftsRepository,
    private readonly records: VolunteerRecords,
    private readonly outbox: Outbox,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(
    user: AuthenticatedUser,
    postId: string,
    shiftId: string,
    command: VerifyShiftDto,
  ): Promise<ShiftVerifyResultDto> {
    return this.transactions.run(async (manager) => {
      const post = await this.access.managed(manager, user, postId, Permission.VolunteersVerify, true);
      if (user.personId !== null && command.personIds?.includes(user.personId))
        throw selfAuthorization('不能核验本人的值班，请由其他核验人办理', { personIds: [user.personId] });
      const shift = await this.shifts.loadShift(manager, post.id, shiftId);
      const now = this.clock.now();
      if (shift.startsAt.getTime() > now.getTime()) throw new PostsException(PostsCode.ShiftNotStarted);
      const claims = await this.shifts.lockLiveClaims(manager, shift.id, command.personIds);
      // By default everyone checked out except the caller's own person, whose attendance another verifier decides.
      const chosen = this.choose(claims, command).filter((claim) => claim.personId !== user.personId);
      const verified: { claim: ClaimRecord; hours: number }[] = [];
      for (const claim of chosen) {
        const hours = command.hours ?? attendedHours(shift, claim.checkedInAt as Date, claim.checkedOutAt as Date);
        if (
          await this.shifts.verifyClaim(manager, claim.id, {
            at: now,
            by: user.userId,
            hours,
            reason: command.reason ?? null,
          })
        )
          verified.push({ claim, hours });
      }
      const earned = verified.filter((entry) => entry.hours > 0);
      await this.records.addVerifiedHoursMany(
        manager,
        post.unitId,
        earned.map(({ claim, hours }) => ({ personId: claim.personId, hours })),
      );
      if (earned.length > 0)
        await this.outbox.publish(
          manager,
          earned.flatMap(({ claim, hours }) => this.events(post, shift, claim.personId, hours)),
        );
      if (verified.length > 0) {
        await this.audit.record(
          {
            action: 'volunteers.shift-verified',
            targetType: 'volunteer-post-shift',
            targetId: shift.id,
            unitId: post.unitId,
            unitPath: post.unitPath,
            data: {
              postId: post.id,
              verified: verified.map(({ claim, hours }) => ({ personId: claim.personId, hours })),
              ...(command.hours !== undefined ? { hoursOverride: command.hours, reason: command.reason } : {}),
            },
          },
          manager,
        );
      }
      return {
        verified: await this.views.claims(
          manager,
          verified.map(({ claim }) => claim.id),
        ),
        alreadyVerified: claims.filter((claim) => claim.verifiedAt !== null).map((claim) => claim.personId),
      };
    });
  }

  /** The attendances to verify now; refuses named people without a live claim, or without a check-out when no hours are given. */
  private choose(claims: ClaimRecord[], command: VerifyShiftDto): ClaimRecord[] {
    const pending = claims.filter((claim) => claim.verifiedAt === null);
    if (!command.personIds) return pending.filter((claim) => claim.checkedOutAt !== null);
    const missing = command.personIds.filter((personId) => !claims.some((claim) => claim.personId === personId));
    if (missing.length > 0)
      throw new CheckInException(CheckInCode.NotSignedUp, {
        detail: '所列人员未认领该班次',
        extensions: { personIds: missing },
      });
    if (command.hours !== undefined) return pending;
    const unfinished = pending.filter((claim) => claim.checkedOutAt === null).map((claim) => claim.personId);
    if (unfinished.length > 0)
      throw new CheckInException(CheckInCode.NotCheckedOut, { extensions: { personIds: unfinished } });
    return pending;
  }

  private events(post: PostRecord, shift: ShiftRecord, personId: string, hours: number): NewDomainEvent[] {
    const actors = [{ personId, role: 'volunteer' }];
    return [
      {
        type: VolunteersEvent.PostShiftCompleted,
        unitId: post.unitId,
        actors,
        quantity: hours,
        data: { postId: post.id, shiftId: shift.id, title: post.title, hours },
      },
      {
        type: VolunteersEvent.ServiceVerified,
        unitId: post.unitId,
        actors,
        quantity: hours,
        data: { source: 'post', sourceId: shift.id, title: post.title, hours },
      },
    ];
  }
}
