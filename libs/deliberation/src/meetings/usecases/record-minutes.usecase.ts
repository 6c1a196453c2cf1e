import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { MeetingDetailDto } from '../dto/meeting.dto';
import { RecordMinutesDto } from '../dto/minutes.dto';
import { MeetingAccess } from '../meeting-access';
import { MeetingRecord } from '../meeting-record';
import { MeetingViews } from '../meeting-views';
import { MeetingsCode, MeetingsException } from '../meetings.exception';
import { MeetingsRepository } from '../meetings.repository';

/**
 * `POST /meetings/:id/minutes` (纪要): once, after the meeting started, by deliberation.manage in
 * scope. Each decision concerns a topic on the agenda; the attendee count is taken from the
 * attendance then; the meeting becomes `held`. The decisions are stored as
 * `[{ topicId, decision, adopted }]`, the shape the topics area reads to record a resolution.
 */
@Injectable()
export class RecordMinutesUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingsRepository,
    private readonly views: MeetingViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, meetingId: string, command: RecordMinutesDto): Promise<MeetingDetailDto> {
    await this.access.staff(user, meetingId, Permission.DeliberationManage);
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const meeting = (await this.meetings.readOne(manager, meetingId, { lock: true })) as MeetingRecord;
      if (meeting.status === 'cancelled') throw new MeetingsException(MeetingsCode.MeetingNotScheduled);
      if (now < meeting.startsAt) throw new MeetingsException(MeetingsCode.MeetingNotStarted);
      if (meeting.status === 'held') throw new MeetingsException(MeetingsCode.MinutesRecorded);
      const agenda = new Set((await this.meetings.agenda(manager, meeting.id)).map((item) => item.topicId));
      const stray = command.decisions.find((d) => !agenda.has(d.topicId.toLowerCase()));
      if (stray)
        throw new MeetingsException(MeetingsCode.MinutesTopicNotOnAgenda, { extensions: { topicId: stray.topicId } });
      const decisions = command.decisions.map((d) => ({
        topicId: d.topicId.toLowerCase(),
        decision: d.decision.trim(),
        adopted: d.adopted,
      }));
      const followUps = (command.followUps ?? []).map((f) => ({
        task: f.task.trim(),
        owner: f.owner.trim(),
        dueOn: f.dueOn ?? null,
      }));
      const attendeeCount = (await this.meetings.attendeeIds(manager, meeting.id)).length;
      const inserted = await this.meetings.insertMinutes(manager, {
        meetingId: meeting.id,
        summary: command.summary.trim(),
        decisions,
        followUps,
        attendeeCount,
        recordedByUserId: user.userId,
        recordedAt: now,
      });
      if (!inserted) throw new MeetingsException(MeetingsCode.MinutesRecorded);
      await this.meetings.setStatus(manager, meeting.id, 'held');
      await this.audit.record(
        {
          action: 'deliberation.meeting-minutes-recorded',
          targetType: 'deliberation-meeting',
          targetId: meeting.id,
          unitId: meeting.unitId,
          unitPath: meeting.unitPath,
          data: { attendeeCount, decisions },
        },
        manager,
      );
      return this.views.detail({ ...meeting, status: 'held' }, manager);
    });
  }
}
