import { Injectable } from '@nestjs/common';
import { BusinessCalendar, DomainEvent } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { AccountRef, PointsOwner } from '../ledger/points-owner';
import { ActiveRulesReader } from './active-rules.reader';
import { BusinessTime } from './business-time';
import { MemberOrganizationsReader } from './member-organizations.reader';
import { EventResolutions, PendingResolutions } from './pending-resolutions.service';
import { CandidateRule, organizationReason, pendingKeys, ruleAmount, ruleReason, rulesForActor } from './rule-matching';

/** One credit a rule asks for, before caps. */
export interface PlannedCredit {
  rule: CandidateRule;
  ref: AccountRef;
  requested: number;
  reason: string;
  /** Idempotency key of the credit (and of its outcome): unique per account. */
  creditKey: string;
}

/** What the rules make of one event, before anything is read under lock or written. */
export interface EventPlan {
  event: DomainEvent;
  /** Pending points this event confirms or voids. */
  resolutions: EventResolutions;
  /** Per actor, then the organizations credited for members (double points), in that order. */
  credits: PlannedCredit[];
}

/** Whether applying the plan involves pending points (resolving them, or earning points that wait for a confirmation). */
export function involvesPending(plan: EventPlan): boolean {
  return (
    plan.resolutions.confirmKeys.length > 0 ||
    plan.resolutions.rejectKeys.length > 0 ||
    plan.credits.some((credit) => pendingKeys(credit.rule, plan.event.data) !== null)
  );
}

/**
 * Turns events into planned credits: the matching rules per actor (amount, reason, credit key) and,
 * for `creditOrganization` rules, the member's party organizations. Reads the rules, the rules that
 * resolve pending points and the members' organizations once for all the events given.
 */
@Injectable()
export class CreditPlanner {
  constructor(
    private readonly rules: ActiveRulesReader,
    private readonly members: MemberOrganizationsReader,
    private readonly resolutions: PendingResolutions,
    private readonly calendar: BusinessCalendar,
  ) {}

  async plan(manager: EntityManager, events: DomainEvent[]): Promise<EventPlan[]> {
    const time = new BusinessTime(this.calendar.zone);
    const rulesByEvent = await this.rules.forEvents(manager, events);
    const resolutionsByEvent = await this.resolutions.resolvedByEach(manager, events);
    const plans: EventPlan[] = [];
    const forOrganizations: {
      plan: EventPlan;
      rule: CandidateRule;
      personId: string;
      amount: number;
      reason: string;
      onDate: string;
    }[] = [];
    for (const event of events) {
      const plan: EventPlan = { event, resolutions: resolutionsByEvent.get(event.id) as EventResolutions, credits: [] };
      plans.push(plan);
      const rules = rulesByEvent.get(event.id) ?? [];
      if (rules.length === 0) continue;
      for (const actor of event.actors) {
        const owner: PointsOwner | null = actor.personId
          ? { type: 'person', id: actor.personId }
          : actor.organizationId
            ? { type: 'organization', id: actor.organizationId }
            : null;
        if (!owner) continue;
        for (const rule of rulesForActor(rules, actor.role)) {
          const amount = ruleAmount(rule, event.quantity);
          if (amount <= 0) continue;
          const reason = ruleReason(rule, event.data);
          plan.credits.push({
            rule,
            ref: { owner, kind: rule.accountKind },
            requested: amount,
            reason,
            creditKey: `rule:${rule.ruleId}:${event.id}`,
          });
          if (rule.creditOrganization && owner.type === 'person') {
            forOrganizations.push({
              plan,
              rule,
              personId: owner.id,
              amount,
              reason,
              onDate: time.periodKey(new Date(event.occurredAt), 'day'),
            });
          }
        }
      }
    }
    // Dual registrations in force depend on the day: one query per distinct day (usually one).
    const membersByDate = new Map<string, Awaited<ReturnType<MemberOrganizationsReader['of']>>>();
    for (const onDate of new Set(forOrganizations.map((request) => request.onDate))) {
      const personIds = forOrganizations
        .filter((request) => request.onDate === onDate)
        .map((request) => request.personId);
      membersByDate.set(onDate, await this.members.of(manager, personIds, onDate));
    }
    for (const request of forOrganizations) {
      const member = membersByDate.get(request.onDate)?.get(request.personId);
      for (const organizationId of member?.organizationIds ?? []) {
        request.plan.credits.push({
          rule: request.rule,
          ref: { owner: { type: 'organization', id: organizationId }, kind: request.rule.accountKind },
          requested: request.amount,
          reason: organizationReason(request.reason, member?.personName ?? null),
          creditKey: `rule:${request.rule.ruleId}:${request.plan.event.id}:${request.personId}`,
        });
      }
    }
    return plans;
  }
}
