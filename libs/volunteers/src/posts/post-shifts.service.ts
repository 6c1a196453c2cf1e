import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, currentCheckInCode, Permission } from '@linli/platform';
import { DataSource } from 'typeorm';
import { ShiftCheckInCodeDto } from './dto/check-in.dto';
import { ShiftAttendanceDto } from './dto/claim.dto';
import { PostAccess } from './post-access.service';
import { PostShiftsRepository } from './post-shifts.repository';
import { PostViews } from './post-views';

/** What the organizer of a shift reads: the code to show at the post, and who came. */
@Injectable()
export class PostShiftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: PostAccess,
    private readonly shifts: PostShiftsRepository,
    private readonly views: PostViews,
    private readonly clock: Clock,
  ) {}

  /** The rotating code to show at the post now (the publisher, or volunteers.manage where the post is). */
  async checkInCode(user: AuthenticatedUser, postId: string, shiftId: string): Promise<ShiftCheckInCodeDto> {
    const manager = this.dataSource.manager;
    const post = await this.access.managed(manager, user, postId, Permission.VolunteersManage, true);
    const shift = await this.shifts.loadShift(manager, post.id, shiftId);
    const { code, validUntil } = currentCheckInCode(shift.checkInSecret, this.clock.now());
    return { code, validUntil: validUntil.toISOString() };
  }

  /** The shift's live claims with check-in, check-out and verified hours (the publisher, or volunteers.read where the post is). */
  async attendance(user: AuthenticatedUser, postId: string, shiftId: string): Promise<ShiftAttendanceDto> {
    const manager = this.dataSource.manager;
    const post = await this.access.managed(manager, user, postId, Permission.VolunteersRead, true);
    const shift = await this.shifts.loadShift(manager, post.id, shiftId);
    const claimIds = await this.shifts.liveClaimIds(manager, shift.id);
    return {
      postId: post.id,
      shiftId: shift.id,
      startsAt: shift.startsAt.toISOString(),
      endsAt: shift.endsAt.toISOString(),
      slots: shift.slots,
      items: await this.views.claims(manager, claimIds),
    };
  }
}
