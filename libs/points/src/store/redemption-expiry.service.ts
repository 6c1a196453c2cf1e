import { Injectable } from '@nestjs/common';
import { queryRows, TransactionRunner } from '@linli/platform';
import { DataSource } from 'typeorm';
import { RedemptionRefunds } from './redemption-refunds.service';
import { REDEMPTION_SELECT, RedemptionRow, RESERVATION_DAYS } from './store-records';

/** Expires reservations not picked up within `RESERVATION_DAYS`: points refunded and stock restored, once each. */
@Injectable()
export class RedemptionExpiry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly refunds: RedemptionRefunds,
  ) {}

  async expireDue(now: Date, days = RESERVATION_DAYS): Promise<{ expired: number }> {
    const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
    const due = await queryRows<{ id: string }>(this.dataSource.manager, `SELECT id FROM point_redemptions WHERE status = 'reserved' AND reserved_at <= $1 ORDER BY reserved_at, id`, [
      cutoff,
    ]);
    let expired = 0;
    for (const { id } of due) {
      // One transaction per redemption; re-checked under the row lock so a concurrent cancel or fulfil wins cleanly.
      const closed = await this.transactions.run(async (manager) => {
        const [row] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} WHERE d.id = $1 FOR UPDATE OF d`, [id]);
        if (!row || row.status !== 'reserved') return false;
        await this.refunds.close(manager, row, 'expired', now, null);
        return true;
      });
      if (closed) expired += 1;
    }
    return { expired };
  }
}
