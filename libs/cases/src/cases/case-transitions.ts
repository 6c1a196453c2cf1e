import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  ForbiddenProblem,
  LinliConfig,
  NewDomainEvent,
  NotificationOutbox,
  Outbox,
  SendNotificationJob,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CasesAccess } from '../access/cases-access';
import { ALLOWED_FROM, CaseAction, CaseLevel, CaseStatus, STATUS_DISPLAY } from './case-flow';
import { CasePatch, CaseRow } from './case-record';
import { CaseViews } from './case-views';
import { CasesCode, CasesException } from './cases.exception';
import { CasesRepository } from './cases.repository';
import { CasesTemplate } from './cases-templates';
import { CaseDto } from './dto/case.dto';

/** What one step does to a case: its new status and columns, and what it tells. */
export interface CaseStep {
  to: CaseStatus;
  patch?: CasePatch;
  level?: CaseLevel;
  note?: string | null;
  data?: Record<string, unknown>;
  events?: NewDomainEvent[];
  notifications?: SendNotificationJob[];
}

export interface StepContext {
  row: CaseRow;
  manager: EntityManager;
  now: Date;
}

/** Who may take a step: staff with cases.handle at the case (default), or also its reporters. */
export type StepActor = 'handler' | 'handler-or-reporter';

/**
 * The one way a case moves: checks the caller (404 outside scope), locks the case, checks the
 * action applies to its status (409 `cases.status` naming the current status and the allowed
 * ones), applies the step's change, records it in the case's steps and the audit log, publishes
 * its events and requests its notifications, all in one transaction.
 */
@Injectable()
export class CaseTransitions {
  constructor(
    private readonly access: CasesAccess,
    private readonly cases: CasesRepository,
    private readonly views: CaseViews,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationOutbox,
    private readonly config: LinliConfig,
    private readonly clock: Clock,
  ) {}

  async run(
    user: AuthenticatedUser,
    id: string,
    action: CaseAction,
    apply: (context: StepContext) => Promise<CaseStep> | CaseStep,
    actor: StepActor = 'handler',
  ): Promise<CaseDto> {
    const seen = await this.access.visible(user, id);
    if (!this.access.canHandle(user, seen.unit_path)) {
      const reporter = actor === 'handler-or-reporter' && (await this.access.isReporter(user, id));
      if (!reporter) throw new ForbiddenProblem('无权办理该案件');
    }
    const row = await this.transactions.run(async (manager) => {
      const locked = (await this.cases.readOne(manager, id, true)) as CaseRow;
      await this.move(manager, locked, action, user.userId, apply);
      return (await this.cases.readOne(manager, id)) as CaseRow;
    });
    return this.views.one(user, row);
  }

  /** The step inside a transaction the caller holds, on a locked case (the escalation job uses it too). */
  async move(
    manager: EntityManager,
    locked: CaseRow,
    action: CaseAction,
    userId: string | null,
    apply: (context: StepContext) => Promise<CaseStep> | CaseStep,
  ): Promise<CaseStep> {
    if (!ALLOWED_FROM[action].includes(locked.status))
      throw new CasesException(CasesCode.Status, {
        extensions: { currentStatus: locked.status, allowedFrom: ALLOWED_FROM[action] },
      });
    const now = this.clock.now();
    const step = await apply({ row: locked, manager, now });
    await this.cases.update(manager, locked.id, { ...step.patch, status: step.to }, now);
    const level = step.level ?? step.patch?.level ?? locked.level;
    await this.cases.step(manager, {
      case_id: locked.id,
      action,
      from_status: locked.status,
      to_status: step.to,
      level,
      userId,
      note: step.note,
      data: step.data,
      at: now,
    });
    await this.audit.record(
      {
        action: `cases.case-${action}`,
        targetType: 'case',
        targetId: locked.id,
        unitId: locked.unit_id,
        unitPath: locked.unit_path,
        data: { from: locked.status, to: step.to, level, ...(step.data ?? {}) },
      },
      manager,
    );
    if (step.events?.length) await this.outbox.publish(manager, step.events);
    const notifications = [...(step.notifications ?? []), ...this.hotlineCallback(locked, action, step, now)];
    if (notifications.length) await this.notifications.request(manager, notifications);
    return step;
  }

  /** A hotline ticket's status goes back to the hotline through the signed webhook channel. */
  private hotlineCallback(locked: CaseRow, action: CaseAction, step: CaseStep, now: Date): SendNotificationJob[] {
    const accountId = this.config.hotline.accountId;
    if (locked.channel !== 'hotline_12345' || !locked.external_id || !accountId) return [];
    return [
      {
        recipient: { userId: accountId },
        templateKey: CasesTemplate.HotlineStatus,
        channels: ['webhook'],
        data: {
          ticketNumber: locked.external_id,
          caseId: locked.id,
          action,
          status: step.to,
          statusDisplay: STATUS_DISPLAY[step.to],
          level: step.level ?? step.patch?.level ?? locked.level,
          at: now.toISOString(),
        },
        dedupeKey: `${CasesTemplate.HotlineStatus}:${locked.id}:${action}:${now.getTime()}`,
      },
    ];
  }
}
