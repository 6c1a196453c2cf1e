import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, BusinessCalendar, Clock, TransactionRunner } from '@linli/platform';
import { DateTime } from 'luxon';
import { CalendarCode, CalendarException } from './calendar.exception';
import { CalendarRow, CalendarsRepository } from './calendars.repository';
import { CaseCalendarDto, PutCaseCalendarDto } from './dto/case-calendar.dto';
import { WorkingDays } from './working-days';

/** The yearly official calendars (national holidays and 调休), loaded by the deployment as data. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly calendars: CalendarsRepository,
    private readonly transactions: TransactionRunner,
    private readonly business: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(year: number): Promise<CaseCalendarDto> {
    const [row] = await this.calendars.read([year]);
    if (!row) throw new CalendarException(CalendarCode.CalendarMissing, { extensions: { year } });
    return this.view(row);
  }

  async put(user: AuthenticatedUser, year: number, body: PutCaseCalendarDto): Promise<CaseCalendarDto> {
    const holidays = [...new Set(body.holidays)].sort();
    const workdays = [...new Set(body.workdays)].sort();
    const foreign = [...holidays, ...workdays].filter((day) => !day.startsWith(`${year}-`));
    if (foreign.length > 0) throw new CalendarException(CalendarCode.CalendarYear, { extensions: { dates: foreign } });
    const both = holidays.filter((day) => workdays.includes(day));
    if (both.length > 0) throw new CalendarException(CalendarCode.CalendarConflict, { extensions: { dates: both } });
    await this.transactions.run(async (manager) => {
      await this.calendars.put(manager, { year, holidays, workdays, userId: user.userId, now: this.clock.now() });
      await this.audit.record(
        {
          action: 'cases.calendar-loaded',
          targetType: 'case-calendar',
          targetId: String(year),
          data: { holidays: holidays.length, workdays: workdays.length },
        },
        manager,
      );
    });
    return this.get(year);
  }

  private view(row: CalendarRow): CaseCalendarDto {
    const calendar = new WorkingDays(this.business.zone, [row]);
    let day = DateTime.fromObject({ year: row.year, month: 1, day: 1 }, { zone: this.business.zone });
    let workingDays = 0;
    while (day.year === row.year) {
      if (calendar.isWorkingDay(day.toISODate() as string)) workingDays += 1;
      day = day.plus({ days: 1 });
    }
    return {
      year: row.year,
      holidays: row.holidays,
      workdays: row.workdays,
      workingDays,
      updatedByUserId: row.updated_by_user_id,
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
