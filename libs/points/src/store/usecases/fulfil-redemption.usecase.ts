import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AuditLog, AuthenticatedUser, Clock, Permission, TransactionRunner } from '@linli/platform';
import { FulfilRedemptionDto } from '../dto/fulfil-redemption.dto';
import { RedemptionDto } from '../dto/redemption.dto';
import { RedemptionAccess } from '../redemption-access.service';
import { RedemptionRow } from '../store-records';
import { StoreCode, StoreException } from '../store.exception';
import { StoreRepository } from '../store.repository';

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
    private readonly store: StoreRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  execute(user: AuthenticatedUser, id: string, command: FulfilRedemptionDto): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.access.load(manager, user, id, Permission.PointsRedeem, {
        lock: true,
        ownerAllowed: false,
      });
      if (row.status !== 'reserved')
        throw new StoreException(StoreCode.RedemptionClosed, { extensions: { redemptionStatus: row.status } });
      if (!sameCode(row.pickup_code, command.pickupCode)) throw new StoreException(StoreCode.WrongPickupCode);
      await this.store.markFulfilled(manager, id, this.clock.now());
      await this.audit.record(
        {
          action: 'points.redemption.fulfilled',
          targetType: 'point_redemption',
          targetId: id,
          unitId: row.reward_unit_id,
          unitPath: row.reward_unit_path,
          data: { rewardId: row.reward_id, quantity: Number(row.quantity) },
        },
        manager,
      );
      return RedemptionDto.from((await this.store.redemption(manager, id)) as RedemptionRow);
    });
  }
}
