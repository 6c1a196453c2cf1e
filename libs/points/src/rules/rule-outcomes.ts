import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ResolvedPendingLot } from '../ledger/ledger-records';
import { RuleOutcome } from './point-rule-outcome.entity';

/** What one rule did for one owner on one event, as recorded in `point_rule_outcomes`. */
export interface OutcomeRecord {
  accountId: string;
  creditKey: string;
  eventId: string;
  eventType: string;
  ruleId: string;
  ruleVersion: number;
  outcome: RuleOutcome;
  requested: number;
  points: number;
  entryId: string | null;
  lotId: string | null;
  occurredAt: Date;
}

export function outcomeKey(accountId: string, creditKey: string): string {
  return `${accountId}|${creditKey}`;
}

/**
 * The outcomes of rule credits. An outcome is written with its credit's entry or lot, so a credit
 * with an outcome has been applied: that is how an event applied again changes nothing.
 */
@Injectable()
export class RuleOutcomes {
  /** Which of these credits were applied before (as `outcomeKey`s), in one query. */
  async recorded(manager: EntityManager, credits: { accountId: string; creditKey: string }[]): Promise<Set<string>> {
    if (credits.length === 0) return new Set();
    const rows = await queryRows<{ account_id: string; credit_key: string }>(
      manager,
      `SELECT o.account_id, o.credit_key
         FROM unnest($1::uuid[], $2::varchar[]) AS k(account_id, credit_key)
         JOIN point_rule_outcomes o ON o.account_id = k.account_id AND o.credit_key = k.credit_key`,
      [credits.map((c) => c.accountId), credits.map((c) => c.creditKey)],
    );
    return new Set(rows.map((row) => outcomeKey(row.account_id, row.credit_key)));
  }

  /** Records outcomes in the given order (the order owners see them in), one statement for all. */
  async record(manager: EntityManager, outcomes: OutcomeRecord[]): Promise<void> {
    if (outcomes.length === 0) return;
    await manager.query(
      `INSERT INTO point_rule_outcomes (account_id, credit_key, event_id, event_type, rule_id, rule_version, outcome, requested, points, entry_id, lot_id, occurred_at)
       SELECT o.account_id, o.credit_key, o.event_id, o.event_type, o.rule_id, o.rule_version, o.outcome, o.requested, o.points, o.entry_id, o.lot_id, o.occurred_at
         FROM jsonb_to_recordset($1::jsonb)
              AS o(n int, account_id uuid, credit_key varchar, event_id uuid, event_type varchar, rule_id uuid, rule_version int, outcome varchar,
                   requested bigint, points bigint, entry_id uuid, lot_id uuid, occurred_at timestamptz)
        ORDER BY o.n
       ON CONFLICT (account_id, credit_key) DO NOTHING`,
      [
        JSON.stringify(
          outcomes.map((o, n) => ({
            n,
            account_id: o.accountId,
            credit_key: o.creditKey,
            event_id: o.eventId,
            event_type: o.eventType,
            rule_id: o.ruleId,
            rule_version: o.ruleVersion,
            outcome: o.outcome,
            requested: o.requested,
            points: o.points,
            entry_id: o.entryId,
            lot_id: o.lotId,
            occurred_at: o.occurredAt,
          })),
        ),
      ],
    );
  }

  /** Outcomes follow their pending lots: credited on confirmation, rejected when voided. */
  async settle(manager: EntityManager, confirmed: ResolvedPendingLot[], rejected: ResolvedPendingLot[]): Promise<void> {
    if (confirmed.length > 0) {
      await manager.query(
        `UPDATE point_rule_outcomes o SET outcome = 'credited', entry_id = c.entry_id
           FROM unnest($1::uuid[], $2::uuid[]) AS c(lot_id, entry_id)
          WHERE o.lot_id = c.lot_id AND o.outcome = 'pending'`,
        [confirmed.map((lot) => lot.lotId), confirmed.map((lot) => lot.entry?.id ?? null)],
      );
    }
    if (rejected.length > 0) {
      await manager.query(
        `UPDATE point_rule_outcomes SET outcome = 'rejected' WHERE lot_id = ANY($1::uuid[]) AND outcome = 'pending'`,
        [rejected.map((lot) => lot.lotId)],
      );
    }
  }
}
