import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  CHECK_IN_MARGIN_MINUTES,
  Clock,
  isValidCheckInCode,
  Outbox,
  Permission,
  ScopedReferences,
  TransactionRunner,
  withinCheckInWindow,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationEvent } from '../../deliberation-events';
import { selfAuthorization } from '../../deliberation.exception';
import { MeetingCheckInDto, MeetingCheckInResultDto } from '../dto/meeting-check-in.dto';
import { RecordAttendanceDto, RecordAttendanceResultDto } from '../dto/record-attendance.dto';
import { MeetingAccess } from '../meeting-access';
import { MeetingRecord } from '../meeting-record';
import { MeetingsCode, MeetingsException } from '../meetings.exception';
import { MeetingsRepository } from '../meetings.repository';

/**
 * Attendance at a meeting: staff record people from the sign-in sheet
 * (`POST /meetings/:id/attendance`), or a resident checks in with the code shown at the venue
 * (`POST /meetings/:id/check-in`). A person is recorded once; every newly recorded attendee yields
 * one `deliberation.meeting.attended` in the transaction of their attendance row (a duplicate
 * yields nothing).
 */
@Injectable()
export class RecordAttendanceUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingsRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Staff (deliberation.manage in scope) record people present; nobody records themselves. */
  async byStaff(
    user: AuthenticatedUser,
    meetingId: string,
    command: RecordAttendanceDto,
  ): Promise<RecordAttendanceResultDto> {
    const meeting = await this.access.staff(user, meetingId, Permission.DeliberationManage);
    await this.references.reach(user, Permission.DeliberationManage, { person: command.personIds });
    if (user.personId && command.personIds.includes(user.personId))
      throw selfAuthorization('不能为本人登记会议出席，请由其他工作人员登记或扫码签到');
    const now = this.clock.now();
    this.assertOpen(meeting, now);
    return this.transactions.run(async (manager) => {
      const recorded = await this.record(manager, meeting, command.personIds, 'staff', user.userId, now);
      await this.audit.record(
        {
          action: 'deliberation.meeting-attendance-recorded',
          targetType: 'deliberation-meeting',
          targetId: meeting.id,
          unitId: meeting.unitId,
          unitPath: meeting.unitPath,
          data: { personIds: recorded },
        },
        manager,
      );
      const fresh = new Set(recorded);
      return {
        recorded,
        skipped: command.personIds.filter((id) => !fresh.has(id)),
        attendanceCount: (await this.meetings.attendeeIds(manager, meeting.id)).length,
      };
    });
  }

  /** A resident it concerns, with the current code, within the check-in window; the first check-in stands. */
  async checkIn(
    user: AuthenticatedUser,
    meetingId: string,
    command: MeetingCheckInDto,
  ): Promise<MeetingCheckInResultDto> {
    const meeting = await this.access.visible(user, meetingId);
    const resident = await this.access.attendee(user, meeting);
    const now = this.clock.now();
    if (meeting.status === 'cancelled' || !withinCheckInWindow(meeting, now))
      throw new MeetingsException(MeetingsCode.CheckInClosed);
    if (!isValidCheckInCode(meeting.checkInSecret, command.code, now))
      throw new MeetingsException(MeetingsCode.CheckInCodeInvalid);
    return this.transactions.run(async (manager) => {
      const recorded = await this.record(manager, meeting, [resident.personId], 'code', null, now);
      const row = await this.meetings.attendanceOf(manager, meeting.id, resident.personId);
      return {
        meetingId: meeting.id,
        personId: resident.personId,
        attendedAt: (row?.attended_at ?? now).toISOString(),
        newlyRecorded: recorded.length > 0,
      };
    });
  }

  /** Staff record from the start of the check-in window on (late sheets too), never for a cancelled meeting. */
  private assertOpen(meeting: MeetingRecord, now: Date): void {
    if (meeting.status === 'cancelled') throw new MeetingsException(MeetingsCode.MeetingNotScheduled);
    if (now.getTime() < meeting.startsAt.getTime() - CHECK_IN_MARGIN_MINUTES * 60_000)
      throw new MeetingsException(MeetingsCode.MeetingNotStarted);
  }

  private async record(
    manager: EntityManager,
    meeting: MeetingRecord,
    personIds: string[],
    method: 'staff' | 'code',
    userId: string | null,
    now: Date,
  ): Promise<string[]> {
    const recorded = await this.meetings.recordAttendance(manager, meeting.id, personIds, method, userId, now);
    await this.outbox.publish(
      manager,
      recorded.map((personId) => ({
        type: DeliberationEvent.MeetingAttended,
        unitId: meeting.unitId,
        actors: [{ personId, role: 'attendee' }],
        data: { meetingId: meeting.id, kind: meeting.kind, title: meeting.title },
      })),
    );
    return recorded;
  }
}
