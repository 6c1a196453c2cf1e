import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { RedemptionDto } from '../dto/redemption.dto';
import { RedemptionAccess } from '../redemption-access.service';
import { RedemptionRefunds } from '../redemption-refunds.service';
import { RedemptionRow } from '../store-records';
import { StoreCode, StoreException } from '../store.exception';
import { StoreRepository } from '../store.repository';

/**
 * `POST /points/redemptions/:id/cancel` by the owner or store staff (`points.redeem` at the store):
 * refunds and restores stock exactly once. Cancelling a cancelled (or expired) redemption answers it
 * unchanged; a fulfilled one cannot be cancelled (409).
 */
@Injectable()
export class CancelRedemptionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: RedemptionAccess,
    private readonly refunds: RedemptionRefunds,
    private readonly store: StoreRepository,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthenticatedUser, id: string): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.access.load(manager, user, id, Permission.PointsRedeem, { lock: true });
      if (row.status === 'cancelled' || row.status === 'expired') return this.access.presentOne(user, row, manager);
      if (row.status === 'fulfilled')
        throw new StoreException(StoreCode.RedemptionClosed, { detail: '该兑换已领取，不能取消' });
      await this.refunds.close(manager, row, 'cancelled', this.clock.now(), user.userId);
      return this.access.presentOne(user, (await this.store.redemption(manager, id)) as RedemptionRow, manager);
    });
  }
}
