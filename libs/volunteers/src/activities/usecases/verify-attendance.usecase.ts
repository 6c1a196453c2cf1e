import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NewDomainEvent, Outbox, TransactionRunner } from '@linli/platform';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { attendedHours } from '../../attendance/attendance-hours';
import { CheckInCode, CheckInException } from '../../attendance/check-in.exception';
import { VolunteerRecords } from '../../profiles/volunteer-records.service';
import { VolunteersEvent } from '../../volunteers-events';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivityAccess } from '../activity-access.service';
import { ActivityRecord } from '../activity-record';
import { ActivitySignupEntity } from '../activity-signup.entity';
import { personNames } from '../attendance-people';
import { AttendanceDto } from '../dto/attendance.dto';
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
    private readonly records: VolunteerRecords,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, command: VerifyAttendanceDto): Promise<VerifyResultDto> {
    const activity = await this.access.visible(user, activityId);
    this.access.assertVerifier(user, activity);
    const now = this.clock.now();

    return this.transactions.run(async (manager) => {
      const { due, alreadyVerified } = await this.due(manager, activity, command);
      const verified = due.map((signup) => {
        const computed = signup.checkedInAt && signup.checkedOutAt ? attendedHours(activity, signup.checkedInAt, signup.checkedOutAt) : null;
        return { signup, computed, hours: command.hours ?? (computed as number) };
      });
      if (verified.length > 0) {
        await manager.query(
          `UPDATE volunteer_activity_signups s SET verified_at = $2, verified_by = $3, hours = v.hours, computed_hours = v.computed, hours_reason = $4
             FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, hours numeric, computed numeric)
            WHERE s.id = v.id`,
          [JSON.stringify(verified.map((v) => ({ id: v.signup.id, hours: v.hours, computed: v.computed }))), now, user.userId, command.hours !== undefined ? command.reason : null],
        );
        await this.outbox.publish(manager, verified.flatMap((v) => this.events(activity, v.signup.personId, v.hours)));
        for (const v of verified) await this.records.addVerifiedHours(manager, { personId: v.signup.personId, hours: v.hours, unitId: activity.unitId });
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
      const rows = await manager.getRepository(ActivitySignupEntity).findBy({ id: In(verified.map((v) => v.signup.id)) });
      const names = await personNames(manager, rows.map((row) => row.personId));
      return { verified: rows.map((row) => AttendanceDto.from(row, names.get(row.personId) ?? '', null)), alreadyVerified };
    });
  }

  /** The attendances this call verifies, locked; named people must be confirmed and (without an hours override) checked out. */
  private async due(manager: EntityManager, activity: ActivityRecord, command: VerifyAttendanceDto): Promise<{ due: ActivitySignupEntity[]; alreadyVerified: string[] }> {
    const repository = manager.getRepository(ActivitySignupEntity);
    const lock = { mode: 'pessimistic_write' as const };
    if (command.personIds === undefined) {
      const due = await repository.find({ where: { activityId: activity.id, status: 'confirmed', checkedOutAt: Not(IsNull()), verifiedAt: IsNull() }, order: { queueSeq: 'ASC' }, lock });
      return { due, alreadyVerified: [] };
    }
    const wanted = [...new Set(command.personIds)];
    const found = await repository.find({ where: { activityId: activity.id, personId: In(wanted) }, order: { queueSeq: 'ASC' }, lock });
    const notSignedUp = wanted.filter((id) => !found.some((s) => s.personId === id && s.status === 'confirmed'));
    if (notSignedUp.length > 0) throw new CheckInException(CheckInCode.NotSignedUp, { detail: '以下人员未正式报名该活动，不能核验', extensions: { personIds: notSignedUp } });
    const open = found.filter((s) => s.verifiedAt === null);
    const notCheckedOut = open.filter((s) => s.checkedOutAt === null).map((s) => s.personId);
    if (command.hours === undefined && notCheckedOut.length > 0) throw new ActivitiesException(ActivitiesCode.NotCheckedOut, { extensions: { personIds: notCheckedOut } });
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
