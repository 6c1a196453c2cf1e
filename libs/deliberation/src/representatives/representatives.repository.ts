import { Injectable } from '@nestjs/common';
import { queryRows, SqlCondition, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface RepresentativeRecord {
  id: string;
  unitId: string;
  unitPath: string;
  personId: string;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
  createdByUserId: string;
  createdAt: Date;
}

interface RepresentativeRow {
  id: string;
  unit_id: string;
  unit_path: string;
  person_id: string;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  created_by_user_id: string;
  created_at: Date;
}

const COLUMNS = `id, unit_id, unit_path, person_id, to_char(started_on, 'YYYY-MM-DD') AS started_on,
  to_char(ended_on, 'YYYY-MM-DD') AS ended_on, end_reason, created_by_user_id, created_at`;

function toRecord(row: RepresentativeRow): RepresentativeRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    personId: row.person_id,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    endReason: row.end_reason,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  };
}

/** The representatives roll (`deliberation_representatives`): one active mandate per (unit, person). */
@Injectable()
export class RepresentativesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Answers the new mandate's id, or undefined when the person already represents the unit. */
  async insert(
    manager: EntityManager,
    row: { unitId: string; unitPath: string; personId: string; startedOn: string; createdByUserId: string; at: Date },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_representatives (unit_id, unit_path, person_id, started_on, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4::date, $5, $6)
       ON CONFLICT (unit_id, person_id) WHERE ended_on IS NULL DO NOTHING RETURNING id`,
      [row.unitId, row.unitPath, row.personId, row.startedOn, row.createdByUserId, row.at],
    );
    return rows[0]?.id;
  }

  async readOne(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<RepresentativeRecord | undefined> {
    const rows = await queryRows<RepresentativeRow>(
      manager,
      `SELECT ${COLUMNS} FROM deliberation_representatives WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async end(manager: EntityManager, id: string, endedOn: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE deliberation_representatives SET ended_on = $2::date, end_reason = $3 WHERE id = $1 AND ended_on IS NULL`,
      [id, endedOn, reason],
    );
  }

  /** Up to `limit + 1` mandates in scope (a condition on `r.unit_path`), newest first. */
  async page(
    scope: SqlCondition,
    filter: { unitPath?: string; includeEnded: boolean; after?: [string, string]; limit: number },
  ): Promise<RepresentativeRecord[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(COLUMNS)
      .from('deliberation_representatives', 'r')
      .where(scope.sql, scope.params);
    if (filter.unitPath !== undefined) {
      const within = unitPathCondition('r.unit_path', [filter.unitPath], 'within');
      qb.andWhere(within.sql, within.params);
    }
    if (!filter.includeEnded) qb.andWhere('r.ended_on IS NULL');
    if (filter.after)
      qb.andWhere('(r.created_at, r.id) < (:afterAt::timestamptz, :afterId::uuid)', {
        afterAt: filter.after[0],
        afterId: filter.after[1],
      });
    const rows: RepresentativeRow[] = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(filter.limit + 1)
      .getRawMany();
    return rows.map(toRecord);
  }
}
