import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { EscalationRow, LapsingClaim, OpenDemandsGroup } from '../demand-rows';

/** What the demand jobs read and write: lapsed claims, overdue demands and their escalation, the weekly digest. */
@Injectable()
export class DemandJobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Demands whose live claim is past its lapse time while still claimed, soonest lapsed first. */
  async lapsedClaimDemands(now: Date): Promise<string[]> {
    const rows = await queryRows<{ demand_id: string }>(
      this.dataSource.manager,
      `SELECT c.demand_id FROM volunteer_demand_claims c JOIN volunteer_demands d ON d.id = c.demand_id
        WHERE c.status = 'live' AND c.expires_at <= $1 AND d.status = 'claimed' ORDER BY c.expires_at, c.id`,
      [now],
    );
    return rows.map((row) => row.demand_id);
  }

  /** The demand's live claim if it is still lapsed at `now` (re-checked under the demand's lock). */
  async lapsingClaim(manager: EntityManager, demandId: string, now: Date): Promise<LapsingClaim | undefined> {
    const [row] = await queryRows<LapsingClaim>(
      manager,
      `SELECT c.id AS claim_id, d.id AS demand_id, d.title, d.unit_id, d.unit_path, c.claimant_person_id, c.claimed_by_user_id
         FROM volunteer_demands d JOIN volunteer_demand_claims c ON c.demand_id = d.id AND c.status = 'live'
        WHERE d.id = $1 AND d.status = 'claimed' AND c.expires_at <= $2`,
      [demandId, now],
    );
    return row;
  }

  /** Open demands past their deadline become `expired`; returns them. */
  expireOverdue(manager: EntityManager, now: Date): Promise<{ id: string; unit_id: string; unit_path: string }[]> {
    return queryRows<{ id: string; unit_id: string; unit_path: string }>(
      manager,
      `UPDATE volunteer_demands SET status = 'expired', updated_at = now()
        WHERE status = 'open' AND deadline IS NOT NULL AND deadline <= $1
      RETURNING id, unit_id, unit_path`,
      [now],
    );
  }

  /** Expired demands whose secretaries were not told yet, by deadline. */
  unescalated(): Promise<EscalationRow[]> {
    return queryRows<EscalationRow>(
      this.dataSource.manager,
      `SELECT id, title, deadline, unit_id, unit_path FROM volunteer_demands WHERE status = 'expired' AND escalated_at IS NULL ORDER BY deadline, id`,
      [],
    );
  }

  async markEscalated(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE volunteer_demands SET escalated_at = $2 WHERE id = ANY ($1::uuid[]) AND escalated_at IS NULL`,
      [ids, at],
    );
  }

  /**
   * Open demands grouped by the path of their community: the first `communityDepth` labels of
   * their unit's path (demands above community level are left out), with the `top` titles due first.
   */
  openByCommunity(communityDepth: number, top: number): Promise<OpenDemandsGroup[]> {
    return queryRows<OpenDemandsGroup>(
      this.dataSource.manager,
      `SELECT array_to_string((string_to_array(d.unit_path, '.'))[1:$1], '.') AS community_path, count(*) AS open_count,
              (array_agg(d.title ORDER BY d.deadline ASC NULLS LAST, d.created_at, d.id))[1:$2] AS titles
         FROM volunteer_demands d
        WHERE d.status = 'open' AND cardinality(string_to_array(d.unit_path, '.')) >= $1
        GROUP BY 1
        ORDER BY 1`,
      [communityDepth, top],
    );
  }
}
