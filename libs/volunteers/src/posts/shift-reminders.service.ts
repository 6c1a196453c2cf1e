import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { BusinessCalendar, NotificationOutbox, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { PostShiftsRepository } from './post-shifts.repository';
import { PostsTemplate } from './posts-templates';

const DAY_MS = 24 * 3600_000;

/**
 * Tells claimants of shifts starting within the next 24 hours, once per claim: `reminded_at` is set
 * by the same statement that picks the claims, and the notifications are requested in the same
 * transaction (`NotificationOutbox`): marks and notices commit together, and the relay queues the
 * notices after the commit (deduplicated by the notification's key). A claim made less than 24 hours ahead is reminded at the next run. The
 * posts' unit names come from organization's directory, one call per run.
 */
@Injectable()
export class ShiftReminders {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly shifts: PostShiftsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly outbox: NotificationOutbox,
    private readonly calendar: BusinessCalendar,
  ) {}

  async remindDue(now: Date): Promise<number> {
    return this.transactions.run(async (manager) => {
      const due = await this.shifts.markDueReminders(manager, now, new Date(now.getTime() + DAY_MS));
      const units = await this.directory.units.byIds(
        due.map((claim) => claim.unit_id),
        manager,
      );
      await this.outbox.request(
        manager,
        due.map((claim) => ({
          recipient: { personId: claim.person_id },
          templateKey: PostsTemplate.ShiftReminder,
          data: {
            title: claim.title,
            unitName: units.get(claim.unit_id)?.name ?? '',
            startsAt: DateTime.fromJSDate(new Date(claim.starts_at), { zone: this.calendar.zone }).toFormat(
              'yyyy-MM-dd HH:mm',
            ),
          },
          dedupeKey: `${PostsTemplate.ShiftReminder}:${claim.id}`,
        })),
      );
      return due.length;
    });
  }
}
