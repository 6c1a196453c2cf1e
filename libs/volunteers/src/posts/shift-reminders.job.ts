import { Injectable } from '@nestjs/common';
import { Clock, Scheduled, ScheduleContext } from '@linli/platform';
import { ShiftReminders } from './shift-reminders.service';

export const SHIFT_REMINDERS_SCHEDULE = 'volunteers.shift-reminders';

/** Hourly (business time zone), recorded per hour in `job_runs`. */
@Injectable()
export class ShiftRemindersJob {
  constructor(
    private readonly clock: Clock,
    private readonly reminders: ShiftReminders,
  ) {}

  /** At minute 5: claimants of shifts starting within 24 hours, each told once. */
  @Scheduled({ name: SHIFT_REMINDERS_SCHEDULE, cron: '5 * * * *', period: 'hour' })
  async remind(context: ScheduleContext): Promise<{ period: string; reminded: number }> {
    return { period: context.period.key, reminded: await this.reminders.remindDue(this.clock.now()) };
  }
}
