import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, Permission, queryRows, TransactionRunner } from '@linli/platform';
import { PointsCode, PointsException } from '../../../points.exception';
import { RedemptionDto } from '../../dto/redemption.dto';
import { RedemptionAccess } from '../../redemption-access.service';
import { RedemptionRefunds } from '../../redemption-refunds.service';
import { REDEMPTION_SELECT, RedemptionRow } from '../../store-records';

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
    private readonly clock: Clock,
  ) {}

  execute(user: AuthenticatedUser, id: string): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.access.load(manager, user, id, Permission.PointsRedeem, { lock: true });
      if (row.status === 'cancelled' || row.status === 'expired') return RedemptionDto.from(row);
      if (row.status === 'fulfilled') throw new PointsException(PointsCode.RedemptionClosed, { detail: '该兑换已领取，不能取消' });
      await this.refunds.close(manager, row, 'cancelled', this.clock.now(), user.userId);
      const [closed] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} WHERE d.id = $1`, [id]);
      return RedemptionDto.from(closed);
    });
  }
}
