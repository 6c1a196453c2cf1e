import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AuditLog, AuthenticatedUser, BusinessCalendar, Clock, NotFoundProblem, Permission, queryRows, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { LocatedOwner, PointsOwners } from '../../../accounts/points-owners.service';
import { PointsLedger } from '../../../ledger/points-ledger.service';
import { PointsCode, PointsException } from '../../../points.exception';
import { RedeemRewardDto } from '../../dto/redeem-reward.dto';
import { RedemptionDto } from '../../dto/redemption.dto';
import { REDEMPTION_SELECT, RedemptionRow, REWARD_COLUMNS, RewardRow } from '../../store-records';

// No 0/O/1/I: codes are read aloud and typed at the counter.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

function pickupCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

function covers(path: string, target: string): boolean {
  return target === path || target.startsWith(`${path}.`);
}

/**
 * `POST /points/redemptions`: reserves a reward in one transaction. The owner's account is locked
 * first (so one owner's redemptions queue up and the per-person limit is counted under the lock),
 * then the stock falls by a conditional update (no oversell), then the ledger debits the points with
 * the redemption's idempotency key (no overspend). A refusal rolls all of it back. The same key
 * again answers the first redemption.
 */
@Injectable()
export class RedeemRewardUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly owners: PointsOwners,
    private readonly ledger: PointsLedger,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async execute(user: AuthenticatedUser, command: RedeemRewardDto): Promise<RedemptionDto> {
    return this.transactions.run(async (manager) => {
      const owner = { type: command.ownerType, id: command.ownerId };
      const self = owner.type === 'person' && user.personId === owner.id;
      const [located] = self ? await this.owners.locate([owner], manager) : await this.owners.reachable(user, Permission.PointsRedeem, [owner], manager);
      await this.ledger.lockAccount(manager, owner, 'redeemable');
      const [previous] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} WHERE d.owner_type = $1 AND d.owner_id = $2 AND d.idempotency_key = $3`, [
        owner.type,
        owner.id,
        command.idempotencyKey,
      ]);
      if (previous) {
        if (previous.reward_id !== command.rewardId || Number(previous.quantity) !== command.quantity) throw new PointsException(PointsCode.IdempotencyConflict);
        return RedemptionDto.from(previous);
      }
      const reward = await this.reward(manager, command.rewardId, located);
      const now = this.clock.now();
      if ((reward.active_from && new Date(reward.active_from) > now) || (reward.active_to && new Date(reward.active_to) <= now)) {
        throw new PointsException(PointsCode.RewardInactive);
      }
      await this.checkLimit(manager, reward, located, command.quantity, now);
      const taken = await queryRows<{ stock: number }>(manager, `UPDATE point_rewards SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock`, [
        reward.id,
        command.quantity,
      ]);
      if (taken.length === 0) {
        throw new PointsException(PointsCode.OutOfStock, { detail: `「${reward.name}」库存不足`, extensions: { rewardId: reward.id, requested: command.quantity } });
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
      const [inserted] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO point_redemptions (reward_id, owner_type, owner_id, owner_unit_path, quantity, points, status, pickup_code, idempotency_key, debit_entry_id, reserved_by_user_id, reserved_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'reserved', $7, $8, $9, $10, $11) RETURNING id`,
        [reward.id, owner.type, owner.id, located.unitPath, command.quantity, points, pickupCode(), command.idempotencyKey, debit.entry.id, user.userId, now],
      );
      await this.audit.record(
        {
          action: 'points.redemption.reserved',
          targetType: 'point_redemption',
          targetId: inserted.id,
          unitId: reward.unit_id,
          unitPath: reward.unit_path,
          data: { rewardId: reward.id, rewardName: reward.name, quantity: command.quantity, points, ownerType: owner.type, ownerId: owner.id, debitEntryId: debit.entry.id },
        },
        manager,
      );
      const [row] = await queryRows<RedemptionRow>(manager, `${REDEMPTION_SELECT} WHERE d.id = $1`, [inserted.id]);
      return RedemptionDto.from(row);
    });
  }

  /** The reward, if the owner lives within the store's subtree; 404 otherwise. */
  private async reward(manager: EntityManager, rewardId: string, owner: LocatedOwner): Promise<RewardRow> {
    const [reward] = await queryRows<RewardRow>(manager, `SELECT ${REWARD_COLUMNS} FROM point_rewards WHERE id = $1`, [rewardId]);
    if (!reward || !covers(reward.unit_path, owner.unitPath)) throw new NotFoundProblem('该奖品');
    return reward;
  }

  /** Items of this reward the owner holds in the current period (reserved or fulfilled) plus these must stay within the limit. */
  private async checkLimit(manager: EntityManager, reward: RewardRow, owner: LocatedOwner, quantity: number, now: Date): Promise<void> {
    if (reward.per_person_limit === null || reward.limit_period === null) return;
    const period = this.calendar.periodOf(now, reward.limit_period);
    const [used] = await queryRows<{ n: string }>(
      manager,
      `SELECT coalesce(sum(quantity), 0) AS n FROM point_redemptions
        WHERE reward_id = $1 AND owner_type = $2 AND owner_id = $3 AND status IN ('reserved', 'fulfilled') AND reserved_at >= $4 AND reserved_at < $5`,
      [reward.id, owner.owner.type, owner.owner.id, period.start, period.end],
    );
    const limit = Number(reward.per_person_limit);
    if (Number(used.n) + quantity > limit) {
      throw new PointsException(PointsCode.LimitReached, {
        detail: `「${reward.name}」每人每${{ day: '天', month: '月', quarter: '季度', year: '年' }[reward.limit_period]}限兑 ${limit} 件，已兑 ${Number(used.n)} 件`,
        extensions: { limit, used: Number(used.n), period: period.key },
      });
    }
  }
}
