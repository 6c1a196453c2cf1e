import { BusinessCalendar, Period, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { BusinessTime } from './business-time';
import { RuleCaps } from './point-rule-spec';

const CAP_PERIODS = ['day', 'month', 'year'] as const;
type Granularity = (typeof CAP_PERIODS)[number];

/** A credit a rule's caps apply to: whose account, which rule, when the points were earned. */
export interface CappedCredit {
  accountId: string;
  rule: { ruleId: string; caps: RuleCaps };
  occurredAt: Date;
}

interface PeriodUse {
  key: string;
  accountId: string;
  ruleId: string;
  start: Date;
  end: Date;
}

/**
 * What a rule has already given an owner in each capped business-calendar period (its credits and
 * pending points), loaded for many credits with one query and then kept up to date in memory as
 * credits are planned, so that several credits of one batch share a cap exactly as if they had been
 * applied one after another.
 */
export class CapUsage {
  private readonly used = new Map<string, number>();
  /** Periods by key: the calendar builds each period of a batch once. */
  private readonly periods = new Map<string, Period>();

  private constructor(
    private readonly calendar: BusinessCalendar,
    private readonly time: BusinessTime,
  ) {}

  static async load(
    manager: EntityManager,
    calendar: BusinessCalendar,
    time: BusinessTime,
    credits: CappedCredit[],
  ): Promise<CapUsage> {
    const usage = new CapUsage(calendar, time);
    const periods = new Map<string, PeriodUse>();
    for (const credit of credits) {
      for (const granularity of limitedPeriods(credit.rule.caps)) {
        const period = usage.periodOf(credit.occurredAt, granularity);
        const key = usageKey(credit.accountId, credit.rule.ruleId, period.key);
        if (!periods.has(key))
          periods.set(key, {
            key,
            accountId: credit.accountId,
            ruleId: credit.rule.ruleId,
            start: period.start,
            end: period.end,
          });
      }
    }
    if (periods.size > 0) {
      const list = [...periods.values()];
      const rows = await queryRows<{ key: string; used: string }>(
        manager,
        `SELECT k.key,
                (SELECT coalesce(sum(amount), 0) FROM point_entries
                  WHERE account_id = k.account_id AND rule_id = k.rule_id AND kind = 'credit' AND occurred_at >= k.starts AND occurred_at < k.ends)
              + (SELECT coalesce(sum(amount), 0) FROM point_lots
                  WHERE account_id = k.account_id AND rule_id = k.rule_id AND status = 'pending' AND earned_at >= k.starts AND earned_at < k.ends) AS used
           FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS k(key, account_id, rule_id, starts, ends)`,
        [
          list.map((p) => p.key),
          list.map((p) => p.accountId),
          list.map((p) => p.ruleId),
          list.map((p) => p.start),
          list.map((p) => p.end),
        ],
      );
      for (const row of rows) usage.used.set(row.key, Number(row.used));
    }
    return usage;
  }

  /** Points the rule may still give: the smallest of (cap − used) over its capped periods; unlimited without caps. */
  allowance(credit: CappedCredit): number {
    const limited = limitedPeriods(credit.rule.caps);
    if (limited.length === 0) return Number.MAX_SAFE_INTEGER;
    return Math.min(
      ...limited.map(
        (granularity) =>
          (credit.rule.caps[granularity] as number) - (this.used.get(this.key(credit, granularity)) ?? 0),
      ),
    );
  }

  /** Counts points just given against the credit's periods. */
  consume(credit: CappedCredit, points: number): void {
    for (const granularity of limitedPeriods(credit.rule.caps)) {
      const key = this.key(credit, granularity);
      this.used.set(key, (this.used.get(key) ?? 0) + points);
    }
  }

  private key(credit: CappedCredit, granularity: Granularity): string {
    return usageKey(credit.accountId, credit.rule.ruleId, this.periodOf(credit.occurredAt, granularity).key);
  }

  private periodOf(instant: Date, granularity: Granularity): Period {
    const key = this.time.periodKey(instant, granularity);
    let period = this.periods.get(key);
    if (!period) {
      period = this.calendar.parse(key);
      this.periods.set(key, period);
    }
    return period;
  }
}

function limitedPeriods(caps: RuleCaps): Granularity[] {
  return CAP_PERIODS.filter((granularity) => typeof caps[granularity] === 'number');
}

/** Period keys of different granularities never collide (`2026-11-22`, `2026-11`, `2026`). */
function usageKey(accountId: string, ruleId: string, periodKey: string): string {
  return `${accountId}|${ruleId}|${periodKey}`;
}
