import { Injectable, Logger } from '@nestjs/common';
import { queryRows, TransactionRunner } from '@linli/platform';
import { DataSource } from 'typeorm';
import { PointsNotifier } from '../notifications/points-notifier';
import { PointsLedger } from './points-ledger.service';

const DAY_MS = 24 * 3600 * 1000;
/** Owners hear about expiring points this many days ahead. */
export const EXPIRY_NOTICE_DAYS = 30;
const BATCH = 500;

/**
 * Expiry of redeemable points: what is left of a lot past its expiry date goes with one expiry entry
 * per lot (one short transaction each, so a big backlog never holds many account locks); owners of
 * lots expiring within 30 days are told once per lot.
 */
@Injectable()
export class PointsExpiry {
  private readonly logger = new Logger(PointsExpiry.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly ledger: PointsLedger,
    private readonly notifier: PointsNotifier,
  ) {}

  /** Expires every lot due at `now`; answers how many lots and points expired. */
  async expireDue(now: Date): Promise<{ lots: number; points: number }> {
    let lots = 0;
    let points = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const due = await queryRows<{ id: string }>(
        this.dataSource.manager,
        `SELECT id FROM point_lots WHERE status = 'available' AND remaining > 0 AND expires_at <= $1 AND id > $2 ORDER BY id LIMIT ${BATCH}`,
        [now, after],
      );
      for (const lot of due) {
        const entry = await this.transactions.run((manager) => this.ledger.expireLot(manager, lot.id, now));
        if (entry) {
          lots += 1;
          points -= entry.amount;
        }
      }
      if (due.length < BATCH) break;
      after = due[due.length - 1].id;
    }
    if (lots > 0) this.logger.log(`expired ${points} points in ${lots} lots`);
    return { lots, points };
  }

  /**
   * Notifies the people whose lots expire within 30 days of `now` and were not announced yet; answers
   * how many lots. Per batch, one transaction requests the notices and marks the lots announced, so a
   * lot is announced exactly when its notice is requested.
   */
  async notifyExpiring(now: Date): Promise<{ notified: number }> {
    const until = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * DAY_MS);
    let notified = 0;
    for (;;) {
      const count = await this.transactions.run(async (manager) => {
        const lots = await queryRows<{
          id: string;
          owner_id: string;
          remaining: string;
          expires_at: Date;
          reason: string;
        }>(
          manager,
          `SELECT l.id, a.owner_id, l.remaining, l.expires_at, l.reason
             FROM point_lots l JOIN point_accounts a ON a.id = l.account_id
            WHERE l.status = 'available' AND l.remaining > 0 AND l.expires_at > $1 AND l.expires_at <= $2
              AND l.expiry_notified_at IS NULL AND a.owner_type = 'person'
            ORDER BY l.expires_at, l.id
            LIMIT ${BATCH}`,
          [now, until],
        );
        if (lots.length === 0) return 0;
        await this.notifier.expiring(
          manager,
          lots.map((lot) => ({
            personId: lot.owner_id,
            lot: { id: lot.id, remaining: Number(lot.remaining), expiresAt: lot.expires_at, reason: lot.reason },
          })),
        );
        await manager.query(`UPDATE point_lots SET expiry_notified_at = $2 WHERE id = ANY($1::uuid[])`, [
          lots.map((lot) => lot.id),
          now,
        ]);
        return lots.length;
      });
      notified += count;
      if (count < BATCH) return { notified };
    }
  }
}
