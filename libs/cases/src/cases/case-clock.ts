import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WorkingCalendar } from '../calendar/working-calendar';
import { CategoryRow } from '../categories/categories.repository';

const HOUR_MS = 3_600_000;

/**
 * The time limits of a case from its category: the response limit in hours from the report; the
 * resolution limit from the start of the clock, in hours for an urgent case whose category has an
 * hour limit (and for a category with hours only), else in working days on the official calendar.
 */
@Injectable()
export class CaseClock {
  constructor(private readonly calendar: WorkingCalendar) {}

  responseDue(reportedAt: Date, category: Pick<CategoryRow, 'response_hours'>): Date {
    return new Date(reportedAt.getTime() + category.response_hours * HOUR_MS);
  }

  async resolveDue(
    from: Date,
    category: Pick<CategoryRow, 'resolve_working_days' | 'resolve_hours'>,
    urgency: 'normal' | 'urgent',
    manager?: EntityManager,
  ): Promise<Date> {
    const hours = category.resolve_hours;
    if (hours !== null && (urgency === 'urgent' || category.resolve_working_days === null))
      return new Date(from.getTime() + hours * HOUR_MS);
    return this.calendar.dueAfter(from, category.resolve_working_days as number, manager);
  }
}
