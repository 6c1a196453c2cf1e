import { Injectable } from '@nestjs/common';
import { BusinessCalendar, NotificationOutbox } from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { MEETING_KIND_DEFINITIONS } from './meeting-kinds';
import { MeetingRecord } from './meeting-record';
import { MeetingsTemplate } from './meetings-templates';

/**
 * Tells people about meetings through the notifier; each notification is requested in the
 * transaction of the change that causes it and deduplicated by meeting and recipient.
 */
@Injectable()
export class MeetingsNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** One reminder per (meeting, account). */
  reminders(
    manager: EntityManager,
    items: { meeting: MeetingRecord; place: string; userIds: string[] }[],
  ): Promise<void> {
    return this.outbox.request(
      manager,
      items.flatMap(({ meeting, place, userIds }) =>
        [...new Set(userIds)].map((userId) => ({
          recipient: { userId },
          templateKey: MeetingsTemplate.Reminder,
          data: {
            title: meeting.title,
            kind: MEETING_KIND_DEFINITIONS[meeting.kind].displayName,
            startsAt: DateTime.fromJSDate(meeting.startsAt, { zone: this.calendar.zone }).toFormat('yyyy-MM-dd HH:mm'),
            place,
          },
          dedupeKey: `${MeetingsTemplate.Reminder}:${meeting.id}:${userId}`,
        })),
      ),
    );
  }
}
