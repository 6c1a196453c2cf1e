import { Injectable } from '@nestjs/common';
import { BusinessCalendar, JobQueue, queryRows, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { PostsTemplate } from './posts-templates';

const DAY_MS = 24 * 3600_000;

/**
 * Tells claimants of shifts starting within the next 24 hours, once per claim: `reminded_at` is set
 * by the same statement that picks the claims, and the notifications are queued before that
 * commits (a failed enqueue rolls the marks back; a retried commit is deduplicated by the
 * notification's key). A claim made less than 24 hours ahead is reminded at the next run.
 */
@Injectable()
export class ShiftReminders {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly jobs: JobQueue,
    private readonly calendar: BusinessCalendar,
  ) {}

  async remindDue(now: Date): Promise<number> {
    return this.transactions.run(async (manager) => {
      const due = await queryRows<{ id: string; person_id: string; starts_at: Date; title: string; unit_name: string }>(
        manager,
        `UPDATE volunteer_shift_claims c SET reminded_at = $1
           FROM volunteer_posts p JOIN units u ON u.id = p.unit_id
          WHERE p.id = c.post_id AND c.released_at IS NULL AND c.reminded_at IS NULL AND c.starts_at > $1 AND c.starts_at <= $2
        RETURNING c.id, c.person_id, c.starts_at, p.title, u.name AS unit_name`,
        [now, new Date(now.getTime() + DAY_MS)],
      );
      await this.jobs.notifyMany(
        due.map((claim) => ({
          recipient: { personId: claim.person_id },
          templateKey: PostsTemplate.ShiftReminder,
          data: { title: claim.title, unitName: claim.unit_name, startsAt: DateTime.fromJSDate(new Date(claim.starts_at), { zone: this.calendar.zone }).toFormat('yyyy-MM-dd HH:mm') },
          dedupeKey: `${PostsTemplate.ShiftReminder}:${claim.id}`,
        })),
      );
      return due.length;
    });
  }
}
