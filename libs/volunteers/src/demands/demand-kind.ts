/** Kinds of service demand; values are part of the API contract. */
export const DEMAND_KINDS = ['micro_wish', 'service_need', 'task'] as const;
export type DemandKind = (typeof DEMAND_KINDS)[number];

export const DEMAND_KIND_DISPLAY: Record<DemandKind, string> = {
  micro_wish: '微心愿',
  service_need: '服务需求',
  task: '任务',
};

/**
 * open → claimed → fulfilled → confirmed; cancelled (requester or staff), expired (deadline passed
 * while open). A lapsed or released claim returns the demand to open; a rejected fulfilment returns
 * it to claimed. `closed` is accepted by the schema for archiving and not reached through the API yet.
 */
export const DEMAND_STATUSES = ['open', 'claimed', 'fulfilled', 'confirmed', 'closed', 'cancelled', 'expired'] as const;
export type DemandStatus = (typeof DEMAND_STATUSES)[number];

export const DEMAND_STATUS_DISPLAY: Record<DemandStatus, string> = {
  open: '待认领',
  claimed: '已认领',
  fulfilled: '待确认',
  confirmed: '已确认',
  closed: '已关闭',
  cancelled: '已取消',
  expired: '已逾期',
};

export type ClaimStatus = 'live' | 'released' | 'lapsed' | 'completed' | 'cancelled';
export type FulfilmentStatus = 'pending' | 'confirmed' | 'rejected';
export type ClaimantOrganizationKind = 'party_organization' | 'institution';

/** How long a claim lasts unless the demand says otherwise, and how often the claimant may extend it (each time by the demand's claim hours). */
export const DEFAULT_CLAIM_HOURS = 72;
export const MAX_CLAIM_EXTENSIONS = 2;
