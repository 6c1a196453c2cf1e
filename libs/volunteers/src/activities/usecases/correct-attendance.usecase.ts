import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { CheckInCode, CheckInException } from '../../attendance/attendance.exception';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { selfAuthorization } from '../../volunteers.exception';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivitySignupsRepository } from '../activity-signups.repository';
import { ActivityAccess } from '../activity-access.service';
import { ActivityViews } from '../activity-views';
import { AttendanceDto } from '../dto/attendance.dto';
import { CorrectAttendanceDto } from '../dto/correct-attendance.dto';

/**
 * `PATCH /volunteers/activities/:id/attendance/:personId`: corrects the hours of a verified
 * attendance with a reason (audited) and moves the profile's verified hours by the difference.
 * No event is published again: points earned at verification stay as they were (a points
 * adjustment is the way to change them).
 */
@Injectable()
export class CorrectAttendanceUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ActivityAccess,
    private readonly signups: ActivitySignupsRepository,
    private readonly views: ActivityViews,
    private readonly records: VolunteerRecords,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    user: AuthenticatedUser,
    activityId: string,
    personId: string,
    command: CorrectAttendanceDto,
  ): Promise<AttendanceDto> {
    const activity = await this.access.visible(user, activityId);
    this.access.assertVerifier(user, activity);
    if (personId === user.personId) throw selfAuthorization('不能更正本人的服务时长，请由其他核验人办理');
    return this.transactions.run(async (manager) => {
      const signup = await this.signups.findSignup(manager, activityId, personId, { lock: true });
      if (!signup || signup.status !== 'confirmed') throw new CheckInException(CheckInCode.NotSignedUp);
      if (signup.verifiedAt === null || signup.hours === null)
        throw new ActivitiesException(ActivitiesCode.NotVerified);
      const previous = signup.hours;
      const delta = Math.round((command.hours - previous) * 100) / 100;
      const reason = command.reason.trim();
      await this.signups.correctHours(manager, signup, command.hours, reason);
      await this.records.correctVerifiedHours(manager, { personId, delta, unitId: activity.unitId });
      await this.audit.record(
        {
          action: 'volunteers.attendance-corrected',
          targetType: 'volunteer-activity',
          targetId: activityId,
          unitId: activity.unitId,
          unitPath: activity.unitPath,
          data: { personId, from: previous, to: command.hours, reason },
        },
        manager,
      );
      const [updated] = await this.signups.signupsByIds(manager, [signup.id]);
      const [dto] = await this.views.attendance([updated], undefined, manager);
      return dto;
    });
  }
}
