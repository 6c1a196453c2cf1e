import { Injectable } from '@nestjs/common';
import { BusinessCalendar, NotificationOutbox } from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { ActivitiesTemplate } from './activities-templates';

/** An activity as a notification shows it. */
export interface NotifiedActivity {
  title: string;
  startsAt: Date;
  place: string;
}

/**
 * Tells people about their sign-ups and hour requests through the notifier; each notification is
 * requested in the transaction of the change that causes it (`NotificationOutbox`) and deduplicated
 * by what caused it.
 */
@Injectable()
export class ActivitiesNotifier {
  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly calendar: BusinessCalendar,
  ) {}

  promoted(
    manager: EntityManager,
    signupId: string,
    personId: string,
    activity: NotifiedActivity,
    promotedAt: Date,
  ): Promise<void> {
    return this.outbox.requestOne(manager, {
      recipient: { personId },
      templateKey: ActivitiesTemplate.Promoted,
      data: this.activityData(activity),
      dedupeKey: `${ActivitiesTemplate.Promoted}:${signupId}:${promotedAt.toISOString()}`,
    });
  }

  reminders(
    manager: EntityManager,
    items: { signupId: string; personId: string; activity: NotifiedActivity }[],
  ): Promise<void> {
    return this.outbox.request(
      manager,
      items.map((item) => ({
        recipient: { personId: item.personId },
        templateKey: ActivitiesTemplate.Reminder,
        data: this.activityData(item.activity),
        dedupeKey: `${ActivitiesTemplate.Reminder}:${item.signupId}`,
      })),
    );
  }

  hourRequestDecided(
    manager: EntityManager,
    request: {
      id: string;
      personId: string;
      serviceDate: string;
      hours: number;
      approvedHours: number | null;
      rejectReason: string | null;
    },
  ): Promise<void> {
    const approved = request.approvedHours !== null;
    return this.outbox.requestOne(manager, {
      recipient: { personId: request.personId },
      templateKey: approved ? ActivitiesTemplate.HourRequestApproved : ActivitiesTemplate.HourRequestRejected,
      data: approved
        ? { date: request.serviceDate, hours: request.approvedHours }
        : { date: request.serviceDate, hours: request.hours, reason: request.rejectReason ?? '' },
      dedupeKey: `volunteers.hour-request-decided:${request.id}`,
    });
  }

  private activityData(activity: NotifiedActivity): Record<string, string> {
    return {
      title: activity.title,
      startsAt: DateTime.fromJSDate(activity.startsAt, { zone: this.calendar.zone }).toFormat('yyyy-MM-dd HH:mm'),
      place: activity.place,
    };
  }
}
