import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NewDomainEvent, Outbox, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { attendedHours } from '../../attendance/attendance-hours';
import { CheckInCode, CheckInException } from '../../attendance/attendance.exception';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { selfAuthorization } from '../../volunteers.exception';
import { VolunteersEvent } from '../../volunteers-events';
import { ActivitySignupsRepository } from '../activity-signups.repository';
import { ActivityAccess } from '../activity-access.service';
import { ActivityRecord } from '../activity-record';
import { ActivitySignupEntity } from '../activity-signup.entity';
import { ActivityViews } from '../activity-views';
import { VerifyAttendanceDto } from '../dto/verify-attendance.dto';
import { VerifyResultDto } from '../dto/verify-result.dto';

/**
 * `POST /volunteers/activities/:id/verify` (the organizer, or volunteers.verify in scope). Default:
 * everyone checked out and not yet verified; hours from check-in and check-out unless `hours`
 * overrides them (with a reason, audited). Each attendance is verified once: the rows are locked
 * and only unverified ones are taken, so a repeated or concurrent call verifies nobody twice. Per
 * attendee, in the same transaction: `volunteers.activity.attended`, for a service day also
 * `volunteers.service.verified` (source 'activity'), and the hours added to their profile.
 */
@Injectable()
export class VerifyAttendanceUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ActivityAccess,
    private readonly signups: ActivitySignupsRepository,
    private readonly views: ActivityViews,
    private readonly records: VolunteerRecords,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, command: VerifyAttendanceDto): Promise<VerifyResultDto> {
    const activity = await this.access.visible(user, activityId);
    this.access.assertVerifier(user, activity);
    if (user.personId !== null && command.personIds?.includes(user.personId))
      throw selfAuthorization('不能核验本人的出勤，请由其他核验人办理', { personIds: [user.personId] });
    const now = this.clock.now();

    return this.transactions.run(async (manager) => {
      const { due, alreadyVerified } = await this.due(manager, user, activity, command);
      const verified = due.map((signup) => {
        const computed =
          signup.checkedInAt && signup.checkedOutAt
            ? attendedHours(activity, signup.checkedInAt, signup.checkedOutAt)
            : null;
        return { signup, computed, hours: command.hours ?? (computed as number) };
      });
      if (verified.length > 0) {
        const reason = command.hours !== undefined ? (command.reason ?? null) : null;
        await this.signups.markVerified(
          manager,
          verified.map((v) => ({ id: v.signup.id, hours: v.hours, computed: v.computed })),
          now,
          user.userId,
          reason,
        );
        await this.outbox.publish(
          manager,
          verified.flatMap((v) => this.events(activity, v.signup.personId, v.hours)),
        );
        await this.records.addVerifiedHoursMany(
          manager,
          activity.unitId,
          verified.map((v) => ({ personId: v.signup.personId, hours: v.hours })),
        );
        await this.audit.record(
          {
            action: 'volunteers.activity-verified',
            targetType: 'volunteer-activity',
            targetId: activity.id,
            unitId: activity.unitId,
            unitPath: activity.unitPath,
            data: {
              count: verified.length,
              personIds: verified.map((v) => v.signup.personId),
              ...(command.hours !== undefined ? { hoursOverride: command.hours, reason: command.reason } : {}),
            },
          },
          manager,
        );
      }
      const rows = await this.signups.signupsByIds(
        manager,
        verified.map((v) => v.signup.id),
      );
      return { verified: await this.views.attendance(rows, undefined, manager), alreadyVerified };
    });
  }

  /**
   * The attendances this call verifies, locked; named people must be confirmed and (without an hours
   * override) checked out. By default everyone checked out except the caller's own person, whose
   * attendance another verifier decides.
   */
  private async due(
    manager: EntityManager,
    user: AuthenticatedUser,
    activity: ActivityRecord,
    command: VerifyAttendanceDto,
  ): Promise<{ due: ActivitySignupEntity[]; alreadyVerified: string[] }> {
    if (command.personIds === undefined) {
      const due = await this.signups.lockForVerification(manager, activity.id);
      return { due: due.filter((signup) => signup.personId !== user.personId), alreadyVerified: [] };
    }
    const wanted = [...new Set(command.personIds)];
    const found = await this.signups.lockForVerification(manager, activity.id, wanted);
    const notSignedUp = wanted.filter((id) => !found.some((s) => s.personId === id && s.status === 'confirmed'));
    if (notSignedUp.length > 0)
      throw new CheckInException(CheckInCode.NotSignedUp, {
        detail: '以下人员未正式报名该活动，不能核验',
        extensions: { personIds: notSignedUp },
      });
    const open = found.filter((s) => s.verifiedAt === null);
    const notCheckedOut = open.filter((s) => s.checkedOutAt === null).map((s) => s.personId);
    if (command.hours === undefined && notCheckedOut.length > 0)
      throw new CheckInException(CheckInCode.NotCheckedOut, { extensions: { personIds: notCheckedOut } });
    return { due: open, alreadyVerified: found.filter((s) => s.verifiedAt !== null).map((s) => s.personId) };
  }

  private events(activity: ActivityRecord, personId: string, hours: number): NewDomainEvent[] {
    const attended: NewDomainEvent = {
      type: VolunteersEvent.ActivityAttended,
      unitId: activity.unitId,
      actors: [{ personId, role: 'attendee' }],
      quantity: hours,
      data: { activityId: activity.id, kind: activity.kind, title: activity.title, hours },
    };
    if (activity.kind !== 'service' || hours <= 0) return [attended];
    return [
      attended,
      {
        type: VolunteersEvent.ServiceVerified,
        unitId: activity.unitId,
        actors: [{ personId, role: 'volunteer' }],
        quantity: hours,
        data: { source: 'activity', sourceId: activity.id, title: activity.title, hours },
      },
    ];
  }
}
