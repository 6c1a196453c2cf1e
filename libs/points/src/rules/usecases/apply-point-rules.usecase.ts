import { Injectable } from '@nestjs/common';
import { BusinessCalendar, DomainEvent } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { CreditCommand, LockedAccount } from '../../ledger/ledger-records';
import { PointsLedger } from '../../ledger/points-ledger.service';
import { AccountRef, accountRefKey } from '../../ledger/points-owner';
import { EarnedNotice, PointsNotifier } from '../../notifications/points-notifier';
import { BusinessTime } from '../business-time';
import { CappedCredit, CapUsage } from '../cap-usage';
import { CreditPlanner, EventPlan, involvesPending, PlannedCredit } from '../credit-planner';
import { PendingResolutions } from '../pending-resolutions.service';
import { RuleOutcome } from '../point-rule-outcome.entity';
import { pendingKeys } from '../rule-matching';
import { OutcomeRecord, outcomeKey, RuleOutcomes } from '../rule-outcomes';

/** What the events did to the ledger. */
export interface AppliedRules {
  /** Outcomes of the events' own credits. */
  credited: number;
  capped: number;
  pending: number;
  /** Credits refused on arrival: their voiding event had been delivered first. */
  rejected: number;
  /** Earlier pending lots the events confirmed or voided. */
  confirmed: number;
  voided: number;
}

/** What applying one batch shares: its transaction, its locked accounts, what it did and whom to tell. */
interface BatchRun {
  manager: EntityManager;
  accounts: Map<string, LockedAccount>;
  time: BusinessTime;
  summary: AppliedRules;
  notices: EarnedNotice[];
}

/** A planned credit of a batch with the account it goes to. */
interface AccountCredit {
  event: DomainEvent;
  credit: PlannedCredit;
  accountId: string;
}

/**
 * Applies the points rules to domain events, in the subscriber's transaction:
 *
 * 1. pending points an event confirms or voids (rules naming its type as `pendingUntil` or
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
 * changes nothing. A batch is planned with one read of the rules, and all the accounts it touches
 * are locked up front in one statement, in the ledger's one order. Events that involve pending
 * points are then applied one by one; the others together: caps from one query plus what the batch
 * itself gives, in event order, then the entries, lots, balances and outcomes of all of them in a
 * few statements. Pending events go first, which is one of the orders the events could have been
 * delivered in (deliveries are never ordered), so caps shared by both kinds stay exact.
 */
@Injectable()
export class ApplyPointRulesUseCase {
  constructor(
    private readonly ledger: PointsLedger,
    private readonly planner: CreditPlanner,
    private readonly calendar: BusinessCalendar,
    private readonly notifier: PointsNotifier,
    private readonly resolutions: PendingResolutions,
    private readonly outcomes: RuleOutcomes,
  ) {}

  execute(event: DomainEvent, manager: EntityManager): Promise<AppliedRules> {
    return this.executeBatch([event], manager);
  }

  async executeBatch(events: DomainEvent[], manager: EntityManager): Promise<AppliedRules> {
    const summary: AppliedRules = { credited: 0, capped: 0, pending: 0, rejected: 0, confirmed: 0, voided: 0 };
    const plans = (await this.planner.plan(manager, events)).filter(
      (plan) =>
        plan.credits.length > 0 || plan.resolutions.confirmKeys.length > 0 || plan.resolutions.rejectKeys.length > 0,
    );
    if (plans.length === 0) return summary;

    // Locks: the pending keys first, then every account the batch touches, each in one global order,
    // so that two transactions never wait on each other in a circle.
    const resolving = plans.flatMap((plan) => [...plan.resolutions.confirmKeys, ...plan.resolutions.rejectKeys]);
    const earning = plans.flatMap((plan) =>
      plan.credits.flatMap((credit) =>
        Object.values(pendingKeys(credit.rule, plan.event.data) ?? {}).filter((key): key is string => key !== null),
      ),
    );
    await this.resolutions.lock(manager, [...resolving, ...earning]);
    const pendingAccounts = await this.ledger.accountsWithPending(manager, resolving);
    const accounts = await this.ledger.lockAccounts(manager, [
      ...pendingAccounts,
      ...plans.flatMap((plan) => plan.credits.map((credit) => credit.ref)),
    ]);

    const run: BatchRun = { manager, accounts, time: new BusinessTime(this.calendar.zone), summary, notices: [] };
    for (const plan of plans.filter(involvesPending)) await this.applyWithPending(run, plan);
    await this.applyTogether(
      run,
      plans.filter((plan) => !involvesPending(plan)),
    );
    // Requested in the batch's transaction: sent once it commits, never for a rolled-back batch.
    await this.notifier.earned(manager, run.notices);
    return summary;
  }

  /** One event that resolves pending points or earns points that wait: step by step, as it always was. */
  private async applyWithPending(run: BatchRun, plan: EventPlan): Promise<void> {
    const { manager, summary, notices } = run;
    const { event, resolutions } = plan;
    if (resolutions.confirmKeys.length > 0 || resolutions.rejectKeys.length > 0) {
      await this.resolutions.record(manager, event, resolutions);
      const earnedUpTo = new Date(event.occurredAt);
      const confirmed = await this.ledger.confirmPending(manager, { keys: resolutions.confirmKeys, earnedUpTo });
      const rejected = await this.ledger.rejectPending(manager, { keys: resolutions.rejectKeys, earnedUpTo });
      await this.outcomes.settle(manager, confirmed, rejected);
      summary.confirmed += confirmed.length;
      summary.voided += rejected.length;
      for (const lot of confirmed) {
        if (lot.owner.type === 'person' && lot.entry) {
          notices.push({
            personId: lot.owner.id,
            accountId: lot.accountId,
            idempotencyKey: lot.entry.idempotencyKey,
            points: lot.amount,
            reason: lot.reason,
          });
        }
      }
    }
    for (const credit of plan.credits) {
      const outcome = await this.applyCredit(run, { event, credit, accountId: accountIdOf(run.accounts, credit.ref) });
      if (outcome === null) continue;
      summary[outcome.outcome] += 1;
      if (outcome.notice) notices.push(outcome.notice);
    }
  }

  /** One planned credit: skipped if already applied, capped, pending or credited. Null when it had been applied before. */
  private async applyCredit(
    run: BatchRun,
    item: AccountCredit,
  ): Promise<{ outcome: RuleOutcome; notice: EarnedNotice | null } | null> {
    const { manager } = run;
    const { event, credit, accountId } = item;
    if ((await this.outcomes.recorded(manager, [{ accountId, creditKey: credit.creditKey }])).size > 0) return null;
    const capped = cappedCredit(item);
    const usage = await CapUsage.load(manager, this.calendar, run.time, [capped]);
    const points = Math.min(credit.requested, usage.allowance(capped));
    if (points <= 0) {
      await this.outcomes.record(manager, [outcomeRecord(item, 'capped', 0, null, null)]);
      return { outcome: 'capped', notice: null };
    }
    let pending = pendingKeys(credit.rule, event.data);
    if (pending) {
      // The resolving event may have been delivered first.
      const resolved = await this.resolutions.earliestSince(
        manager,
        [pending.confirmKey, pending.rejectKey].filter((key): key is string => key !== null),
        capped.occurredAt,
      );
      if (resolved === 'rejected') {
        await this.outcomes.record(manager, [outcomeRecord(item, 'rejected', points, null, null)]);
        return { outcome: 'rejected', notice: null };
      }
      if (resolved === 'confirmed') pending = null;
    }
    const result = await this.ledger.credit(manager, creditCommand(run.time, item, points, pending));
    const outcome: RuleOutcome = result.pending ? 'pending' : 'credited';
    await this.outcomes.record(manager, [outcomeRecord(item, outcome, points, result.entry?.id ?? null, result.lotId)]);
    return { outcome, notice: outcome === 'credited' && !result.replayed ? earnedNotice(item, points) : null };
  }

  /** Events without pending points, all at once: one read of earlier outcomes and caps, one write of entries and lots, one of outcomes. */
  private async applyTogether(run: BatchRun, plans: EventPlan[]): Promise<void> {
    const { manager, accounts, summary, notices } = run;
    // An actor named twice in one event asks twice for the same credit: the first one counts.
    const planned = new Map<string, AccountCredit>();
    for (const { event, credits } of plans) {
      for (const credit of credits) {
        const item = { event, credit, accountId: accountIdOf(accounts, credit.ref) };
        const key = outcomeKey(item.accountId, credit.creditKey);
        if (!planned.has(key)) planned.set(key, item);
      }
    }
    const applied = await this.outcomes.recorded(
      manager,
      [...planned.values()].map(({ accountId, credit }) => ({ accountId, creditKey: credit.creditKey })),
    );
    const fresh = [...planned.entries()].filter(([key]) => !applied.has(key)).map(([, item]) => item);
    if (fresh.length === 0) return;

    const usage = await CapUsage.load(manager, this.calendar, run.time, fresh.map(cappedCredit));
    const outcomes: OutcomeRecord[] = [];
    const credits: { item: AccountCredit; points: number; outcomeIndex: number }[] = [];
    for (const item of fresh) {
      const capped = cappedCredit(item);
      const points = Math.min(item.credit.requested, usage.allowance(capped));
      if (points <= 0) {
        outcomes.push(outcomeRecord(item, 'capped', 0, null, null));
        summary.capped += 1;
        continue;
      }
      usage.consume(capped, points);
      credits.push({ item, points, outcomeIndex: outcomes.length });
      outcomes.push(outcomeRecord(item, 'credited', points, null, null));
    }
    const written = await this.ledger.creditMany(
      manager,
      credits.map(({ item, points }) => creditCommand(run.time, item, points, null)),
      accounts,
    );
    credits.forEach(({ item, points, outcomeIndex }, i) => {
      outcomes[outcomeIndex] = outcomeRecord(item, 'credited', points, written[i].entry?.id ?? null, written[i].lotId);
      summary.credited += 1;
      const notice = earnedNotice(item, points);
      if (notice) notices.push(notice);
    });
    await this.outcomes.record(manager, outcomes);
  }
}

function creditCommand(
  time: BusinessTime,
  { event, credit }: AccountCredit,
  points: number,
  pending: CreditCommand['pending'],
): CreditCommand {
  const occurredAt = new Date(event.occurredAt);
  const { rule } = credit;
  return {
    owner: credit.ref.owner,
    kind: credit.ref.kind,
    amount: points,
    reason: credit.reason,
    idempotencyKey: credit.creditKey,
    rule: { ruleId: rule.ruleId, version: rule.version },
    sourceEventId: event.id,
    occurredAt,
    expiresAt: rule.validityMonths ? time.plusMonths(occurredAt, rule.validityMonths) : null,
    pending,
  };
}

function accountIdOf(accounts: Map<string, LockedAccount>, ref: AccountRef): string {
  return (accounts.get(accountRefKey(ref)) as LockedAccount).id;
}

function cappedCredit({ event, credit, accountId }: AccountCredit): CappedCredit {
  return { accountId, rule: credit.rule, occurredAt: new Date(event.occurredAt) };
}

function outcomeRecord(
  { event, credit, accountId }: AccountCredit,
  outcome: RuleOutcome,
  points: number,
  entryId: string | null,
  lotId: string | null,
): OutcomeRecord {
  return {
    accountId,
    creditKey: credit.creditKey,
    eventId: event.id,
    eventType: event.type,
    ruleId: credit.rule.ruleId,
    ruleVersion: credit.rule.version,
    outcome,
    requested: credit.requested,
    points,
    entryId,
    lotId,
    occurredAt: new Date(event.occurredAt),
  };
}

/** "You earned N points" goes to persons only. */
function earnedNotice({ credit, accountId }: AccountCredit, points: number): EarnedNotice | null {
  return credit.ref.owner.type === 'person'
    ? { personId: credit.ref.owner.id, accountId, idempotencyKey: credit.creditKey, points, reason: credit.reason }
    : null;
}
