import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { CheckInCode, CheckInException } from '../../attendance/attendance.exception';
import { assertCheckInAllowed } from '../../attendance/check-in-rules';
import { ShiftCheckInDto } from '../dto/check-in.dto';
import { ClaimDto } from '../dto/claim.dto';
import { PostAccess } from '../post-access.service';
import { PostShiftsRepository } from '../post-shifts.repository';
import { PostViews } from '../post-views';

/**
 * `POST …/shifts/:shiftId/check-in` and `/check-out`: the claimant (or staff for a person in their
 * scope) scans the code shown at the post, within the shift's window, near the venue when the post
 * has a radius. Only the claim's own row is locked, never the shift, so a crowded shift checks in
 * without contention. A second check-in keeps the first time; a check-out records the latest.
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: PostAccess,
    private readonly shifts: PostShiftsRepository,
    private readonly views: PostViews,
    private readonly clock: Clock,
  ) {}

  checkIn(user: AuthenticatedUser, postId: string, shiftId: string, command: ShiftCheckInDto): Promise<ClaimDto> {
    return this.record(user, postId, shiftId, command, 'in');
  }

  checkOut(user: AuthenticatedUser, postId: string, shiftId: string, command: ShiftCheckInDto): Promise<ClaimDto> {
    return this.record(user, postId, shiftId, command, 'out');
  }

  private record(
    user: AuthenticatedUser,
    postId: string,
    shiftId: string,
    command: ShiftCheckInDto,
    direction: 'in' | 'out',
  ): Promise<ClaimDto> {
    return this.transactions.run(async (manager) => {
      const post = await this.access.visible(manager, user, postId);
      const personId = await this.access.actingPerson(manager, user, post, command.personId);
      const shift = await this.shifts.loadShift(manager, post.id, shiftId);
      const now = this.clock.now();
      assertCheckInAllowed({ ...shift, location: post.location, radiusM: post.radiusM }, command, now);
      const [claim] = await this.shifts.lockLiveClaims(manager, shift.id, [personId]);
      if (!claim) throw new CheckInException(CheckInCode.NotSignedUp, { detail: '未认领该班次，不能签到或签退' });
      if (claim.verifiedAt) throw new CheckInException(CheckInCode.AttendanceVerified);
      if (direction === 'in') {
        await this.shifts.checkIn(manager, claim.id, now);
      } else {
        if (!claim.checkedInAt) throw new CheckInException(CheckInCode.NotCheckedIn);
        await this.shifts.checkOut(manager, claim.id, now);
      }
      return this.views.claim(manager, claim.id);
    });
  }
}
