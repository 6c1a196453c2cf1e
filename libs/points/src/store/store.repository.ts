import { Injectable } from '@nestjs/common';
import { Period, queryRows, UnitScope } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PointsOwner } from '../ledger/points-owner';
import { LimitPeriod, RedemptionRow, RedemptionStatus, RewardRow } from './store-records';

const REWARD_COLUMNS =
  'id, unit_id, unit_path, name, cost, stock, per_person_limit, limit_period, image_url, active_from, active_to';

const REDEMPTION_SELECT = `SELECT d.id, d.reward_id, d.owner_type, d.owner_id, d.owner_unit_path, d.quantity, d.points, d.status, d.pickup_code, d.debit_entry_id,
       d.reserved_at, d.closed_at, r.name AS reward_name, r.unit_id AS reward_unit_id, r.unit_path AS reward_unit_path
  FROM point_redemptions d JOIN point_rewards r ON r.id = d.reward_id`;

/** A reward's editable fields, as stored. */
export interface RewardFields {
  name: string;
  cost: number;
  stock: number;
  perPersonLimit: number | null;
  limitPeriod: LimitPeriod | null;
  imageUrl: string | null;
  /** An instant, or the ISO 8601 text a client sent. */
  activeFrom: Date | string | null;
  activeTo: Date | string | null;
}

/** A reservation to store, its points already debited. */
export interface NewRedemption {
  rewardId: string;
  owner: PointsOwner;
  ownerUnitPath: string;
  quantity: number;
  points: number;
  pickupCode: string;
  idempotencyKey: string;
  debitEntryId: string;
  reservedByUserId: string;
  reservedAt: Date;
}

/** Which redemptions a list shows: one owner's, or those the caller reaches (their own person's and the stores of their scope). */
export type RedemptionsFilter = ({ owner: PointsOwner } | { personId: string | null; storeScope: UnitScope }) & {
  status?: RedemptionStatus;
  /** Keyset cursor: strictly older than this (reserved at, id). */
  before?: { at: Date; id: string };
  limit: number;
};

/** The store's SQL: rewards (catalogue and stock) and redemptions (reservations, their closing, their lists). */
@Injectable()
export class StoreRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertReward(
    manager: EntityManager,
    unit: { id: string; path: string },
    fields: RewardFields,
  ): Promise<RewardRow> {
    const [row] = await queryRows<RewardRow>(
      manager,
      `INSERT INTO point_rewards (unit_id, unit_path, name, cost, stock, per_person_limit, limit_period, image_url, active_from, active_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${REWARD_COLUMNS}`,
      [
        unit.id,
        unit.path,
        fields.name,
        fields.cost,
        fields.stock,
        fields.perPersonLimit,
        fields.limitPeriod,
        fields.imageUrl,
        fields.activeFrom,
        fields.activeTo,
      ],
    );
    return row;
  }

  async reward(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<RewardRow | undefined> {
    const [row] = await queryRows<RewardRow>(
      manager,
      `SELECT ${REWARD_COLUMNS} FROM point_rewards WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  async updateReward(manager: EntityManager, id: string, fields: RewardFields): Promise<RewardRow> {
    const [row] = await queryRows<RewardRow>(
      manager,
      `UPDATE point_rewards SET name = $2, cost = $3, stock = $4, per_person_limit = $5, limit_period = $6, image_url = $7, active_from = $8, active_to = $9, updated_at = now()
        WHERE id = $1 RETURNING ${REWARD_COLUMNS}`,
      [
        id,
        fields.name,
        fields.cost,
        fields.stock,
        fields.perPersonLimit,
        fields.limitPeriod,
        fields.imageUrl,
        fields.activeFrom,
        fields.activeTo,
      ],
    );
    return row;
  }

  /** A store's catalogue, oldest first. */
  rewardsOf(unitId: string): Promise<RewardRow[]> {
    return queryRows<RewardRow>(
      this.dataSource.manager,
      `SELECT ${REWARD_COLUMNS} FROM point_rewards WHERE unit_id = $1 ORDER BY created_at, id`,
      [unitId],
    );
  }

  /** Takes `quantity` items off the stock if it holds them (the row lock queues concurrent buyers); false when it does not. */
  async takeStock(manager: EntityManager, rewardId: string, quantity: number): Promise<boolean> {
    const taken = await queryRows<{ stock: number }>(
      manager,
      `UPDATE point_rewards SET stock = stock - $2, updated_at = now() WHERE id = $1 AND stock >= $2 RETURNING stock`,
      [rewardId, quantity],
    );
    return taken.length > 0;
  }

  async restoreStock(manager: EntityManager, rewardId: string, quantity: number): Promise<void> {
    await manager.query(`UPDATE point_rewards SET stock = stock + $2, updated_at = now() WHERE id = $1`, [
      rewardId,
      quantity,
    ]);
  }

  /** The redemption with its reward's name and unit; locked (the redemption's row) when `lock`. */
  async redemption(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<RedemptionRow | undefined> {
    const [row] = await queryRows<RedemptionRow>(
      manager,
      `${REDEMPTION_SELECT} WHERE d.id = $1${options.lock ? ' FOR UPDATE OF d' : ''}`,
      [id],
    );
    return row;
  }

  /** The reserved redemption with this pickup code (unique among reserved ones), its row locked. */
  async reservedByCode(manager: EntityManager, pickupCode: string): Promise<RedemptionRow | undefined> {
    const [row] = await queryRows<RedemptionRow>(
      manager,
      `${REDEMPTION_SELECT} WHERE d.status = 'reserved' AND d.pickup_code = $1 FOR UPDATE OF d`,
      [pickupCode],
    );
    return row;
  }

  /** The owner's redemption made with this idempotency key, if any. */
  async redemptionByKey(
    manager: EntityManager,
    owner: PointsOwner,
    idempotencyKey: string,
  ): Promise<RedemptionRow | undefined> {
    const [row] = await queryRows<RedemptionRow>(
      manager,
      `${REDEMPTION_SELECT} WHERE d.owner_type = $1 AND d.owner_id = $2 AND d.idempotency_key = $3`,
      [owner.type, owner.id, idempotencyKey],
    );
    return row;
  }

  /** Items of the reward the owner holds from reservations made in `period` (reserved or fulfilled). */
  async redeemedIn(manager: EntityManager, rewardId: string, owner: PointsOwner, period: Period): Promise<number> {
    const [used] = await queryRows<{ n: string }>(
      manager,
      `SELECT coalesce(sum(quantity), 0) AS n FROM point_redemptions
        WHERE reward_id = $1 AND owner_type = $2 AND owner_id = $3 AND status IN ('reserved', 'fulfilled') AND reserved_at >= $4 AND reserved_at < $5`,
      [rewardId, owner.type, owner.id, period.start, period.end],
    );
    return Number(used.n);
  }

  async insertRedemption(manager: EntityManager, redemption: NewRedemption): Promise<string> {
    const [inserted] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO point_redemptions (reward_id, owner_type, owner_id, owner_unit_path, quantity, points, status, pickup_code, idempotency_key, debit_entry_id, reserved_by_user_id, reserved_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'reserved', $7, $8, $9, $10, $11) RETURNING id`,
      [
        redemption.rewardId,
        redemption.owner.type,
        redemption.owner.id,
        redemption.ownerUnitPath,
        redemption.quantity,
        redemption.points,
        redemption.pickupCode,
        redemption.idempotencyKey,
        redemption.debitEntryId,
        redemption.reservedByUserId,
        redemption.reservedAt,
      ],
    );
    return inserted.id;
  }

  async markFulfilled(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE point_redemptions SET status = 'fulfilled', closed_at = $2 WHERE id = $1`, [id, at]);
  }

  /** Closes a reserved redemption as cancelled or expired, with the entry that refunded it. */
  async close(
    manager: EntityManager,
    id: string,
    status: 'cancelled' | 'expired',
    at: Date,
    refundEntryId: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE point_redemptions SET status = $2, closed_at = $3, refund_entry_id = $4 WHERE id = $1 AND status = 'reserved'`,
      [id, status, at, refundEntryId],
    );
  }

  /** Reservations made at or before `cutoff` and still reserved, oldest first. */
  async reservedUntil(cutoff: Date): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM point_redemptions WHERE status = 'reserved' AND reserved_at <= $1 ORDER BY reserved_at, id`,
      [cutoff],
    );
    return rows.map((row) => row.id);
  }

  /** A page of redemptions, newest first, one more than `limit` when there are more. */
  async redemptions(filter: RedemptionsFilter): Promise<RedemptionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    if ('owner' in filter) {
      where.push(`d.owner_type = ${param(filter.owner.type)} AND d.owner_id = ${param(filter.owner.id)}`);
    } else {
      const reach: string[] = [];
      if (filter.personId) reach.push(`(d.owner_type = 'person' AND d.owner_id = ${param(filter.personId)})`);
      if (filter.storeScope === 'all') reach.push('true');
      else if (filter.storeScope.length > 0) {
        const paths = param(filter.storeScope);
        reach.push(
          `EXISTS (SELECT 1 FROM unnest(${paths}::varchar[]) p WHERE r.unit_path = p OR left(r.unit_path, length(p) + 1) = p || '.')`,
        );
      }
      where.push(reach.length === 0 ? 'false' : `(${reach.join(' OR ')})`);
    }
    if (filter.status) where.push(`d.status = ${param(filter.status)}`);
    if (filter.before)
      where.push(`(d.reserved_at, d.id) < (${param(filter.before.at)}, ${param(filter.before.id)}::uuid)`);
    return queryRows<RedemptionRow>(
      this.dataSource.manager,
      `${REDEMPTION_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.reserved_at DESC, d.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }
}
