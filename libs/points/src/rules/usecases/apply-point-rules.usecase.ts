import { Injectable } from '@nestjs/common';
import { BusinessCalendar, DomainEvent } from '@linli/platform';
import { DateTime } from 'luxon';
import { EntityManager } from 'typeorm';
import { ResolvedPendingLot } from '../../ledger/ledger-records';
import { queryRows } from '../../ledger/ledger-sql';
import { PointsLedger } from '../../ledger/points-ledger.service';
import { AccountRef, accountRefKey, PointsOwner } from '../../ledger/points-owner';
import { PointsNotifier } from '../../notifications/points-notifier';
import { ActiveRulesReader } from '../active-rules.reader';
import { MemberOrganizationsReader } from '../member-organizations.reader';
import { PendingResolutions } from '../pending-resolutions.service';
import { RuleCaps } from '../point-rule-spec';
import { RuleOutcome } from '../point-rule-outcome.entity';
import { CandidateRule, organizationReason, pendingKeys, ruleAmount, ruleReason, rulesForActor } from '../rule-matching';

/** One credit a rule asks for, before caps. */
interface PlannedCredit {
  rule: CandidateRule;
  ref: AccountRef;
  requested: number;
  reason: string;
  /** Idempotency key of the credit (and of its outcome): unique per account. */
  creditKey: string;
}

interface EarnedNotice {
  personId: string;
  accountId: string;
  idempotencyKey: string;
  points: number;
  reason: string;
}

/** What one event did to the ledger. */
export interface AppliedRules {
  /** Outcomes of this event's own credits. */
  credited: number;
  capped: number;
  pending: number;
  /** Credits refused on arrival: their voiding event had been delivered first. */
  rejected: number;
  /** Earlier pending lots this event confirmed or voided. */
  confirmed: number;
  voided: number;
}

const CAP_PERIODS = ['day', 'month', 'year'] as const;

/**
 * Applies the points rules to one domain event, in the subscriber's transaction:
 *
 * 1. pending points this event confirms or voids (rules naming its type as `pendingUntil` or
 *    `pendingRejectedBy` say which data field keys them); the event is also recorded, so that points
 *    earned by an event delivered after it are resolved on arrival;
 * 2. the matching rules, per actor: the amount (per occurrence or per unit of quantity), the caps
 *    per owner over the rule's credits in the business calendar's day, month and year (a reached
 *    cap records a "capped" outcome and writes no entry; a cap cuts a credit down to what is left),
 *    and for `creditOrganization` rules also the member's party organizations, each with its own
 *    reason;
 * 3. after the writes, a notification per person credited.
 *
 * Every credit is keyed by rule and event (and member, for organizations), so an event applied again
 * changes nothing. All accounts the event touches are locked up front, in the ledger's one order.
 */
@Injectable()
export class ApplyPointRulesUseCase {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly rules: ActiveRulesReader,
    private readonly members: MemberOrganizationsReader,
    private readonly calendar: BusinessCalendar,
    private readonly notifier: PointsNotifier,
    private readonly resolutions: PendingResolutions,
  ) {}

  async execute(event: DomainEvent, manager: EntityManager): Promise<AppliedRules> {
    const summary: AppliedRules = { credited: 0, capped: 0, pending: 0, rejected: 0, confirmed: 0, voided: 0 };
    const notices: EarnedNotice[] = [];

    const resolutions = await this.resolutions.resolvedBy(manager, event);
    const resolving = [...resolutions.confirmKeys, ...resolutions.rejectKeys];
    const rules = await this.rules.forEvent(manager, event);
    const planned = rules.length > 0 ? await this.plan(manager, event, rules) : [];
    if (resolving.length === 0 && planned.length === 0) return summary;

    // Locks: the pending keys first, then every account the event touches, each in one global order,
    // so that two events never wait on each other in a circle.
    const earning = planned.flatMap((credit) => Object.values(pendingKeys(credit.rule, event.data) ?? {}).filter((key): key is string => key !== null));
    await this.resolutions.lock(manager, [...resolving, ...earning]);
    const pendingAccounts = await this.ledger.accountsWithPending(manager, resolving);
    const accounts = await this.ledger.lockAccounts(manager, [...pendingAccounts, ...planned.map((credit) => credit.ref)]);

    if (resolving.length > 0) {
      await this.resolutions.record(manager, event, resolutions);
      const earnedUpTo = new Date(event.occurredAt);
      const confirmed = await this.ledger.confirmPending(manager, { keys: resolutions.confirmKeys, earnedUpTo });
      const rejected = await this.ledger.rejectPending(manager, { keys: resolutions.rejectKeys, earnedUpTo });
      await this.settleOutcomes(manager, confirmed, rejected);
      summary.confirmed = confirmed.length;
      summary.voided = rejected.length;
      for (const lot of confirmed) {
        if (lot.owner.type === 'person' && lot.entry) {
          notices.push({ personId: lot.owner.id, accountId: lot.accountId, idempotencyKey: lot.entry.idempotencyKey, points: lot.amount, reason: lot.reason });
        }
      }
    }

    for (const credit of planned) {
      const accountId = (accounts.get(accountRefKey(credit.ref)) as { id: string }).id;
      const outcome = await this.applyCredit(manager, event, credit, accountId);
      if (outcome === null) continue;
      summary[outcome.outcome] += 1;
      if (outcome.notice) notices.push(outcome.notice);
    }

    for (const notice of notices) await this.notifier.earned(notice.personId, notice);
    return summary;
  }

  private async plan(manager: EntityManager, event: DomainEvent, rules: CandidateRule[]): Promise<PlannedCredit[]> {
    const planned: PlannedCredit[] = [];
    const forOrganizations: { rule: CandidateRule; personId: string; amount: number; reason: string }[] = [];
    for (const actor of event.actors) {
      const owner: PointsOwner | null = actor.personId ? { type: 'person', id: actor.personId } : actor.organizationId ? { type: 'organization', id: actor.organizationId } : null;
      if (!owner) continue;
      for (const rule of rulesForActor(rules, actor.role)) {
        const amount = ruleAmount(rule, event.quantity);
        if (amount <= 0) continue;
        const reason = ruleReason(rule, event.data);
        planned.push({ rule, ref: { owner, kind: rule.accountKind }, requested: amount, reason, creditKey: `rule:${rule.ruleId}:${event.id}` });
        if (rule.creditOrganization && owner.type === 'person') forOrganizations.push({ rule, personId: owner.id, amount, reason });
      }
    }
    if (forOrganizations.length > 0) {
      const onDate = this.calendar.localDate(new Date(event.occurredAt));
      const members = await this.members.of(
        manager,
        forOrganizations.map((request) => request.personId),
        onDate,
      );
      for (const request of forOrganizations) {
        const member = members.get(request.personId);
        for (const organizationId of member?.organizationIds ?? []) {
          planned.push({
            rule: request.rule,
            ref: { owner: { type: 'organization', id: organizationId }, kind: request.rule.accountKind },
            requested: request.amount,
            reason: organizationReason(request.reason, member?.personName ?? null),
            creditKey: `rule:${request.rule.ruleId}:${event.id}:${request.personId}`,
          });
        }
      }
    }
    return planned;
  }

  /** One planned credit: skipped if already applied, capped, pending or credited. Null when it had been applied before. */
  private async applyCredit(
    manager: EntityManager,
    event: DomainEvent,
    credit: PlannedCredit,
    accountId: string,
  ): Promise<{ outcome: RuleOutcome; notice: EarnedNotice | null } | null> {
    const [applied] = await queryRows<{ id: string }>(manager, `SELECT id FROM point_rule_outcomes WHERE account_id = $1 AND credit_key = $2`, [accountId, credit.creditKey]);
    if (applied) return null;
    const { rule } = credit;
    const occurredAt = new Date(event.occurredAt);
    const allowance = await this.capAllowance(manager, accountId, rule.ruleId, rule.caps, occurredAt);
    const points = Math.min(credit.requested, allowance);
    if (points <= 0) {
      await this.recordOutcome(manager, event, credit, accountId, 'capped', 0, null, null);
      return { outcome: 'capped', notice: null };
    }
    let pending = pendingKeys(rule, event.data);
    if (pending) {
      // The resolving event may have been delivered first.
      const resolved = await this.resolutions.earliestSince(manager, [pending.confirmKey, pending.rejectKey].filter((key): key is string => key !== null), occurredAt);
      if (resolved === 'rejected') {
        await this.recordOutcome(manager, event, credit, accountId, 'rejected', points, null, null);
        return { outcome: 'rejected', notice: null };
      }
      if (resolved === 'confirmed') pending = null;
    }
    const result = await this.ledger.credit(manager, {
      owner: credit.ref.owner,
      kind: credit.ref.kind,
      amount: points,
      reason: credit.reason,
      idempotencyKey: credit.creditKey,
      rule: { ruleId: rule.ruleId, version: rule.version },
      sourceEventId: event.id,
      occurredAt,
      expiresAt: rule.validityMonths ? DateTime.fromJSDate(occurredAt, { zone: this.calendar.zone }).plus({ months: rule.validityMonths }).toJSDate() : null,
      pending,
    });
    const outcome: RuleOutcome = result.pending ? 'pending' : 'credited';
    await this.recordOutcome(manager, event, credit, accountId, outcome, points, result.entry?.id ?? null, result.lotId);
    const notice =
      outcome === 'credited' && credit.ref.owner.type === 'person' && !result.replayed
        ? { personId: credit.ref.owner.id, accountId, idempotencyKey: credit.creditKey, points, reason: credit.reason }
        : null;
    return { outcome, notice };
  }

  /**
   * Points the rule may still give this owner for an event at `occurredAt`: the smallest of
   * (cap − the rule's credits and pending points in that day / month / year of the business calendar).
   */
  private async capAllowance(manager: EntityManager, accountId: string, ruleId: string, caps: RuleCaps, occurredAt: Date): Promise<number> {
    const limited = CAP_PERIODS.filter((granularity) => typeof caps[granularity] === 'number');
    if (limited.length === 0) return Number.MAX_SAFE_INTEGER;
    const [day, month, year] = CAP_PERIODS.map((granularity) => this.calendar.periodOf(occurredAt, granularity));
    const [used] = await queryRows<Record<(typeof CAP_PERIODS)[number], string>>(
      manager,
      `SELECT coalesce(sum(amount) FILTER (WHERE at >= $3 AND at < $4), 0) AS day,
              coalesce(sum(amount) FILTER (WHERE at >= $5 AND at < $6), 0) AS month,
              coalesce(sum(amount), 0) AS year
         FROM (SELECT amount, occurred_at AS at FROM point_entries
                WHERE account_id = $1 AND rule_id = $2 AND kind = 'credit' AND occurred_at >= $7 AND occurred_at < $8
               UNION ALL
               SELECT amount, earned_at FROM point_lots
                WHERE account_id = $1 AND rule_id = $2 AND status = 'pending' AND earned_at >= $7 AND earned_at < $8) counted`,
      [accountId, ruleId, day.start, day.end, month.start, month.end, year.start, year.end],
    );
    return Math.min(...limited.map((granularity) => (caps[granularity] as number) - Number(used[granularity])));
  }

  private async recordOutcome(
    manager: EntityManager,
    event: DomainEvent,
    credit: PlannedCredit,
    accountId: string,
    outcome: RuleOutcome,
    points: number,
    entryId: string | null,
    lotId: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO point_rule_outcomes (account_id, credit_key, event_id, event_type, rule_id, rule_version, outcome, requested, points, entry_id, lot_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (account_id, credit_key) DO NOTHING`,
      [accountId, credit.creditKey, event.id, event.type, credit.rule.ruleId, credit.rule.version, outcome, credit.requested, points, entryId, lotId, new Date(event.occurredAt)],
    );
  }

  /** Outcomes follow their pending lots: credited on confirmation, rejected when voided. */
  private async settleOutcomes(manager: EntityManager, confirmed: ResolvedPendingLot[], rejected: ResolvedPendingLot[]): Promise<void> {
    if (confirmed.length > 0) {
      await manager.query(
        `UPDATE point_rule_outcomes o SET outcome = 'credited', entry_id = c.entry_id
           FROM unnest($1::uuid[], $2::uuid[]) AS c(lot_id, entry_id)
          WHERE o.lot_id = c.lot_id AND o.outcome = 'pending'`,
        [confirmed.map((lot) => lot.lotId), confirmed.map((lot) => lot.entry?.id ?? null)],
      );
    }
    if (rejected.length > 0) {
      await manager.query(`UPDATE point_rule_outcomes SET outcome = 'rejected' WHERE lot_id = ANY($1::uuid[]) AND outcome = 'pending'`, [rejected.map((lot) => lot.lotId)]);
    }
  }
}
