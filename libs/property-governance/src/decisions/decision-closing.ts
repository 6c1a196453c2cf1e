import { Injectable } from '@nestjs/common';
import { AuditLog, NotificationOutbox, Outbox, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PropertyEvent } from '../property-events';
import { DecisionRecord } from './decision-record';
import { DecisionTallies } from './decision-tallies';
import { DecisionsRepository } from './decisions.repository';
import { DecisionsTemplate } from './decisions-templates';
import { PropertyDecisionTallyDto } from './dto/property-decision-tally.dto';

const BATCH = 100;

const OUTCOME_DISPLAY: Record<string, string> = {
  passed: '通过',
  rejected: '未通过',
  not_valid: '无效（参与表决的面积或人数未达三分之二）',
};

/**
 * Closing a decision: the tally is fixed (`status = 'closed'`, `result`, `closed_at`) by an update
 * guarded on `status = 'open'`, so it closes once even when two schedulers, or a scheduler and a
 * staff member, close it together. Ballots hold the decision's row in key-share mode; the closer
 * holds it `FOR UPDATE`, so the ballots in flight are counted and later ones find it closed.
 * Audited (`property.decision-closed`), published (`property.decision.closed`), the creator told.
 */
@Injectable()
export class DecisionClosing {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly tallies: DecisionTallies,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationOutbox,
  ) {}

  /** Closes the decision (locked FOR UPDATE by the caller); undefined when it was closed already. */
  async close(
    manager: EntityManager,
    decision: DecisionRecord,
    by: { userId: string | null; job?: string },
    now: Date,
  ): Promise<PropertyDecisionTallyDto | undefined> {
    const live = await this.tallies.live(manager, decision, now);
    const result: PropertyDecisionTallyDto = { ...live, outcome: live.outcomeSoFar };
    if (!(await this.decisions.close(manager, decision.id, result, now, by))) return undefined;
    await this.audit.record(
      {
        action: 'property.decision-closed',
        targetType: 'property-decision',
        targetId: decision.id,
        unitId: decision.complexId,
        unitPath: decision.unitPath,
        data: { outcome: result.outcome, early: now < decision.closesAt, job: by.job ?? null },
        ...(by.job ? { actorUserId: null } : {}),
      },
      manager,
    );
    await this.outbox.publish(manager, {
      type: PropertyEvent.DecisionClosed,
      unitId: decision.complexId,
      actors: [],
      data: {
        decisionId: decision.id,
        title: decision.title,
        matter: decision.matter,
        outcome: result.outcome,
        participation: result.participation,
        approval: result.approval,
      },
    });
    await this.notifications.request(manager, [
      {
        recipient: { userId: decision.createdByUserId },
        templateKey: DecisionsTemplate.Closed,
        data: {
          title: decision.title,
          outcome: OUTCOME_DISPLAY[result.outcome],
          participation: `${result.participation.heads} 户 / ${result.participation.areaM2} ㎡`,
          approval: `${result.approval.heads} 户 / ${result.approval.areaM2} ㎡`,
        },
        dedupeKey: `${DecisionsTemplate.Closed}:${decision.id}`,
      },
    ]);
    return result;
  }

  /** Every open decision whose end time has come, in batches (one transaction each); answers how many this call closed. */
  async closeDue(now: Date, job: string): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.transactions.run(async (manager) => {
        const due = await this.decisions.lockDue(manager, now, BATCH);
        let closed = 0;
        for (const decision of due) if (await this.close(manager, decision, { userId: null, job }, now)) closed += 1;
        return { seen: due.length, closed };
      });
      total += batch.closed;
      if (batch.seen < BATCH) return total;
    }
  }
}
