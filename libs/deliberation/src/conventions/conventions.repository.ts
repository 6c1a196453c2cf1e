import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ConventionRecord, ConventionStatus, ConventionVote } from './convention-record';

interface ConventionRow {
  id: string;
  unit_id: string;
  unit_path: string;
  version: number;
  title: string;
  body: string;
  status: ConventionStatus;
  comment_ends_at: Date | null;
  vote_id: string | null;
  adopted_at: Date | null;
  filed_on: string | null;
  filing_reference: string | null;
  supersedes_id: string | null;
  created_by_user_id: string;
  created_at: Date;
}

const COLUMNS = `c.id, c.unit_id, c.unit_path, c.version, c.title, c.body, c.status, c.comment_ends_at, c.vote_id,
  c.adopted_at, c.filed_on::text AS filed_on, c.filing_reference, c.supersedes_id, c.created_by_user_id, c.created_at`;

function toRecord(row: ConventionRow): ConventionRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    version: row.version,
    title: row.title,
    body: row.body,
    status: row.status,
    commentEndsAt: row.comment_ends_at,
    voteId: row.vote_id,
    adoptedAt: row.adopted_at,
    filedOn: row.filed_on,
    filingReference: row.filing_reference,
    supersedesId: row.supersedes_id,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  };
}

export interface NewConvention {
  unitId: string;
  unitPath: string;
  title: string;
  body: string;
  createdByUserId: string;
  createdAt: Date;
}

/**
 * Residents' conventions (`deliberation_conventions`), one version per row, and what adoption
 * reads of their votes (`deliberation_votes`). Changes of one community's versions queue on a
 * transaction-scoped advisory lock per community (`lockCommunity`).
 */
@Injectable()
export class ConventionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes new versions and adoptions of one community's convention until the transaction ends. */
  async lockCommunity(manager: EntityManager, unitId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('deliberation_conventions'), hashtext($1))`, [unitId]);
  }

  /** A new draft: the next version of the community's convention, superseding the one in force (if any) once adopted. */
  async insertDraft(manager: EntityManager, convention: NewConvention): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_conventions (unit_id, unit_path, version, title, body, supersedes_id, created_by_user_id, created_at)
       SELECT $1, $2, COALESCE(max(version), 0) + 1, $3, $4,
              (SELECT id FROM deliberation_conventions WHERE unit_id = $1 AND status = 'adopted'), $5, $6
         FROM deliberation_conventions WHERE unit_id = $1
       RETURNING id`,
      [
        convention.unitId,
        convention.unitPath,
        convention.title,
        convention.body,
        convention.createdByUserId,
        convention.createdAt,
      ],
    );
    return row.id;
  }

  /** The version, or undefined. `lock` takes its row lock. */
  async readOne(
    manager: EntityManager = this.dataSource.manager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ConventionRecord | undefined> {
    const rows = await queryRows<ConventionRow>(
      manager,
      `SELECT ${COLUMNS} FROM deliberation_conventions c WHERE c.id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The community's convention in force, if any. */
  async inForce(
    manager: EntityManager = this.dataSource.manager,
    unitId: string,
  ): Promise<ConventionRecord | undefined> {
    const rows = await queryRows<ConventionRow>(
      manager,
      `SELECT ${COLUMNS} FROM deliberation_conventions c WHERE c.unit_id = $1 AND c.status = 'adopted'`,
      [unitId],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async openComments(manager: EntityManager, id: string, endsAt: Date): Promise<void> {
    await manager.query(
      `UPDATE deliberation_conventions SET status = 'commenting', comment_ends_at = $2 WHERE id = $1`,
      [id, endsAt],
    );
  }

  /** The version in force (if any) superseded, then this one adopted: one in force per community. */
  async adopt(
    manager: EntityManager,
    id: string,
    voteId: string,
    at: Date,
    supersededId: string | null,
  ): Promise<void> {
    if (supersededId)
      await manager.query(`UPDATE deliberation_conventions SET status = 'superseded' WHERE id = $1`, [supersededId]);
    await manager.query(
      `UPDATE deliberation_conventions SET status = 'adopted', vote_id = $2, adopted_at = $3, supersedes_id = COALESCE($4, supersedes_id)
        WHERE id = $1`,
      [id, voteId, at, supersededId],
    );
  }

  async reject(manager: EntityManager, id: string, voteId: string): Promise<void> {
    await manager.query(`UPDATE deliberation_conventions SET status = 'rejected', vote_id = $2 WHERE id = $1`, [
      id,
      voteId,
    ]);
  }

  async file(manager: EntityManager, id: string, filedOn: string, reference: string): Promise<void> {
    await manager.query(`UPDATE deliberation_conventions SET filed_on = $2, filing_reference = $3 WHERE id = $1`, [
      id,
      filedOn,
      reference,
    ]);
  }

  /** The vote as adoption reads it, or undefined. */
  async vote(manager: EntityManager, voteId: string): Promise<ConventionVote | undefined> {
    const [row] = await queryRows<{
      id: string;
      convention_id: string | null;
      status: string;
      electorate: string;
      pass_rule: string;
      outcome: string | null;
    }>(
      manager,
      `SELECT id, convention_id, status, electorate, pass_rule, result->>'outcome' AS outcome
         FROM deliberation_votes WHERE id = $1`,
      [voteId],
    );
    return row
      ? {
          id: row.id,
          conventionId: row.convention_id,
          status: row.status,
          electorate: row.electorate,
          passRule: row.pass_rule,
          outcome: row.outcome,
        }
      : undefined;
  }

  /**
   * Up to `limit + 1` versions `visible` (on the alias `c`) lets the caller see, newest first
   * (by community, then version). `unitId`: one community's versions only.
   */
  async list(
    visible: SqlCondition,
    filter: { unitId?: string; after?: [string, string]; limit: number },
  ): Promise<ConventionRecord[]> {
    const conditions = [visible.sql];
    const params: Record<string, unknown> = { ...visible.params, limit: filter.limit + 1 };
    if (filter.unitId) {
      conditions.push('c.unit_id = :unitId');
      params.unitId = filter.unitId;
    }
    if (filter.after) {
      conditions.push('(c.created_at, c.id) < (:afterAt::timestamptz, :afterId::uuid)');
      params.afterAt = filter.after[0];
      params.afterId = filter.after[1];
    }
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT ${COLUMNS} FROM deliberation_conventions c WHERE ${conditions.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT :limit`,
      params,
    );
    return (await queryRows<ConventionRow>(this.dataSource.manager, sql, values)).map(toRecord);
  }
}
