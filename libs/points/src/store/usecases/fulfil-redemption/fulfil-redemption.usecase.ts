import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AuditLog, AuthenticatedUser, Clock, Permission, queryRows, TransactionRunner } from '@linli/platform';
import { PointsCode, PointsException } from '../../../points.exception';
import { FulfilRedemptionDto } from '../../dto/fulfil-redemption.dto';
import { RedemptionDto } from '../../dto/redemption.dto';
import { RedemptionAccess } from '../../redemption-access.service';
import { REDEMPTION_SELECT, RedemptionRow } from '../../store-records';

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given.trim().toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `POST /points/redemptions/:id/fulfil`: store staff (`points.redeem` at the store) hand the reward over against the pickup code. */
@Injectable()
export class FulfilRedemptionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: RedemptionAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthenticatedUser, id: string, command: FulfilRedemptionDto): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.access.load(manager, user, id, Permission.PointsRedeem, { lock: true, ownerAllowed: false });
      if (row.status !== 'reserved') throw new PointsException(PointsCode.RedemptionClosed, { extensions: { redemptionStatus: row.status } });
      if (!sameCode(row.pickup_code, command.pickupCode)) throw new PointsException(PointsCode.WrongPickupCode);
      await manager.query(`UPDATE point_redemptions SET status = 'fulfilled', closed_at = $2 WHERE id = $1`, [id, this.clock.now()]);
      await this.audit.record(
        { action: 'points.redemption.fulfilled', targetType: 'point_redemption', targetId: id, unitId: row.reward_unit_id, unitPath: row.reward_unit_path, data: { rewardId: row.reward_id, quantity: Number(row.quantity) } },
        manager,
      );
      const [closed] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} WHERE d.id = $1`, [id]);
      return RedemptionDto.from(closed);
    });
  }
}
