import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface CalendarRow {
  year: number;
  holidays: string[];
  workdays: string[];
  updated_by_user_id: string | null;
  updated_at: Date;
}

/** SQL of the yearly working-day calendars (`case_calendars`). */
@Injectable()
export class CalendarsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async read(years: number[], manager?: EntityManager): Promise<CalendarRow[]> {
    return queryRows<CalendarRow>(
      manager ?? this.dataSource.manager,
      `SELECT year, holidays::text[] AS holidays, workdays::text[] AS workdays, updated_by_user_id, updated_at
       FROM case_calendars WHERE year = ANY($1::int[]) ORDER BY year`,
      [years],
    );
  }

  async put(
    manager: EntityManager,
    calendar: { year: number; holidays: string[]; workdays: string[]; userId: string; now: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO case_calendars (year, holidays, workdays, updated_by_user_id, updated_at)
       VALUES ($1, $2::date[], $3::date[], $4, $5)
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays,
         updated_by_user_id = EXCLUDED.updated_by_user_id, updated_at = EXCLUDED.updated_at`,
      [calendar.year, calendar.holidays, calendar.workdays, calendar.userId, calendar.now],
    );
  }
}
