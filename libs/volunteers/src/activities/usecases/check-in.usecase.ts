import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { assertCheckInAllowed } from '../../attendance/check-in-rules';
import { CheckInCode, CheckInException } from '../../attendance/attendance.exception';
import { ActivitySignupsRepository, AttendanceTimes } from '../activity-signups.repository';
import { ActivityAccess } from '../activity-access.service';
import { ActivityRecord, checkInSessionOf } from '../activity-record';
import { CheckInResultDto } from '../dto/check-in-result.dto';
import { CheckInDto } from '../dto/check-in.dto';

/**
 * `POST /volunteers/activities/:id/check-in` and `/check-out` with the code shown at the venue.
 * Each is one conditional UPDATE of the person's own sign-up row: the activity row is only read,
 * so a thousand people checking in at once never queue on it. Check-in keeps the first time;
 * check-out keeps the latest, until the attendance is verified.
 */
@Injectable()
export class CheckInUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ActivityAccess,
    private readonly signups: ActivitySignupsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  checkIn(user: AuthenticatedUser, activityId: string, command: CheckInDto): Promise<CheckInResultDto> {
    return this.record(user, activityId, command, 'check-in', async (manager, personId, now) => {
      const times = await this.signups.checkIn(manager, activityId, personId, now);
      if (!times) throw new CheckInException(CheckInCode.NotSignedUp);
      return times;
    });
  }

  checkOut(user: AuthenticatedUser, activityId: string, command: CheckInDto): Promise<CheckInResultDto> {
    return this.record(user, activityId, command, 'check-out', async (manager, personId, now) => {
      const times = await this.signups.checkOut(manager, activityId, personId, now);
      if (times) return times;
      // Why not: no confirmed sign-up, not checked in, or verified already.
      const current = await this.signups.findSignup(manager, activityId, personId);
      if (!current || current.status !== 'confirmed') throw new CheckInException(CheckInCode.NotSignedUp);
      if (current.checkedInAt === null) throw new CheckInException(CheckInCode.NotCheckedIn);
      throw new CheckInException(CheckInCode.AttendanceVerified);
    });
  }

  private async record(
    user: AuthenticatedUser,
    activityId: string,
    command: CheckInDto,
    action: 'check-in' | 'check-out',
    write: (manager: EntityManager, personId: string, now: Date) => Promise<AttendanceTimes>,
  ): Promise<CheckInResultDto> {
    const activity: ActivityRecord = await this.access.visible(user, activityId);
    const personId = await this.access.actingFor(user, activity, command.personId);
    const now = this.clock.now();
    assertCheckInAllowed(checkInSessionOf(activity), command, now);
    const row = await this.transactions.run(async (manager) => {
      const written = await write(manager, personId, now);
      if (personId !== user.personId) {
        await this.audit.record(
          {
            action: `volunteers.activity-${action}-by-staff`,
            targetType: 'volunteer-activity',
            targetId: activityId,
            unitId: activity.unitId,
            unitPath: activity.unitPath,
            data: { personId },
          },
          manager,
        );
      }
      return written;
    });
    return {
      activityId,
      personId,
      checkedInAt: row.checked_in_at.toISOString(),
      checkedOutAt: row.checked_out_at?.toISOString() ?? null,
    };
  }
}
