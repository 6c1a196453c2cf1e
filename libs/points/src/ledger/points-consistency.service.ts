import { Injectable, Logger } from '@nestjs/common';
import { MetricsRegistry, queryRows, TransactionRunner } from '@linli/platform';
import { Gauge } from 'prom-client';
import { AccountKind, OwnerType } from './points-owner';

/** An account whose stored figures disagree with its entries or its lots. */
export interface LedgerDiscrepancy {
  accountId: string;
  ownerType: OwnerType;
  ownerId: string;
  kind: AccountKind;
  balance: number;
  /** Sum of the account's entries (must equal the balance). */
  entries: number;
  /** Sum of the remainders of its available lots (must equal the balance). */
  availableLots: number;
  pending: number;
  /** Sum of its pending lots (must equal `pending`). */
  pendingLots: number;
}

export interface ConsistencyReport {
  clean: boolean;
  accounts: number;
  /** Up to 100 accounts that drifted. */
  discrepancies: LedgerDiscrepancy[];
  /** Negative entries whose recorded lot draws do not add up to their amount. */
  unbalancedDraws: number;
}

const SAMPLE = 100;

/**
 * Proves the ledger from its own records, in one snapshot: for every account, balance = sum of
 * entries = sum of available lot remainders, and pending = sum of pending lots; every spend, expiry
 * or credit reversal drew exactly its amount from lots.
 */
@Injectable()
export class PointsConsistency {
  private readonly logger = new Logger(PointsConsistency.name);
  private readonly drifted: Gauge;

  constructor(
    private readonly transactions: TransactionRunner,
    metrics: MetricsRegistry,
  ) {
    this.drifted = metrics.gauge(
      'linli_points_ledger_discrepancies',
      'Points accounts whose balance disagrees with their entries or lots at the last consistency check',
      [],
    );
  }

  async check(): Promise<ConsistencyReport> {
    const report = await this.transactions.run(async (manager) => {
      const [{ accounts }] = await queryRows<{ accounts: number }>(
        manager,
        `SELECT count(*)::int AS accounts FROM point_accounts`,
        [],
      );
      const rows = await queryRows<{
        id: string;
        owner_type: OwnerType;
        owner_id: string;
        kind: AccountKind;
        balance: string;
        pending: string;
        entries: string;
        available_lots: string;
        pending_lots: string;
      }>(
        manager,
        `SELECT a.id, a.owner_type, a.owner_id, a.kind, a.balance, a.pending,
                coalesce(e.total, 0) AS entries, coalesce(l.available, 0) AS available_lots, coalesce(l.pending, 0) AS pending_lots
           FROM point_accounts a
           LEFT JOIN (SELECT account_id, sum(amount) AS total FROM point_entries GROUP BY account_id) e ON e.account_id = a.id
           LEFT JOIN (SELECT account_id,
                             sum(remaining) FILTER (WHERE status = 'available') AS available,
                             sum(amount) FILTER (WHERE status = 'pending') AS pending
                        FROM point_lots GROUP BY account_id) l ON l.account_id = a.id
          WHERE a.balance <> coalesce(e.total, 0) OR a.balance <> coalesce(l.available, 0) OR a.pending <> coalesce(l.pending, 0)
          ORDER BY a.id
          LIMIT ${SAMPLE}`,
        [],
      );
      const [{ unbalanced }] = await queryRows<{ unbalanced: number }>(
        manager,
        `SELECT count(*)::int AS unbalanced
           FROM point_entries e
           LEFT JOIN (SELECT entry_id, sum(amount) AS drawn FROM point_allocations GROUP BY entry_id) d ON d.entry_id = e.id
          WHERE e.amount < 0 AND coalesce(d.drawn, 0) <> -e.amount`,
        [],
      );
      const discrepancies = rows.map((row) => ({
        accountId: row.id,
        ownerType: row.owner_type,
        ownerId: row.owner_id,
        kind: row.kind,
        balance: Number(row.balance),
        entries: Number(row.entries),
        availableLots: Number(row.available_lots),
        pending: Number(row.pending),
        pendingLots: Number(row.pending_lots),
      }));
      return {
        clean: discrepancies.length === 0 && unbalanced === 0,
        accounts,
        discrepancies,
        unbalancedDraws: unbalanced,
      };
    }, 'REPEATABLE READ');
    this.drifted.set(report.discrepancies.length);
    if (!report.clean) {
      this.logger.error(
        `points ledger inconsistent: ${report.discrepancies.length} account(s) drifted, ${report.unbalancedDraws} entry draw(s) unbalanced`,
      );
    }
    return report;
  }
}
