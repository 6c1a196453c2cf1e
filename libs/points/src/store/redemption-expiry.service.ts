import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '@linli/platform';
import { RedemptionRefunds } from './redemption-refunds.service';
import { RESERVATION_DAYS } from './store-records';
import { StoreRepository } from './store.repository';

/** Expires reservations not picked up within `RESERVATION_DAYS`: points refunded and stock restored, once each. */
@Injectable()
export class RedemptionExpiry {
  constructor(
    private readonly store: StoreRepository,
    private readonly transactions: TransactionRunner,
    private readonly refunds: RedemptionRefunds,
  ) {}

  async expireDue(now: Date, days = RESERVATION_DAYS): Promise<{ expired: number }> {
    const cutoff = new Date(now.getTime() - days * 24 * 3600 * 1000);
    const due = await this.store.reservedUntil(cutoff);
    let expired = 0;
    for (const id of due) {
      // One transaction per redemption; re-checked under the row lock so a concurrent cancel or fulfil wins cleanly.
      const closed = await this.transactions.run(async (manager) => {
        const row = await this.store.redemption(manager, id, { lock: true });
        if (!row || row.status !== 'reserved') return false;
        await this.refunds.close(manager, row, 'expired', now, null);
        return true;
      });
      if (closed) expired += 1;
    }
    return { expired };
  }
}
