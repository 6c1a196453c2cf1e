import { Injectable } from '@nestjs/common';
import { BusinessCalendar, NewDomainEvent, SendNotificationJob } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CategoriesRepository, CategoryRow } from '../categories/categories.repository';
import { CasesEvent } from '../cases-events';
import { CaseClock } from './case-clock';
import { CaseRow } from './case-record';
import { CaseStep } from './case-transitions';
import { CasesRepository } from './cases.repository';
import { CasesTemplate } from './cases-templates';

/**
 * Registration (立案): the resolution clock starts (the case's deadline and its level's), the
 * case is announced (`cases.case.registered`; a hazard with a reporter also `cases.hazard.reported`,
 * which the points rules credit) and its reporters are told.
 */
@Injectable()
export class CaseRegistration {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly cases: CasesRepository,
    private readonly clock: CaseClock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async step(manager: EntityManager, row: CaseRow, now: Date): Promise<CaseStep> {
    const category = (await this.categories.byIds([row.category_id], manager)).get(row.category_id) as CategoryRow;
    const due = await this.clock.resolveDue(now, category, row.urgency, manager);
    const events: NewDomainEvent[] = [
      {
        type: CasesEvent.CaseRegistered,
        unitId: row.unit_id,
        data: {
          caseId: row.id,
          title: row.title,
          type: row.type,
          channel: row.channel,
          categoryCode: category.code,
          level: row.level,
        },
      },
    ];
    if (row.type === 'hazard' && row.reporter_person_id)
      events.push({
        type: CasesEvent.HazardReported,
        unitId: row.unit_id,
        actors: [{ personId: row.reporter_person_id, role: 'reporter' }],
        data: { caseId: row.id, title: row.title, categoryCode: category.code },
      });
    const reporters = (await this.cases.reporters([row.id], manager)).get(row.id) ?? [];
    const notifications: SendNotificationJob[] = reporters.map((reporter) => ({
      recipient: { personId: reporter.person_id },
      templateKey: CasesTemplate.Registered,
      data: { caseId: row.id, title: row.title, dueAt: this.calendar.localDate(due) },
      dedupeKey: `${CasesTemplate.Registered}:${row.id}:${reporter.person_id}`,
    }));
    return {
      to: 'registered',
      patch: {
        registered_at: now,
        resolve_due_at: due,
        level_started_at: now,
        level_due_at: due,
        warned_at: null,
      },
      data: { resolveDueAt: due.toISOString() },
      events,
      notifications,
    };
  }
}
