import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimStatus, DemandStatus } from './demand-kind';
import { DemandListFilter, DemandRow, FulfilmentRow, NewClaim, NewDemand } from './demand-rows';

/** `… WHERE d.id = $1`: a demand with its live claim. */
const DEMAND_SELECT = `
  SELECT d.id, d.kind, d.unit_id, d.unit_path, d.title, d.description, d.requester_person_id,
         d.posted_by_user_id, d.required_skills, d.deadline, d.claim_hours, d.status, d.rating, d.created_at, d.updated_at,
         c.id AS claim_id, c.claimant_person_id, c.claimant_organization_id, c.claimant_organization_kind, c.claimed_by_user_id,
         c.claimed_at, c.expires_at AS claim_expires_at, c.extensions AS claim_extensions
    FROM volunteer_demands d
    LEFT JOIN volunteer_demand_claims c ON c.demand_id = d.id AND c.status = 'live'`;

/**
 * The demands area's data access: demands, claims, fulfilment attempts, invitations. The ranking
 * query is `DemandMatchingRepository`'s, what the demand jobs read `DemandJobsRepository`'s.
 */
@Injectable()
export class DemandsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the demand's row lock (commands lock it before reading the claim). */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT id FROM volunteer_demands WHERE id = $1 FOR UPDATE`, [id]);
  }

  async find(manager: EntityManager, id: string): Promise<DemandRow | undefined> {
    const [row] = await queryRows<DemandRow>(manager, `${DEMAND_SELECT} WHERE d.id = $1`, [id]);
    return row;
  }

  /** Whether the person (or the account) ever claimed the demand, or the person was invited to it. */
  async involves(manager: EntityManager, demandId: string, personId: string, userId: string): Promise<boolean> {
    const [row] = await queryRows<{ involved: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM volunteer_demand_claims WHERE demand_id = $1 AND (claimant_person_id = $2 OR claimed_by_user_id = $3))
           OR EXISTS (SELECT 1 FROM volunteer_demand_invitations WHERE demand_id = $1 AND person_id = $2) AS involved`,
      [demandId, personId, userId],
    );
    return row.involved;
  }

  /** Up to `limit + 1` demands matching `filter`, newest first (the extra row tells there is a next page). */
  async list(filter: DemandListFilter): Promise<DemandRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const within = (root: string): string =>
      `(d.unit_path = ${param(root)} OR d.unit_path LIKE ${param(descendantsPattern(root))})`;
    const own: string[] = [];
    if (filter.personId) own.push(`d.requester_person_id = ${param(filter.personId)}`);
    own.push(
      `EXISTS (SELECT 1 FROM volunteer_demand_claims mc WHERE mc.demand_id = d.id AND (${filter.personId ? `mc.claimant_person_id = ${param(filter.personId)} OR ` : ''}mc.claimed_by_user_id = ${param(filter.userId)}))`,
    );
    const reach = [...own];
    if (!filter.mine) {
      if (filter.scope === 'all') reach.push('TRUE');
      else for (const path of filter.scope) reach.push(within(path));
      if (filter.personId)
        reach.push(
          `EXISTS (SELECT 1 FROM volunteer_demand_invitations vi WHERE vi.demand_id = d.id AND vi.person_id = ${param(filter.personId)})`,
        );
      if (filter.communityPath) reach.push(within(filter.communityPath));
    }
    const where = [`(${reach.join(' OR ')})`];
    if (filter.unitPath !== undefined) where.push(within(filter.unitPath));
    if (filter.status) where.push(`d.status = ${param(filter.status)}`);
    if (filter.kind) where.push(`d.kind = ${param(filter.kind)}`);
    if (filter.skill) where.push(`d.required_skills @> ARRAY[${param(filter.skill)}]::varchar[]`);
    if (filter.after)
      where.push(`(d.created_at, d.id) < (${param(filter.after[0])}::timestamptz, ${param(filter.after[1])}::uuid)`);
    return queryRows<DemandRow>(
      this.dataSource.manager,
      `${DEMAND_SELECT} WHERE ${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
  }

  /** Every fulfilment attempt of the demand, oldest first. */
  fulfilments(manager: EntityManager, demandId: string): Promise<FulfilmentRow[]> {
    return queryRows<FulfilmentRow>(
      manager,
      `SELECT f.id, f.claim_id, f.note, f.status, f.rating, f.reason, f.fulfilled_at, f.resolved_at, c.claimant_person_id, c.claimant_organization_id
         FROM volunteer_demand_fulfilments f JOIN volunteer_demand_claims c ON c.id = f.claim_id
        WHERE f.demand_id = $1 ORDER BY f.seq`,
      [demandId],
    );
  }

  async insert(manager: EntityManager, demand: NewDemand): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_demands (kind, unit_id, unit_path, title, description, requester_person_id, posted_by_user_id, required_skills, deadline, claim_hours, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, date_trunc('milliseconds', clock_timestamp()), now()) RETURNING id`,
      [
        demand.kind,
        demand.unitId,
        demand.unitPath,
        demand.title,
        demand.description,
        demand.requesterPersonId,
        demand.postedByUserId,
        demand.requiredSkills,
        demand.deadline,
        demand.claimHours,
      ],
    );
    return row.id;
  }

  /** open → claimed; false when the demand was not open. */
  async markClaimed(manager: EntityManager, id: string): Promise<boolean> {
    const moved = await queryRows<{ id: string }>(
      manager,
      `UPDATE volunteer_demands SET status = 'claimed', updated_at = now() WHERE id = $1 AND status = 'open' RETURNING id`,
      [id],
    );
    return moved.length > 0;
  }

  async setStatus(manager: EntityManager, id: string, status: DemandStatus, rating?: number): Promise<void> {
    if (rating === undefined)
      await manager.query(`UPDATE volunteer_demands SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
    else
      await manager.query(`UPDATE volunteer_demands SET status = $2, rating = $3, updated_at = now() WHERE id = $1`, [
        id,
        status,
        rating,
      ]);
  }

  /** Inserts the live claim (the partial unique index on live claims may refuse it). */
  async insertClaim(manager: EntityManager, demandId: string, claim: NewClaim): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_demand_claims (demand_id, claimant_person_id, claimant_organization_id, claimant_organization_kind, claimed_by_user_id, claimed_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        demandId,
        claim.personId,
        claim.organizationId,
        claim.organizationKind,
        claim.claimedByUserId,
        claim.claimedAt,
        claim.expiresAt,
      ],
    );
    return row.id;
  }

  /** Ends a live claim (`released`, `lapsed`, `completed`, `cancelled`), at `at` or now. */
  async endClaim(
    manager: EntityManager,
    claimId: string,
    status: Exclude<ClaimStatus, 'live'>,
    at?: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE volunteer_demand_claims SET status = $2, ended_at = coalesce($3, now()) WHERE id = $1`,
      [claimId, status, at ?? null],
    );
  }

  /** Pushes a live claim's lapse time by `hours`, unless it was extended `max` times already; its new lapse time, if extended. */
  async extendClaim(manager: EntityManager, claimId: string, hours: number, max: number): Promise<Date | undefined> {
    const [row] = await queryRows<{ expires_at: Date }>(
      manager,
      `UPDATE volunteer_demand_claims SET expires_at = expires_at + make_interval(hours => $2), extensions = extensions + 1
        WHERE id = $1 AND status = 'live' AND extensions < $3 RETURNING expires_at`,
      [claimId, hours, max],
    );
    return row ? new Date(row.expires_at) : undefined;
  }

  async renewClaim(manager: EntityManager, claimId: string, expiresAt: Date): Promise<void> {
    await manager.query(`UPDATE volunteer_demand_claims SET expires_at = $2 WHERE id = $1`, [claimId, expiresAt]);
  }

  async insertFulfilment(
    manager: EntityManager,
    demandId: string,
    claimId: string,
    note: string | null,
    at: Date,
    byUserId: string,
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_demand_fulfilments (demand_id, claim_id, note, fulfilled_at, fulfilled_by_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [demandId, claimId, note, at, byUserId],
    );
    return row.id;
  }

  /** The demand's pending fulfilment attempt and who reported it, if one is pending. */
  async pendingFulfilment(
    manager: EntityManager,
    demandId: string,
  ): Promise<{ id: string; fulfilled_by_user_id: string | null } | undefined> {
    const [row] = await queryRows<{ id: string; fulfilled_by_user_id: string | null }>(
      manager,
      `SELECT id, fulfilled_by_user_id FROM volunteer_demand_fulfilments WHERE demand_id = $1 AND status = 'pending'`,
      [demandId],
    );
    return row;
  }

  /** Resolves the demand's pending fulfilment (confirmed with a rating, or rejected with a reason); its id, or undefined when none is pending. */
  async resolveFulfilment(
    manager: EntityManager,
    demandId: string,
    resolution: { rating: number } | { reason: string },
    at: Date,
  ): Promise<string | undefined> {
    const [row] =
      'rating' in resolution
        ? await queryRows<{ id: string }>(
            manager,
            `UPDATE volunteer_demand_fulfilments SET status = 'confirmed', rating = $2, resolved_at = $3 WHERE demand_id = $1 AND status = 'pending' RETURNING id`,
            [demandId, resolution.rating, at],
          )
        : await queryRows<{ id: string }>(
            manager,
            `UPDATE volunteer_demand_fulfilments SET status = 'rejected', reason = $2, resolved_at = $3 WHERE demand_id = $1 AND status = 'pending' RETURNING id`,
            [demandId, resolution.reason, at],
          );
    return row?.id;
  }

  /** Invites each person once per demand: those invited before are left out of the answer. */
  insertInvitations(
    manager: EntityManager,
    demandId: string,
    personIds: string[],
    invitedBy: string,
    at: Date,
  ): Promise<{ id: string; person_id: string }[]> {
    return queryRows<{ id: string; person_id: string }>(
      manager,
      `INSERT INTO volunteer_demand_invitations (demand_id, person_id, invited_by_user_id, invited_at)
       SELECT $1, p, $3, $4 FROM unnest($2::uuid[]) p
       ON CONFLICT (demand_id, person_id) DO NOTHING RETURNING id, person_id`,
      [demandId, personIds, invitedBy, at],
    );
  }
}
