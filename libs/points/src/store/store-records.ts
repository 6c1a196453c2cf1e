import { OwnerType } from '../ledger/points-owner';

export const LIMIT_PERIODS = ['day', 'month', 'quarter', 'year'] as const;
export type LimitPeriod = (typeof LIMIT_PERIODS)[number];

export const REDEMPTION_STATUSES = ['reserved', 'fulfilled', 'cancelled', 'expired'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** A reserved redemption not fulfilled within this many days is expired (points refunded, stock restored). */
export const RESERVATION_DAYS = 7;

export interface RewardRow {
  id: string;
  unit_id: string;
  unit_path: string;
  name: string;
  cost: number;
  stock: number;
  per_person_limit: number | null;
  limit_period: LimitPeriod | null;
  image_url: string | null;
  active_from: Date | null;
  active_to: Date | null;
}

export interface RedemptionRow {
  id: string;
  reward_id: string;
  owner_type: OwnerType;
  owner_id: string;
  owner_unit_path: string;
  quantity: number;
  points: number;
  status: RedemptionStatus;
  pickup_code: string;
  debit_entry_id: string;
  reserved_at: Date;
  closed_at: Date | null;
  reward_name: string;
  reward_unit_id: string;
  reward_unit_path: string;
}

export const REWARD_COLUMNS = 'id, unit_id, unit_path, name, cost, stock, per_person_limit, limit_period, image_url, active_from, active_to';

export const REDEMPTION_SELECT = `SELECT d.id, d.reward_id, d.owner_type, d.owner_id, d.owner_unit_path, d.quantity, d.points, d.status, d.pickup_code, d.debit_entry_id,
       d.reserved_at, d.closed_at, r.name AS reward_name, r.unit_id AS reward_unit_id, r.unit_path AS reward_unit_path
  FROM point_redemptions d JOIN point_rewards r ON r.id = d.reward_id`;
