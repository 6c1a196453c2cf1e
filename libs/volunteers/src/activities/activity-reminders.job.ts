import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext, TransactionRunner } from '@linli/platform';
import { ActivitiesNotifier } from './activities-notifier';
import { ActivitySignupsRepository } from './activity-signups.repository';
import { ActivityViews } from './activity-views';

export const ACTIVITY_REMINDERS_SCHEDULE = 'volunteers.activity-reminders';

const BATCH = 500;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Hourly: everyone with a confirmed place at an activity starting within the next day (up to 24 h
 * after the end of this hour) is reminded once: the notifications (dedupe key per sign-up) are
 * requested and `reminded_at` is set in one transaction, so a batch is either marked and announced
 * or neither, and the next run picks up what a dead run left. The place is the activity's address, else
 * its unit's name (one directory call per batch).
 */
@Injectable()
export class ActivityRemindersJob {
  constructor(
    private readonly signups: ActivitySignupsRepository,
    private readonly views: ActivityViews,
    private readonly notifier: ActivitiesNotifier,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  @Scheduled({ name: ACTIVITY_REMINDERS_SCHEDULE, cron: '5 * * * *', period: 'hour' })
  async remind(context: ScheduleContext): Promise<{ period: string; reminded: number }> {
    const until = new Date(context.period.end.getTime() + DAY_MS);
    const now = this.clock.now();
    let reminded = 0;
    for (;;) {
      const due = await this.signups.dueReminders(now, until, BATCH);
      if (due.length === 0) break;
      const unitNames = await this.views.unitNames(
        due.filter((row) => row.location_address === null).map((row) => ({ unitId: row.unit_id })),
      );
      await this.transactions.run(async (manager) => {
        await this.notifier.reminders(
          manager,
          due.map((row) => ({
            signupId: row.signup_id,
            personId: row.person_id,
            activity: {
              title: row.title,
              startsAt: row.starts_at,
              place: row.location_address ?? unitNames.get(row.unit_id) ?? '',
            },
          })),
        );
        await this.signups.markReminded(
          manager,
          due.map((row) => row.signup_id),
          now,
        );
      });
      reminded += due.length;
    }
    return { period: context.period.key, reminded };
  }
}
