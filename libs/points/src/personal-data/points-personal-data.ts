import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityHold, IdentityHolds, PersonalDataContext, PersonalDataExporters, queryRows } from '@linli/platform';

const DOMAIN = 'points';

interface AccountRow {
  id: string;
  kind: string;
  balance: string;
  pending: string;
  created_at: Date;
}

interface EntryRow {
  account_id: string;
  kind: string;
  amount: string;
  balance_after: string;
  reason: string;
  occurred_at: Date;
}

interface LotRow {
  account_id: string;
  amount: string;
  remaining: string;
  status: string;
  earned_at: Date;
  available_from: Date | null;
  expires_at: Date | null;
  reason: string;
}

interface RedemptionRow {
  id: string;
  reward_id: string;
  reward_name: string;
  quantity: number;
  points: number;
  status: string;
  pickup_code: string;
  reserved_at: Date;
  closed_at: Date | null;
}

interface AssessmentRow {
  period_key: string;
  assessment_points: string;
  evaluation_points: number;
  score: string;
  tier: string;
  community_rank: number | null;
  street_rank: number | null;
}

/**
 * Points' part of the kernel's personal-data operations, reading points' own tables only:
 *
 * - **export**: the person's accounts (redeemable, assessment) with every ledger entry, the lots
 *   (what expires when), the redemptions (with their pickup codes) and the quarterly assessments;
 * - **identity hold** `points.open-reservation`: a reserved redemption waiting to be picked up with
 *   its code (the store clerk must be able to tell who it is for); cancel or fulfil it first.
 *
 * Points keeps no personal data besides the person id: no eraser, the ledger stays as it is.
 */
@Injectable()
export class PointsPersonalData implements OnModuleInit {
  constructor(
    private readonly exporters: PersonalDataExporters,
    private readonly holds: IdentityHolds,
  ) {}

  onModuleInit(): void {
    this.exporters.register({ domain: DOMAIN, exportPerson: (id, context) => this.exportPerson(id, context) });
    this.holds.register({ domain: DOMAIN, holdsOf: (id, context) => this.holdsOf(id, context) });
  }

  async exportPerson(personId: string, { manager }: PersonalDataContext): Promise<Record<string, unknown>> {
    const accounts = await queryRows<AccountRow>(
      manager,
      `SELECT id, kind, balance::text AS balance, pending::text AS pending, created_at
         FROM point_accounts WHERE owner_type = 'person' AND owner_id = $1 ORDER BY kind`,
      [personId],
    );
    const accountIds = accounts.map((account) => account.id);
    const entries = await queryRows<EntryRow>(
      manager,
      `SELECT account_id, kind, amount::text AS amount, balance_after::text AS balance_after, reason, occurred_at
         FROM point_entries WHERE account_id = ANY($1::uuid[]) ORDER BY seq`,
      [accountIds],
    );
    const lots = await queryRows<LotRow>(
      manager,
      `SELECT account_id, amount::text AS amount, remaining::text AS remaining, status, earned_at, available_from,
              expires_at, reason
         FROM point_lots WHERE account_id = ANY($1::uuid[]) ORDER BY earned_at, id`,
      [accountIds],
    );
    const redemptions = await queryRows<RedemptionRow>(
      manager,
      `SELECT r.id, r.reward_id, w.name AS reward_name, r.quantity, r.points, r.status, r.pickup_code,
              r.reserved_at, r.closed_at
         FROM point_redemptions r JOIN point_rewards w ON w.id = r.reward_id
        WHERE r.owner_type = 'person' AND r.owner_id = $1 ORDER BY r.reserved_at, r.id`,
      [personId],
    );
    const assessments = await queryRows<AssessmentRow>(
      manager,
      `SELECT period_key, assessment_points::text AS assessment_points, evaluation_points, score::text AS score, tier,
              community_rank, street_rank
         FROM point_assessments WHERE owner_type = 'person' AND owner_id = $1 ORDER BY period_key`,
      [personId],
    );
    return {
      accounts: accounts.map((account) => ({
        kind: account.kind,
        balance: Number(account.balance),
        pending: Number(account.pending),
        openedAt: account.created_at.toISOString(),
        entries: entries
          .filter((entry) => entry.account_id === account.id)
          .map((entry) => ({
            kind: entry.kind,
            amount: Number(entry.amount),
            balanceAfter: Number(entry.balance_after),
            reason: entry.reason,
            occurredAt: entry.occurred_at.toISOString(),
          })),
        lots: lots
          .filter((lot) => lot.account_id === account.id)
          .map((lot) => ({
            amount: Number(lot.amount),
            remaining: Number(lot.remaining),
            status: lot.status,
            earnedAt: lot.earned_at.toISOString(),
            availableFrom: lot.available_from?.toISOString() ?? null,
            expiresAt: lot.expires_at?.toISOString() ?? null,
            reason: lot.reason,
          })),
      })),
      redemptions: redemptions.map((r) => ({
        id: r.id,
        rewardId: r.reward_id,
        rewardName: r.reward_name,
        quantity: r.quantity,
        points: r.points,
        status: r.status,
        pickupCode: r.pickup_code,
        reservedAt: r.reserved_at.toISOString(),
        closedAt: r.closed_at?.toISOString() ?? null,
      })),
      assessments: assessments.map((a) => ({
        period: a.period_key,
        assessmentPoints: Number(a.assessment_points),
        evaluationPoints: a.evaluation_points,
        score: Number(a.score),
        tier: a.tier,
        communityRank: a.community_rank,
        streetRank: a.street_rank,
      })),
    };
  }

  async holdsOf(personId: string, { manager }: PersonalDataContext): Promise<IdentityHold[]> {
    const [row] = await queryRows<{ open: number }>(
      manager,
      `SELECT count(*)::int AS open FROM point_redemptions
        WHERE owner_type = 'person' AND owner_id = $1 AND status = 'reserved'`,
      [personId],
    );
    return row.open > 0
      ? [{ code: 'points.open-reservation', detail: `有 ${row.open} 个待领取的积分兑换`, count: row.open }]
      : [];
  }
}
