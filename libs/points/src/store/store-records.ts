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
