import { Injectable } from '@nestjs/common';
import {
  AccountsDirectory,
  AuthenticatedUser,
  BusinessCalendar,
  isWithin,
  NotFoundProblem,
  Permission,
  rolesWith,
  ScopedReferences,
  SendNotificationJob,
} from '@linli/platform';
import { CategoriesRepository, CategoryRow } from '../../categories/categories.repository';
import { DepartmentsRepository } from '../../departments/departments.repository';
import { CaseClock } from '../case-clock';
import { LEVEL_DISPLAY } from '../case-flow';
import { CaseLevels } from '../case-levels';
import { CaseTransitions } from '../case-transitions';
import { CasesCode, CasesException } from '../cases.exception';
import { CasesRepository } from '../cases.repository';
import { CasesTemplate } from '../cases-templates';
import { CaseDto } from '../dto/case.dto';
import { DispatchCaseDto } from '../dto/case-actions.dto';

/**
 * `POST /cases/:id/dispatch` (派遣): to a level above the case's unit (its current one by
 * default), to a handler who holds cases.handle there, and to departments of its street or district
 * that handle its category (联办: one task each). A new level starts its own clock. The handler,
 * or else the level's heads, are told.
 */
@Injectable()
export class DispatchCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly levels: CaseLevels,
    private readonly caseClock: CaseClock,
    private readonly categories: CategoriesRepository,
    private readonly departments: DepartmentsRepository,
    private readonly cases: CasesRepository,
    private readonly accounts: AccountsDirectory,
    private readonly references: ScopedReferences,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute(user: AuthenticatedUser, id: string, body: DispatchCaseDto): Promise<CaseDto> {
    const departmentIds = [...new Set(body.departmentIds ?? [])];
    if (departmentIds.length > 0)
      await this.references.reach(user, Permission.CasesHandle, { 'case-department': departmentIds });
    return this.transitions.run(user, id, 'dispatch', async ({ row, manager, now }) => {
      const levels = await this.levels.of(row.unit_path, manager);
      const level = body.level ?? row.level;
      const levelUnit = levels.get(level);
      if (!levelUnit) throw new CasesException(CasesCode.Level, { extensions: { levels: [...levels.keys()] } });
      if (body.handlerUserId) {
        const holders = await this.accounts.holdersAt(
          [body.handlerUserId],
          rolesWith(Permission.CasesHandle),
          row.unit_path,
          manager,
        );
        if (!holders.has(body.handlerUserId)) throw new NotFoundProblem('该办理人');
      }
      const category = (await this.categories.byIds([row.category_id], manager)).get(row.category_id) as CategoryRow;
      const departments = await this.departments.byIds(departmentIds, manager);
      for (const department of departments.values())
        if (!isWithin(row.unit_path, department.unit_path) || !department.category_codes.includes(category.code))
          throw new CasesException(CasesCode.Department, { extensions: { departmentId: department.id } });
      if (departmentIds.length > 0) await this.cases.addTasks(manager, row.id, departmentIds, now);

      const moved = level !== row.level;
      const levelDue = moved ? await this.caseClock.resolveDue(now, category, row.urgency, manager) : row.level_due_at;
      const recipients = body.handlerUserId
        ? [body.handlerUserId]
        : ((await this.levels.heads([{ level, path: levelUnit.path }], manager)).get(levelUnit.path) ?? []);
      const notifications: SendNotificationJob[] = recipients.map((userId) => ({
        recipient: { userId },
        templateKey: CasesTemplate.Dispatched,
        data: {
          caseId: row.id,
          title: row.title,
          levelName: levelUnit.name,
          dueAt: levelDue ? this.calendar.localDate(new Date(levelDue.getTime() - 1)) : '',
        },
        dedupeKey: `${CasesTemplate.Dispatched}:${row.id}:${now.getTime()}:${userId}`,
      }));
      return {
        to: row.status === 'in_progress' ? 'in_progress' : 'dispatched',
        patch: {
          level,
          level_unit_id: levelUnit.id,
          handler_user_id: body.handlerUserId ?? null,
          ...(moved ? { level_started_at: now, level_due_at: levelDue, warned_at: null } : {}),
        },
        data: { level, levelDisplay: LEVEL_DISPLAY[level], handlerUserId: body.handlerUserId ?? null, departmentIds },
        notifications,
      };
    });
  }
}
