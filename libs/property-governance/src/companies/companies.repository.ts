import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { PropertyCompanyDto, PropertyCompanyScoreDto, PropertyContractDto } from './dto/property-company.dto';

interface CompanyRow {
  id: string;
  name: string;
  credit_code: string;
  party_organization_id: string | null;
  created_at: Date;
}

export interface ContractRow {
  id: string;
  company_id: string;
  company_name: string;
  complex_id: string;
  unit_path: string;
  starts_on: string;
  ends_on: string | null;
  hiring_decision_id: string | null;
  ended_reason: string | null;
  created_at: Date;
}

const CONTRACT_COLUMNS = `c.id, c.company_id, co.name AS company_name, c.complex_id, c.unit_path, c.starts_on::text AS starts_on,
  c.ends_on::text AS ends_on, c.hiring_decision_id, c.ended_reason, c.created_at`;

export const companyView = (row: CompanyRow): PropertyCompanyDto => ({
  id: row.id,
  name: row.name,
  creditCode: row.credit_code,
  partyOrganizationId: row.party_organization_id,
  createdAt: row.created_at.toISOString(),
});

export const contractView = (row: ContractRow): PropertyContractDto => ({
  id: row.id,
  companyId: row.company_id,
  companyName: row.company_name,
  complexId: row.complex_id,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  hiringDecisionId: row.hiring_decision_id,
  endedReason: row.ended_reason,
  createdAt: row.created_at.toISOString(),
});

/** Named `:param` placeholders of a SqlCondition turned into positional ones after `offset`. */
export function positional(condition: SqlCondition, offset: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const sql = condition.sql.replace(/:(\w+)/g, (whole, name: string) => {
    if (!(name in condition.params)) return whole;
    params.push(condition.params[name]);
    return `$${offset + params.length}`;
  });
  return { sql, params };
}

/** SQL of property companies and their service contracts. */
@Injectable()
export class CompaniesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the company; undefined when the credit code is taken (ON CONFLICT, safe under races). */
  async insertCompany(
    manager: EntityManager,
    company: { name: string; creditCode: string; partyOrganizationId: string | null; userId: string; now: Date },
  ): Promise<PropertyCompanyDto | undefined> {
    const rows = await queryRows<CompanyRow>(
      manager,
      `INSERT INTO property_companies (name, credit_code, party_organization_id, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (credit_code) DO NOTHING
       RETURNING id, name, credit_code, party_organization_id, created_at`,
      [company.name, company.creditCode, company.partyOrganizationId, company.userId, company.now],
    );
    return rows[0] ? companyView(rows[0]) : undefined;
  }

  async company(id: string, manager: EntityManager = this.dataSource.manager): Promise<PropertyCompanyDto | undefined> {
    const rows = await queryRows<CompanyRow>(
      manager,
      `SELECT id, name, credit_code, party_organization_id, created_at FROM property_companies WHERE id = $1`,
      [id],
    );
    return rows[0] ? companyView(rows[0]) : undefined;
  }

  /** Companies by name then id, keyset on (name, id) encoded by the caller. */
  async companies(after: { name: string; id: string } | undefined, limit: number): Promise<PropertyCompanyDto[]> {
    const rows = await queryRows<CompanyRow>(
      this.dataSource.manager,
      `SELECT id, name, credit_code, party_organization_id, created_at FROM property_companies
        WHERE ($1::text IS NULL OR (name, id) > ($1, $2::uuid)) ORDER BY name, id LIMIT $3`,
      [after?.name ?? null, after?.id ?? null, limit + 1],
    );
    return rows.map(companyView);
  }

  async contracts(
    visible: SqlCondition,
    filter: { companyId?: string; complexId?: string; after?: [string, string]; limit: number },
  ): Promise<ContractRow[]> {
    const scope = positional(visible, 4);
    return queryRows<ContractRow>(
      this.dataSource.manager,
      `SELECT ${CONTRACT_COLUMNS} FROM property_contracts c JOIN property_companies co ON co.id = c.company_id
        WHERE ($1::uuid IS NULL OR c.company_id = $1) AND ($2::uuid IS NULL OR c.complex_id = $2)
          AND ($3::timestamptz IS NULL OR (c.created_at, c.id) < ($3, $4::uuid)) AND ${scope.sql}
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${filter.limit + 1}`,
      [
        filter.companyId ?? null,
        filter.complexId ?? null,
        filter.after?.[0] ?? null,
        filter.after?.[1] ?? null,
        ...scope.params,
      ],
    );
  }

  async contract(manager: EntityManager, id: string, lock = false): Promise<ContractRow | undefined> {
    const rows = await queryRows<ContractRow>(
      manager,
      `SELECT ${CONTRACT_COLUMNS} FROM property_contracts c JOIN property_companies co ON co.id = c.company_id
        WHERE c.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** The complex's contracts running on or after `on` (not ended before it), locked. */
  async runningFrom(manager: EntityManager, complexId: string, on: string): Promise<ContractRow[]> {
    return queryRows<ContractRow>(
      manager,
      `SELECT ${CONTRACT_COLUMNS} FROM property_contracts c JOIN property_companies co ON co.id = c.company_id
        WHERE c.complex_id = $1 AND (c.ends_on IS NULL OR c.ends_on >= $2::date) FOR UPDATE OF c`,
      [complexId, on],
    );
  }

  async endContract(manager: EntityManager, id: string, endsOn: string, reason: string): Promise<void> {
    await manager.query(`UPDATE property_contracts SET ends_on = $2::date, ended_reason = $3 WHERE id = $1`, [
      id,
      endsOn,
      reason,
    ]);
  }

  async insertContract(
    manager: EntityManager,
    contract: {
      companyId: string;
      complexId: string;
      unitPath: string;
      startsOn: string;
      endsOn: string | null;
      hiringDecisionId: string | null;
      userId: string;
      now: Date;
    },
  ): Promise<string> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO property_contracts (company_id, complex_id, unit_path, starts_on, ends_on, hiring_decision_id, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4::date, $5::date, $6, $7, $8) RETURNING id`,
      [
        contract.companyId,
        contract.complexId,
        contract.unitPath,
        contract.startsOn,
        contract.endsOn,
        contract.hiringDecisionId,
        contract.userId,
        contract.now,
      ],
    );
    return rows[0].id;
  }

  /** The hiring decision's facts (property_decisions, this module's own table). */
  async decision(
    manager: EntityManager,
    id: string,
  ): Promise<{ complex_id: string; matter: string; status: string; outcome: string | null } | undefined> {
    const rows = await queryRows<{ complex_id: string; matter: string; status: string; outcome: string | null }>(
      manager,
      `SELECT complex_id, matter, status, result->>'outcome' AS outcome FROM property_decisions WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** The company's published score of the latest campaign per complex, among visible complexes. */
  async latestScores(companyId: string, visible: SqlCondition): Promise<PropertyCompanyScoreDto[]> {
    const scope = positional(visible, 1);
    const rows = await queryRows<{
      campaign_id: string;
      period: string;
      complex_id: string;
      score: string;
      grade: string;
      published_at: Date;
    }>(
      this.dataSource.manager,
      `SELECT DISTINCT ON (r.complex_id) r.campaign_id, k.period, r.complex_id, r.score::text AS score, r.grade, k.published_at
         FROM property_evaluation_results r JOIN property_evaluation_campaigns k ON k.id = r.campaign_id
        WHERE r.company_id = $1 AND k.status = 'published' AND ${scope.sql}
        ORDER BY r.complex_id, k.published_at DESC`,
      [companyId, ...scope.params],
    );
    return rows.map((row) => ({
      campaignId: row.campaign_id,
      period: row.period,
      complexId: row.complex_id,
      score: Number(row.score),
      grade: row.grade,
      publishedAt: row.published_at.toISOString(),
    }));
  }
}
