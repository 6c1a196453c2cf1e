import { Injectable, Logger } from '@nestjs/common';
import { BusinessCalendar } from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { CalendarsRepository } from './calendars.repository';
import { WorkingDays } from './working-days';

/** How far ahead a due date may reach: a limit in working days never spans more than this many years. */
const YEARS_AHEAD = 2;

/**
 * Working-day arithmetic on the calendars the deployment loaded (`PUT /cases/calendars/:year`), in
 * the business time zone. A year not loaded counts Monday to Friday, and says so in the log.
 */
@Injectable()
export class WorkingCalendar {
  private readonly logger = new Logger(WorkingCalendar.name);

  constructor(
    private readonly calendars: CalendarsRepository,
    private readonly business: BusinessCalendar,
  ) {}

  async around(instant: Date, manager?: EntityManager): Promise<WorkingDays> {
    const year = DateTime.fromJSDate(instant, { zone: this.business.zone }).year;
    const years = Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => year + i);
    return new WorkingDays(this.business.zone, await this.calendars.read(years, manager));
  }

  /** The end of the `days`-th working day after the day of `instant`. */
  async dueAfter(instant: Date, days: number, manager?: EntityManager): Promise<Date> {
    const calendar = await this.around(instant, manager);
    const due = calendar.dueAfter(instant, days);
    const missing = calendar.missingYears(instant, due);
    if (missing.length > 0)
      this.logger.warn(`no working-day calendar for ${missing.join(', ')}: counted Monday to Friday`);
    return due;
  }
}
