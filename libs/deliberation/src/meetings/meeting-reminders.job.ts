import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, Clock, Scheduled, ScheduleContext, TransactionRunner } from '@linli/platform';
import { JointMembersRepository } from './joint-members.repository';
import { MeetingRecord } from './meeting-record';
import { MeetingsNotifier } from './meetings-notifier';
import { MeetingsRepository } from './meetings.repository';

export const MEETING_REMINDERS_SCHEDULE = 'deliberation.meeting-reminders';

const BATCH = 100;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Hourly: every scheduled meeting starting within the next day (up to 24 h after the end of this
 * hour) not reminded yet is announced once to its creator, and to the representatives serving at
 * its unit (a representatives' meeting) or the member organizations' secretaries (a joint meeting)
 * who have an account. The notifications (dedupe key per meeting and account) and `reminded_at`
 * are written in one transaction per batch, so a dead run is picked up by the next.
 */
@Injectable()
export class MeetingRemindersJob {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly members: JointMembersRepository,
    private readonly directory: OrganizationDirectory,
    private readonly notifier: MeetingsNotifier,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  @Scheduled({ name: MEETING_REMINDERS_SCHEDULE, cron: '10 * * * *', period: 'hour' })
  async remind(context: ScheduleContext): Promise<{ period: string; reminded: number; notified: number }> {
    const until = new Date(context.period.end.getTime() + DAY_MS);
    const now = this.clock.now();
    let reminded = 0;
    let notified = 0;
    for (;;) {
      const due = await this.meetings.dueReminders(now, until, BATCH);
      if (due.length === 0) break;
      const recipients = await this.recipients(due);
      const units = await this.directory.units.byIds(due.map((m) => m.unitId));
      const items = due.map((meeting) => ({
        meeting,
        place: meeting.location ?? units.get(meeting.unitId)?.name ?? '',
        userIds: recipients.get(meeting.id) ?? [],
      }));
      await this.transactions.run(async (manager) => {
        await this.notifier.reminders(manager, items);
        await this.meetings.markReminded(
          manager,
          due.map((m) => m.id),
          now,
        );
      });
      reminded += due.length;
      notified += items.reduce((sum, item) => sum + item.userIds.length, 0);
    }
    return { period: context.period.key, reminded, notified };
  }

  /** meetingId → the accounts to remind (the creator first, then people with an account). */
  private async recipients(meetings: MeetingRecord[]): Promise<Map<string, string[]>> {
    const people = new Map<string, string[]>();
    for (const meeting of meetings.filter((m) => m.kind === 'representatives_meeting')) {
      people.set(
        meeting.id,
        await this.meetings.representativesWithin(
          undefined,
          meeting.unitPath,
          this.calendar.localDate(meeting.startsAt),
        ),
      );
    }
    const joint = meetings.filter((m) => m.kind === 'joint_meeting');
    if (joint.length > 0) {
      const memberOrgs = await this.members.membersOfMeetings(new Map(joint.map((m) => [m.id, m.unitId])));
      const organizations = await this.directory.organizations.byIds([...memberOrgs.values()].flat());
      for (const [meetingId, orgIds] of memberOrgs)
        people.set(
          meetingId,
          orgIds.flatMap((id) => organizations.get(id)?.secretaryPersonId ?? []),
        );
    }
    const accounts = await this.directory.people.byIds([...people.values()].flat());
    return new Map(
      meetings.map((m) => [
        m.id,
        [
          ...new Set([
            m.createdByUserId,
            ...(people.get(m.id) ?? []).flatMap((personId) => accounts.get(personId)?.userId ?? []),
          ]),
        ],
      ]),
    );
  }
}
