import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@linli/platform';
import { CategoriesRepository, CategoryRow } from '../../categories/categories.repository';
import { selfAuthorization } from '../../shared.exception';
import { CaseClock } from '../case-clock';
import { SATISFACTION_DISPLAY } from '../case-flow';
import { CaseTransitions } from '../case-transitions';
import { CasesRepository } from '../cases.repository';
import { CaseDto } from '../dto/case.dto';
import { CaseVisitDto } from '../dto/case-actions.dto';

/**
 * `POST /cases/:id/visits` (回访): staff or a reporter record satisfaction with a closed case, never
 * whoever handled it. 满意 and 基本满意 keep it closed; 不满意 reopens it (counted as rework and as a
 * reopening), with a fresh clock at its level; its resolution deadline stays, so closing it again
 * late counts late.
 */
@Injectable()
export class FollowUpCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly cases: CasesRepository,
    private readonly categories: CategoriesRepository,
    private readonly caseClock: CaseClock,
  ) {}

  execute(user: AuthenticatedUser, id: string, body: CaseVisitDto): Promise<CaseDto> {
    return this.transitions.run(
      user,
      id,
      'visit',
      async ({ row, manager, now }) => {
        if (row.handled_by_user_id === user.userId)
          throw selfAuthorization('不能回访本人办理的案件，请由其他工作人员或反映人评价');
        await this.cases.recordVisit(manager, {
          caseId: row.id,
          satisfaction: body.satisfaction,
          note: body.note ?? null,
          userId: user.userId,
          at: now,
        });
        const visited = { visited_at: now, satisfaction: body.satisfaction };
        const data = { satisfaction: body.satisfaction, display: SATISFACTION_DISPLAY[body.satisfaction] };
        if (body.satisfaction !== 'unsatisfied') return { to: 'closed', patch: visited, note: body.note, data };
        const category = (await this.categories.byIds([row.category_id], manager)).get(row.category_id) as CategoryRow;
        return {
          to: 'in_progress',
          patch: {
            ...visited,
            closed_at: null,
            closed_on_time: null,
            handled_at: null,
            handled_by_user_id: null,
            reopen_count: row.reopen_count + 1,
            rework_count: row.rework_count + 1,
            level_started_at: now,
            level_due_at: await this.caseClock.resolveDue(now, category, row.urgency, manager),
            warned_at: null,
          },
          note: body.note ?? null,
          data: { ...data, reopened: true },
        };
      },
      'handler-or-reporter',
    );
  }
}
