import { Injectable } from '@nestjs/common';
import { SendNotificationJob } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CategoriesRepository, CategoryRow } from '../categories/categories.repository';
import { CasesEvent } from '../cases-events';
import { CaseClock } from './case-clock';
import { LEVEL_DISPLAY } from './case-flow';
import { CaseLevels } from './case-levels';
import { CaseRow } from './case-record';
import { CaseStep } from './case-transitions';
import { CasesCode, CasesException } from './cases.exception';
import { CasesRepository } from './cases.repository';
import { CasesTemplate } from './cases-templates';

/**
 * Escalation (上报): the case goes to the next level above its unit (grid → community → street →
 * district), unassigned, with a fresh clock for that level, recorded once per (case, level, due
 * instant): a second scheduler, or a request racing the job, finds the record and changes nothing.
 * The next level's heads are told; `cases.case.escalated` is published.
 */
@Injectable()
export class CaseEscalation {
  constructor(
    private readonly levels: CaseLevels,
    private readonly caseClock: CaseClock,
    private readonly categories: CategoriesRepository,
    private readonly cases: CasesRepository,
  ) {}

  /** The step, or undefined when this level's escalation was recorded already (or, for the job, nothing is above). */
  async step(
    manager: EntityManager,
    row: CaseRow,
    now: Date,
    escalation: { reason: string; userId: string | null; automatic: boolean },
  ): Promise<CaseStep | undefined> {
    const levels = await this.levels.of(row.unit_path, manager);
    const next = CaseLevels.above(levels, row.level);
    const nextUnit = next ? levels.get(next) : undefined;
    if (!next || !nextUnit) {
      if (escalation.automatic) return undefined;
      throw new CasesException(CasesCode.TopLevel);
    }
    const dueAt = row.level_due_at ?? row.reported_at;
    const recorded = await this.cases.recordEscalation(manager, {
      caseId: row.id,
      from: row.level,
      to: next,
      dueAt,
      reason: escalation.reason,
      userId: escalation.userId,
      at: now,
    });
    if (!recorded) return undefined;
    const category = (await this.categories.byIds([row.category_id], manager)).get(row.category_id) as CategoryRow;
    const levelDue = await this.caseClock.resolveDue(now, category, row.urgency, manager);
    const heads = (await this.levels.heads([{ level: next, path: nextUnit.path }], manager)).get(nextUnit.path) ?? [];
    const data = {
      caseId: row.id,
      title: row.title,
      fromLevel: row.level,
      toLevel: next,
      reason: escalation.reason,
      automatic: escalation.automatic,
    };
    const notifications: SendNotificationJob[] = heads.map((userId) => ({
      recipient: { userId },
      templateKey: CasesTemplate.Escalated,
      data: { ...data, fromLevel: LEVEL_DISPLAY[row.level], toLevel: nextUnit.name },
      dedupeKey: `${CasesTemplate.Escalated}:${recorded}:${userId}`,
    }));
    return {
      to: 'dispatched',
      patch: {
        level: next,
        level_unit_id: nextUnit.id,
        handler_user_id: null,
        level_started_at: now,
        level_due_at: levelDue,
        warned_at: null,
        escalation_count: row.escalation_count + 1,
      },
      note: escalation.reason,
      data: { fromLevel: row.level, toLevel: next, automatic: escalation.automatic },
      events: [{ type: CasesEvent.CaseEscalated, unitId: row.unit_id, data }],
      notifications,
    };
  }
}
