import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { DataSource } from 'typeorm';
import { ActivitiesNotifier } from './activities-notifier';

export const ACTIVITY_REMINDERS_SCHEDULE = 'volunteers.activity-reminders';

const BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

interface DueReminder {
  signup_id: string;
  person_id: string;
  title: string;
  starts_at: Date;
  place: string;
}

/**
 * Hourly: everyone with a confirmed place at an activity starting within the next day (up to 24 h
 * after the end of this hour) is reminded once. The notification is queued first, with a dedupe
 * key per sign-up, and `reminded_at` is set after: a run that dies in between sends nothing twice
 * when the next run picks the same sign-ups up again.
 */
@Injectable()
export class ActivityRemindersJob {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: ActivitiesNotifier,
    private readonly clock: Clock,
  ) {}

  @Scheduled({ name: ACTIVITY_REMINDERS_SCHEDULE, cron: '5 * * * *', period: 'hour' })
  async remind(context: ScheduleContext): Promise<{ period: string; reminded: number }> {
    const until = new Date(context.period.end.getTime() + DAY_MS);
    const now = this.clock.now();
    let reminded = 0;
    for (;;) {
      const due: DueReminder[] = await this.dataSource.query(
        `SELECT s.id AS signup_id, s.person_id, a.title, a.starts_at, COALESCE(a.location_address, u.name) AS place
           FROM volunteer_activity_signups s
           JOIN volunteer_activities a ON a.id = s.activity_id
           JOIN units u ON u.id = a.unit_id
          WHERE s.status = 'confirmed' AND s.reminded_at IS NULL AND a.starts_at > $1 AND a.starts_at <= $2
          ORDER BY a.starts_at, s.id LIMIT ${BATCH}`,
        [now, until],
      );
      if (due.length === 0) break;
      await this.notifier.reminders(due.map((row) => ({ signupId: row.signup_id, personId: row.person_id, activity: { title: row.title, startsAt: row.starts_at, place: row.place } })));
      await this.dataSource.query(`UPDATE volunteer_activity_signups SET reminded_at = $2 WHERE id = ANY($1::uuid[]) AND reminded_at IS NULL`, [due.map((row) => row.signup_id), now]);
      reminded += due.length;
    }
    return { period: context.period.key, reminded };
  }
}
