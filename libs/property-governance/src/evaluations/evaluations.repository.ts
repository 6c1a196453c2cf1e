import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { positional } from '../companies/companies.repository';
import type { PropertyEvaluationCampaignDto } from './dto/property-evaluation.dto';

export interface CampaignRecord {
  id: string;
  unitId: string;
  unitPath: string;
  period: string;
  opensAt: Date;
  closesAt: Date;
  status: 'open' | 'published';
  raterWeights: Record<string, number>;
  categoryWeights: Record<string, number>;
  rectificationBelow: number;
  publishedAt: Date | null;
  createdByUserId: string | null;
}

interface CampaignRow {
  id: string;
  unit_id: string;
  unit_path: string;
  period: string;
  opens_at: Date;
  closes_at: Date;
  status: 'open' | 'published';
  rater_weights: Record<string, number>;
  category_weights: Record<string, number>;
  rectification_below: string;
  published_at: Date | null;
  created_by_user_id: string | null;
}

const COLUMNS = `id, unit_id, unit_path, period, opens_at, closes_at, status, rater_weights, category_weights,
  rectification_below::text AS rectification_below, published_at, created_by_user_id`;

const toRecord = (row: CampaignRow): CampaignRecord => ({
  id: row.id,
  unitId: row.unit_id,
  unitPath: row.unit_path,
  period: row.period,
  opensAt: row.opens_at,
  closesAt: row.closes_at,
  status: row.status,
  raterWeights: row.rater_weights,
  categoryWeights: row.category_weights,
  rectificationBelow: Number(row.rectification_below),
  publishedAt: row.published_at,
  createdByUserId: row.created_by_user_id,
});

export const campaignView = (campaign: CampaignRecord): PropertyEvaluationCampaignDto => ({
  id: campaign.id,
  unitId: campaign.unitId,
  period: campaign.period,
  opensAt: campaign.opensAt.toISOString(),
  closesAt: campaign.closesAt.toISOString(),
  status: campaign.status,
  raterWeights: campaign.raterWeights,
  categoryWeights: campaign.categoryWeights,
  rectificationBelow: campaign.rectificationBelow,
  publishedAt: campaign.publishedAt?.toISOString() ?? null,
});

export interface NewCampaign {
  unitId: string;
  unitPath: string;
  period: string;
  opensAt: Date;
  closesAt: Date;
  raterWeights: Record<string, number>;
  categoryWeights: Record<string, number>;
  rectificationBelow: number;
  createdByUserId: string | null;
  createdByJob: string | null;
}

export interface RatingRow {
  complex_id: string;
  company_id: string;
  rater_kind: string;
  total: string;
}

export interface ResultRow {
  complex_id: string;
  unit_path: string;
  company_id: string;
  company_name: string;
  score: string;
  grade: string;
  raters: Record<string, { count: number; mean: number }>;
  street_rank: number | null;
  district_rank: number | null;
}

export interface NewResult {
  complex_id: string;
  unit_path: string;
  company_id: string;
  score: number;
  grade: string;
  raters: Record<string, { count: number; mean: number }>;
  street_rank: number | null;
  district_rank: number | null;
}

/** SQL of evaluation campaigns, their ratings and their published results. */
@Injectable()
export class EvaluationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the campaign; undefined when (unit, period) has one already (ON CONFLICT, safe under races). */
  async insert(manager: EntityManager, campaign: NewCampaign): Promise<CampaignRecord | undefined> {
    const rows = await queryRows<CampaignRow>(
      manager,
      `INSERT INTO property_evaluation_campaigns (unit_id, unit_path, period, opens_at, closes_at, rater_weights,
              category_weights, rectification_below, created_by_user_id, created_by_job)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (unit_id, period) DO NOTHING RETURNING ${COLUMNS}`,
      [
        campaign.unitId,
        campaign.unitPath,
        campaign.period,
        campaign.opensAt,
        campaign.closesAt,
        JSON.stringify(campaign.raterWeights),
        JSON.stringify(campaign.categoryWeights),
        campaign.rectificationBelow,
        campaign.createdByUserId,
        campaign.createdByJob,
      ],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async readOne(
    manager: EntityManager | undefined,
    id: string,
    lock?: 'update' | 'share',
  ): Promise<CampaignRecord | undefined> {
    const suffix = lock === 'update' ? 'FOR UPDATE' : lock === 'share' ? 'FOR KEY SHARE' : '';
    const rows = await queryRows<CampaignRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_evaluation_campaigns WHERE id = $1 ${suffix}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Open campaigns whose end has come, locked (others' locks skipped). */
  async lockDue(manager: EntityManager, now: Date, limit: number): Promise<CampaignRecord[]> {
    const rows = await queryRows<CampaignRow>(
      manager,
      `SELECT ${COLUMNS} FROM property_evaluation_campaigns WHERE status = 'open' AND closes_at <= $1
        ORDER BY closes_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(toRecord);
  }

  /** The company of the complex's contract running on `on` (a date), if any. */
  async currentCompany(manager: EntityManager, complexId: string, on: string): Promise<string | undefined> {
    const rows = await queryRows<{ company_id: string }>(
      manager,
      `SELECT company_id FROM property_contracts WHERE complex_id = $1 AND starts_on <= $2::date
          AND (ends_on IS NULL OR ends_on >= $2::date) ORDER BY starts_on DESC LIMIT 1`,
      [complexId, on],
    );
    return rows[0]?.company_id;
  }

  /** The caller's current parts in the complex, each with all its current owners (co-owners share a head). */
  async ownedParts(
    manager: EntityManager,
    complexId: string,
    personId: string,
  ): Promise<{ id: string; status: 'delivered' | 'unsold' | 'sold_undelivered'; owners: string[] }[]> {
    return queryRows(
      manager,
      `SELECT p.id, p.status, array_agg(o2.person_id::text) AS owners
         FROM property_parts p
         JOIN property_part_owners o ON o.part_id = p.id AND o.ended_on IS NULL AND o.person_id = $2
         JOIN property_part_owners o2 ON o2.part_id = p.id AND o2.ended_on IS NULL
        WHERE p.complex_id = $1 GROUP BY p.id, p.status`,
      [complexId, personId],
    );
  }

  /** Inserts a rating; false when this rater key rated the complex already (ON CONFLICT: one under races). */
  async insertRating(
    manager: EntityManager,
    rating: {
      campaignId: string;
      complexId: string;
      companyId: string;
      raterKind: string;
      raterKey: string;
      scores: Record<string, number>;
      total: number;
      userId: string;
      now: Date;
    },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_evaluation_ratings (campaign_id, complex_id, company_id, rater_kind, rater_key, scores, total, rated_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (campaign_id, complex_id, rater_kind, rater_key) DO NOTHING RETURNING id`,
      [
        rating.campaignId,
        rating.complexId,
        rating.companyId,
        rating.raterKind,
        rating.raterKey,
        JSON.stringify(rating.scores),
        rating.total,
        rating.userId,
        rating.now,
      ],
    );
    return rows.length > 0;
  }

  /** The campaign's ratings, oldest first. */
  ratings(manager: EntityManager, campaignId: string): Promise<RatingRow[]> {
    return queryRows<RatingRow>(
      manager,
      `SELECT complex_id, company_id, rater_kind, total::text AS total FROM property_evaluation_ratings
        WHERE campaign_id = $1 ORDER BY created_at, id`,
      [campaignId],
    );
  }

  async insertResults(manager: EntityManager, campaignId: string, results: NewResult[]): Promise<void> {
    if (results.length === 0) return;
    await manager.query(
      `INSERT INTO property_evaluation_results (campaign_id, complex_id, unit_path, company_id, score, grade, raters, street_rank, district_rank)
       SELECT $1, x.complex_id, x.unit_path, x.company_id, x.score, x.grade, x.raters, x.street_rank, x.district_rank
         FROM jsonb_to_recordset($2::jsonb) AS x(complex_id uuid, unit_path text, company_id uuid, score numeric,
              grade text, raters jsonb, street_rank integer, district_rank integer)
       ON CONFLICT (campaign_id, complex_id) DO NOTHING`,
      [campaignId, JSON.stringify(results)],
    );
  }

  /** Marks the campaign published, guarded on `status = 'open'`: false when it was published already. */
  async markPublished(manager: EntityManager, id: string, now: Date): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE property_evaluation_campaigns SET status = 'published', published_at = $2 WHERE id = $1 AND status = 'open' RETURNING id`,
      [id, now],
    );
    return rows.length > 0;
  }

  /** Published results of the campaign within `within` (a condition on r.unit_path) that `visible` lets the caller see. */
  results(campaignId: string, within: SqlCondition, visible: SqlCondition): Promise<ResultRow[]> {
    const a = positional(within, 1);
    const b = positional(visible, 1 + a.params.length);
    return queryRows<ResultRow>(
      this.dataSource.manager,
      `SELECT r.complex_id, r.unit_path, r.company_id, co.name AS company_name, r.score::text AS score, r.grade, r.raters,
              r.street_rank, r.district_rank
         FROM property_evaluation_results r JOIN property_companies co ON co.id = r.company_id
        WHERE r.campaign_id = $1 AND ${a.sql} AND ${b.sql}`,
      [campaignId, ...a.params, ...b.params],
    );
  }

  /**
   * Companies ranked within `within` (a condition on r.unit_path): each company's score is the plain
   * mean of its complexes' scores (every complex counts the same), standard competition rank, ties
   * by name. One SQL over the results index.
   */
  companyRanking(
    campaignId: string,
    within: SqlCondition,
  ): Promise<{ rank: number; company_id: string; company_name: string; score: string; complexes: number }[]> {
    const a = positional(within, 1);
    return queryRows(
      this.dataSource.manager,
      `SELECT (rank() OVER (ORDER BY round(avg(r.score), 2) DESC))::int AS rank, r.company_id, co.name AS company_name,
              round(avg(r.score), 2)::text AS score, count(*)::int AS complexes
         FROM property_evaluation_results r JOIN property_companies co ON co.id = r.company_id
        WHERE r.campaign_id = $1 AND ${a.sql}
        GROUP BY r.company_id, co.name
        ORDER BY round(avg(r.score), 2) DESC, co.name, r.company_id`,
      [campaignId, ...a.params],
    );
  }
}
