import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { PointsOwners } from '../../accounts/points-owners.service';
import { LedgerCode, LedgerException } from '../../ledger/ledger.exception';
import { PointsLedger } from '../../ledger/points-ledger.service';
import { PointsOwner } from '../../ledger/points-owner';
import { RedeemRewardDto } from '../dto/redeem-reward.dto';
import { RedemptionDto } from '../dto/redemption.dto';
import { RedemptionAccess } from '../redemption-access.service';
import { RedemptionRow, RewardRow } from '../store-records';
import { StoreCode, StoreException } from '../store.exception';
import { StoreRepository } from '../store.repository';

// No 0/O/1/I: codes are read aloud and typed at the counter.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

function pickupCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

const LIMIT_PERIOD_NAMES = { day: '天', month: '月', quarter: '季度', year: '年' } as const;

/**
 * `POST /points/redemptions`: reserves a reward in one transaction. The owner's account is locked
 * first (so one owner's redemptions queue up and the per-person limit is counted under the lock),
 * then the stock falls by a conditional update (no oversell), then the ledger debits the points with
 * the redemption's idempotency key (no overspend). A refusal rolls all of it back. The same key
 * again answers the first redemption. Staff redeeming for an owner need `points.redeem` where the
 * owner sits and at the reward's store; the pickup code is answered to the owner only.
 */
@Injectable()
export class RedeemRewardUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly owners: PointsOwners,
    private readonly directory: OrganizationDirectory,
    private readonly ledger: PointsLedger,
    private readonly store: StoreRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
    private readonly references: ScopedReferences,
    private readonly access: RedemptionAccess,
  ) {}

  async execute(user: AuthenticatedUser, command: RedeemRewardDto): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const owner: PointsOwner = { type: command.ownerType, id: command.ownerId };
      const self = owner.type === 'person' && user.personId === owner.id;
      const [located] = self
        ? await this.owners.locate([owner], manager)
        : await this.owners.reachable(user, Permission.PointsRedeem, [owner], manager);
      // Staff redeem for others only at a store they serve (points.redeem at the reward's unit); 404 otherwise.
      if (!self) await this.references.reachOne(user, Permission.PointsRedeem, 'reward', command.rewardId, manager);
      await this.ledger.lockAccount(manager, owner, 'redeemable');
      const previous = await this.store.redemptionByKey(manager, owner, command.idempotencyKey);
      if (previous) {
        if (previous.reward_id !== command.rewardId || Number(previous.quantity) !== command.quantity)
          throw new LedgerException(LedgerCode.IdempotencyConflict);
        return this.access.presentOne(user, previous, manager);
      }
      // The redemption keeps a copy of the owner's unit path: anchored, so that no subtree move slips in before commit.
      const ownerUnit = await this.directory.units.anchor(manager, located.unitId);
      const reward = await this.store.reward(manager, command.rewardId);
      if (!reward || !isWithin(ownerUnit.path, reward.unit_path)) throw new NotFoundProblem('该奖品');
      const now = this.clock.now();
      if (
        (reward.active_from && new Date(reward.active_from) > now) ||
        (reward.active_to && new Date(reward.active_to) <= now)
      ) {
        throw new StoreException(StoreCode.RewardInactive);
      }
      await this.checkLimit(manager, reward, owner, command.quantity, now);
      if (!(await this.store.takeStock(manager, reward.id, command.quantity))) {
        throw new StoreException(StoreCode.OutOfStock, {
          detail: `「${reward.name}」库存不足`,
          extensions: { rewardId: reward.id, requested: command.quantity },
        });
      }
      const points = Number(reward.cost) * command.quantity;
      const debit = await this.ledger.debit(manager, {
        owner,
        kind: 'redeemable',
        amount: points,
        reason: `兑换「${reward.name}」×${command.quantity}`,
        idempotencyKey: `redeem:${command.idempotencyKey}`,
        actorUserId: user.userId,
      });
      const id = await this.store.insertRedemption(manager, {
        rewardId: reward.id,
        owner,
        ownerUnitPath: ownerUnit.path,
        quantity: command.quantity,
        points,
        pickupCode: pickupCode(),
        idempotencyKey: command.idempotencyKey,
        debitEntryId: debit.entry.id,
        reservedByUserId: user.userId,
        reservedAt: now,
      });
      await this.audit.record(
        {
          action: 'points.redemption.reserved',
          targetType: 'point_redemption',
          targetId: id,
          unitId: reward.unit_id,
          unitPath: reward.unit_path,
          data: {
            rewardId: reward.id,
            rewardName: reward.name,
            quantity: command.quantity,
            points,
            ownerType: owner.type,
            ownerId: owner.id,
            debitEntryId: debit.entry.id,
          },
        },
        manager,
      );
      return this.access.presentOne(user, (await this.store.redemption(manager, id)) as RedemptionRow, manager);
    });
  }

  /** Items of this reward the owner holds in the current period (reserved or fulfilled) plus these must stay within the limit. */
  private async checkLimit(
    manager: EntityManager,
    reward: RewardRow,
    owner: PointsOwner,
    quantity: number,
    now: Date,
  ): Promise<void> {
    if (reward.per_person_limit === null || reward.limit_period === null) return;
    const period = this.calendar.periodOf(now, reward.limit_period);
    const used = await this.store.redeemedIn(manager, reward.id, owner, period);
    const limit = Number(reward.per_person_limit);
    if (used + quantity > limit) {
      throw new StoreException(StoreCode.LimitReached, {
        detail: `「${reward.name}」每人每${LIMIT_PERIOD_NAMES[reward.limit_period]}限兑 ${limit} 件，已兑 ${used} 件`,
        extensions: { limit, used, period: period.key },
      });
    }
  }
}
