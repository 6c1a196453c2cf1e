import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ProposalRecord, ProposalStatus } from './proposal-record';

interface ProposalRow {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  description: string;
  category: string;
  proposer_person_id: string;
  proposer_user_id: string;
  status: ProposalStatus;
  threshold: number;
  cosigner_count: number;
  topic_id: string | null;
  adopted_at: Date | null;
  created_at: Date;
}

function toRecord(row: ProposalRow): ProposalRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    title: row.title,
    description: row.description,
    category: row.category,
    proposerPersonId: row.proposer_person_id,
    proposerUserId: row.proposer_user_id,
    status: row.status,
    threshold: row.threshold,
    cosignerCount: row.cosigner_count,
    topicId: row.topic_id,
    adoptedAt: row.adopted_at,
    createdAt: row.created_at,
  };
}

export type NewProposal = Pick<
  ProposalRecord,
  | 'unitId'
  | 'unitPath'
  | 'title'
  | 'description'
  | 'category'
  | 'proposerPersonId'
  | 'proposerUserId'
  | 'threshold'
  | 'createdAt'
>;

export interface ProposalFilter {
  /** At or below this unit. */
  unitPath?: string;
  status?: ProposalStatus;
  /** Keyset: after (created_at, id), newest first. */
  after?: [string, string];
  limit: number;
}

/** Resident proposals (`deliberation_proposals`) and their co-signers (`deliberation_proposal_cosigners`). */
@Injectable()
export class ProposalsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, proposal: NewProposal): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_proposals (unit_id, unit_path, title, description, category, proposer_person_id,
                                           proposer_user_id, threshold, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        proposal.unitId,
        proposal.unitPath,
        proposal.title,
        proposal.description,
        proposal.category,
        proposal.proposerPersonId,
        proposal.proposerUserId,
        proposal.threshold,
        proposal.createdAt,
      ],
    );
    return row.id;
  }

  /** The proposal, or undefined. `lock` takes its row lock (co-signatures queue on it). */
  async readOne(
    manager: EntityManager = this.dataSource.manager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ProposalRecord | undefined> {
    const rows = await queryRows<ProposalRow>(
      manager,
      `SELECT * FROM deliberation_proposals WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** Records the co-signature; false when the person had co-signed already. Counts it on the proposal. */
  async addCosigner(manager: EntityManager, proposalId: string, personId: string, at: Date): Promise<boolean> {
    const inserted = await queryRows<{ person_id: string }>(
      manager,
      `INSERT INTO deliberation_proposal_cosigners (proposal_id, person_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [proposalId, personId, at],
    );
    if (inserted.length === 0) return false;
    await manager.query(`UPDATE deliberation_proposals SET cosigner_count = cosigner_count + 1 WHERE id = $1`, [
      proposalId,
    ]);
    return true;
  }

  async markAdopted(manager: EntityManager, proposalId: string, topicId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE deliberation_proposals SET status = 'adopted', topic_id = $2, adopted_at = $3 WHERE id = $1`,
      [proposalId, topicId, at],
    );
  }

  async markWithdrawn(manager: EntityManager, proposalId: string): Promise<void> {
    await manager.query(`UPDATE deliberation_proposals SET status = 'withdrawn' WHERE id = $1`, [proposalId]);
  }

  /** Of `proposalIds`, those `personId` co-signed. */
  async cosignedBy(manager: EntityManager, proposalIds: string[], personId: string): Promise<Set<string>> {
    if (proposalIds.length === 0) return new Set();
    const rows = await queryRows<{ proposal_id: string }>(
      manager,
      `SELECT proposal_id FROM deliberation_proposal_cosigners WHERE proposal_id = ANY($1::uuid[]) AND person_id = $2`,
      [proposalIds, personId],
    );
    return new Set(rows.map((row) => row.proposal_id));
  }

  /** Up to `limit + 1` proposals `visible` (on the alias `p`) lets the caller see, newest first. */
  async list(visible: SqlCondition, filter: ProposalFilter): Promise<ProposalRecord[]> {
    const conditions = [visible.sql];
    const params: Record<string, unknown> = { ...visible.params, limit: filter.limit + 1 };
    if (filter.unitPath !== undefined) {
      conditions.push(`(p.unit_path = :unitPath OR starts_with(p.unit_path, :unitPath || '.'))`);
      params.unitPath = filter.unitPath;
    }
    if (filter.status) {
      conditions.push('p.status = :status');
      params.status = filter.status;
    }
    if (filter.after) {
      conditions.push('(p.created_at, p.id) < (:afterAt::timestamptz, :afterId::uuid)');
      params.afterAt = filter.after[0];
      params.afterId = filter.after[1];
    }
    const [sql, values] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT p.* FROM deliberation_proposals p WHERE ${conditions.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT :limit`,
      params,
    );
    return (await queryRows<ProposalRow>(this.dataSource.manager, sql, values)).map(toRecord);
  }
}
