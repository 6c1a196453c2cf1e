import { Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AuditLog, AuthenticatedUser, Clock, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { LedgerCode, LedgerException } from '../../ledger/ledger.exception';
import { FulfilRedemptionDto } from '../dto/fulfil-redemption.dto';
import { RedemptionDto } from '../dto/redemption.dto';
import { RedemptionAccess } from '../redemption-access.service';
import { RedemptionRow } from '../store-records';
import { StoreCode, StoreException } from '../store.exception';
import { StoreRepository } from '../store.repository';

/** The code as typed at the counter: case and surrounding spaces do not matter. */
function normalized(code: string): string {
  return code.trim().toUpperCase();
}

function sameCode(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(normalized(given));
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Store staff (`points.redeem` at the store) hand a reward over against the pickup code the owner
 * shows: `POST /points/redemptions/:id/fulfil` (the redemption and its code) or
 * `POST /points/redemptions/pickup` (the code alone). Staff never see codes, so the code proves the
 * owner is at the counter; no one fulfils their own reservation (403 `points.self-authorization`).
 */
@Injectable()
export class FulfilRedemptionUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: RedemptionAccess,
    private readonly store: StoreRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly scope: ScopeService,
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
      return this.fulfil(manager, user, row);
    });
  }

  /**
   * By the code alone: the reserved redemption with that code at a store in the caller's
   * `points.redeem` scope. An unknown code, or one of another store, answers 409
   * `points.wrong-pickup-code` (never 404: a code must not tell whether it exists elsewhere).
   */
  executeByCode(user: AuthenticatedUser, command: FulfilRedemptionDto): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const row = await this.store.reservedByCode(manager, normalized(command.pickupCode));
      if (!row || !this.scope.canReach(user, Permission.PointsRedeem, row.reward_unit_path))
        throw new StoreException(StoreCode.WrongPickupCode);
      return this.fulfil(manager, user, row);
    });
  }

  private async fulfil(manager: EntityManager, user: AuthenticatedUser, row: RedemptionRow): Promise<RedemptionDto> {
    if ((await this.access.owns(user, [row], manager)).has(row.id))
      throw new LedgerException(LedgerCode.SelfAuthorization, { detail: '不能为本人的兑换核销领取' });
    await this.store.markFulfilled(manager, row.id, this.clock.now());
    await this.audit.record(
      {
        action: 'points.redemption.fulfilled',
        targetType: 'point_redemption',
        targetId: row.id,
        unitId: row.reward_unit_id,
        unitPath: row.reward_unit_path,
        data: { rewardId: row.reward_id, quantity: Number(row.quantity) },
      },
      manager,
    );
    return RedemptionDto.from((await this.store.redemption(manager, row.id)) as RedemptionRow, false);
  }
}
