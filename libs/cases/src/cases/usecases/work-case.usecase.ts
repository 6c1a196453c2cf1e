import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, SendNotificationJob } from '@linli/platform';
import { CasesEvent } from '../../cases-events';
import { selfAuthorization } from '../../shared.exception';
import { CaseTransitions } from '../case-transitions';
import { CasesCode, CasesException } from '../cases.exception';
import { CasesRepository } from '../cases.repository';
import { CasesTemplate } from '../cases-templates';
import { CaseDto } from '../dto/case.dto';
import { CaseNoteDto, HandleCaseDto, VerifyCaseDto } from '../dto/case-actions.dto';

/**
 * The handling of a dispatched case: `start` (the handler takes it up: the response), `handle`
 * (反馈; with joint handling only once every department's task is done, which handles it by
 * itself), `verify` (核查, by staff or a reporter, never by whoever handled it: a failed
 * verification returns it as rework, 返工), `close` (结案; on time when within the resolution
 * deadline; the reporters are told and invited to rate it).
 */
@Injectable()
export class WorkCaseUseCase {
  constructor(
    private readonly transitions: CaseTransitions,
    private readonly cases: CasesRepository,
  ) {}

  start(user: AuthenticatedUser, id: string, body: CaseNoteDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'start', ({ row, now }) => ({
      to: 'in_progress',
      patch: { responded_at: row.responded_at ?? now, handler_user_id: row.handler_user_id ?? user.userId },
      note: body.note ?? null,
    }));
  }

  handle(user: AuthenticatedUser, id: string, body: HandleCaseDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'handle', async ({ row, manager, now }) => {
      const open = ((await this.cases.tasks([row.id], manager)).get(row.id) ?? []).filter(
        (task) => task.status === 'open',
      );
      if (open.length > 0)
        throw new CasesException(CasesCode.TasksOpen, { extensions: { openTasks: open.map((task) => task.id) } });
      return { to: 'handled', patch: { handled_at: now, handled_by_user_id: user.userId }, note: body.note };
    });
  }

  completeTask(user: AuthenticatedUser, id: string, taskId: string, body: CaseNoteDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'complete-task', async ({ row, manager, now }) => {
      const open = await this.cases.completeTask(manager, row.id, taskId, {
        note: body.note ?? null,
        userId: user.userId,
        at: now,
      });
      if (open === undefined) throw new CasesException(CasesCode.TaskNotOpen);
      return open === 0
        ? {
            to: 'handled',
            patch: { handled_at: now, handled_by_user_id: user.userId },
            note: body.note ?? null,
            data: { taskId, allTasksDone: true },
          }
        : { to: 'in_progress', note: body.note ?? null, data: { taskId, openTasks: open } };
    });
  }

  verify(user: AuthenticatedUser, id: string, body: VerifyCaseDto): Promise<CaseDto> {
    return this.transitions.run(
      user,
      id,
      'verify',
      ({ row }) => {
        if (row.handled_by_user_id === user.userId)
          throw selfAuthorization('不能核查本人的办理结果，请由网格员、其他工作人员或反映人核查');
        return body.passed
          ? { to: 'verified', note: body.note ?? null, data: { passed: true } }
          : {
              to: 'in_progress',
              patch: { rework_count: row.rework_count + 1, handled_at: null, handled_by_user_id: null },
              note: body.note ?? null,
              data: { passed: false, rework: true },
            };
      },
      'handler-or-reporter',
    );
  }

  close(user: AuthenticatedUser, id: string, body: CaseNoteDto): Promise<CaseDto> {
    return this.transitions.run(user, id, 'close', async ({ row, manager, now }) => {
      const onTime = row.resolve_due_at !== null && now.getTime() <= row.resolve_due_at.getTime();
      const reporters = (await this.cases.reporters([row.id], manager)).get(row.id) ?? [];
      const notifications: SendNotificationJob[] = reporters.flatMap((reporter) =>
        [CasesTemplate.Closed, CasesTemplate.VisitInvitation].map((templateKey) => ({
          recipient: { personId: reporter.person_id },
          templateKey,
          data: { caseId: row.id, title: row.title },
          dedupeKey: `${templateKey}:${row.id}:${row.reopen_count}:${reporter.person_id}`,
        })),
      );
      return {
        to: 'closed',
        patch: { closed_at: now, closed_on_time: onTime },
        note: body.note ?? null,
        data: { onTime },
        events: [
          {
            type: CasesEvent.CaseClosed,
            unitId: row.unit_id,
            data: { caseId: row.id, title: row.title, onTime, reworks: row.rework_count },
          },
        ],
        notifications,
      };
    });
  }
}
