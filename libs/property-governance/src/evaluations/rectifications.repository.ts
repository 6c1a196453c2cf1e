import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { positional } from '../companies/companies.repository';
import type { PropertyRectificationDto, PropertyRectificationFollowUpDto } from './dto/property-rectification.dto';

export interface RectificationRow {
  id: string;
  campaign_id: string | null;
  complex_id: string;
  unit_path: string;
  company_id: string;
  reason: string;
  ordered_at: Date;
  deadline: string;
  status: 'open' | 'rectified' | 'failed';
  follow_ups: PropertyRectificationFollowUpDto[];
  outcome: string | null;
  closed_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, campaign_id, complex_id, unit_path, company_id, reason, ordered_at, deadline::text AS deadline, status,
  follow_ups, outcome, closed_at, created_at`;

export const rectificationView = (row: RectificationRow): PropertyRectificationDto => ({
  id: row.id,
  campaignId: row.campaign_id,
  complexId: row.complex_id,
  companyId: row.company_id,
  reason: row.reason,
  orderedAt: row.ordered_at.toISOString(),
  deadline: row.deadline,
  status: row.status,
  followUps: row.follow_ups,
  outcome: row.outcome,
  closedAt: row.closed_at?.toISOString() ?? null,
});

export interface NewRectification {
  complex_id: string;
  unit_path: string;
  company_id: string;
  reason: string;
  deadline: string;
}

/** SQL of rectification orders (整改通知). */
@Injectable()
export class RectificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One order per (campaign, complex): the ones inserted now. */
  async insertOrders(
    manager: EntityManager,
    campaignId: string,
    orders: NewRectification[],
    now: Date,
    userId: string | null,
  ): Promise<RectificationRow[]> {
    if (orders.length === 0) return [];
    return queryRows<RectificationRow>(
      manager,
      `INSERT INTO property_rectifications (campaign_id, complex_id, unit_path, company_id, reason, ordered_at, deadline, ordered_by_user_id)
       SELECT $1, x.complex_id, x.unit_path, x.company_id, x.reason, $3, x.deadline, $4
         FROM jsonb_to_recordset($2::jsonb) AS x(complex_id uuid, unit_path text, company_id uuid, reason text, deadline date)
       ON CONFLICT (campaign_id, complex_id) WHERE campaign_id IS NOT NULL DO NOTHING RETURNING ${COLUMNS}`,
      [campaignId, JSON.stringify(orders), now, userId],
    );
  }

  async readOne(manager: EntityManager, id: string, lock = false): Promise<RectificationRow | undefined> {
    const rows = await queryRows<RectificationRow>(
      manager,
      `SELECT ${COLUMNS} FROM property_rectifications WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async page(
    visible: SqlCondition,
    within: SqlCondition,
    filter: { status?: string; after?: [string, string]; limit: number },
  ): Promise<RectificationRow[]> {
    const a = positional(visible, 2);
    const b = positional(within, 2 + a.params.length);
    return queryRows<RectificationRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM property_rectifications r
        WHERE ($1::text IS NULL OR r.status = $1) AND ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $${
          3 + a.params.length + b.params.length
        }::uuid))
          AND ${a.sql} AND ${b.sql}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${filter.limit + 1}`,
      [filter.status ?? null, filter.after?.[0] ?? null, ...a.params, ...b.params, filter.after?.[1] ?? null],
    );
  }

  async addFollowUp(manager: EntityManager, id: string, followUp: PropertyRectificationFollowUpDto): Promise<void> {
    await manager.query(`UPDATE property_rectifications SET follow_ups = follow_ups || $2::jsonb WHERE id = $1`, [
      id,
      JSON.stringify([followUp]),
    ]);
  }

  async close(
    manager: EntityManager,
    id: string,
    status: 'rectified' | 'failed',
    outcome: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE property_rectifications SET status = $2, outcome = $3, closed_at = $4 WHERE id = $1 AND status = 'open'`,
      [id, status, outcome, now],
    );
  }

  /** Open orders past their deadline (before `today`) whose secretary was not told yet, locked (others' locks skipped). */
  lockOverdue(manager: EntityManager, today: string, limit: number): Promise<RectificationRow[]> {
    return queryRows<RectificationRow>(
      manager,
      `SELECT ${COLUMNS} FROM property_rectifications
        WHERE status = 'open' AND overdue_notified_at IS NULL AND deadline < $1::date
        ORDER BY deadline, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
  }

  async markNotified(manager: EntityManager, ids: string[], now: Date): Promise<void> {
    await manager.query(
      `UPDATE property_rectifications SET overdue_notified_at = $2 WHERE id = ANY($1::uuid[]) AND overdue_notified_at IS NULL`,
      [ids, now],
    );
  }
}
