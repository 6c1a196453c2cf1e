import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface RankingRow {
  unit_id: string;
  unit_path: string;
  kind: 'street' | 'community';
  rank: number | null;
  score: string | null;
  figures: Record<string, unknown>;
  ranked: number;
}

/** SQL of the monthly rankings (`case_rankings`). */
@Injectable()
export class RankingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Replaces the period's rankings (a rerun recomputes them). */
  async replace(
    manager: EntityManager,
    period: string,
    rows: {
      unitId: string;
      unitPath: string;
      kind: string;
      rank: number | null;
      score: number | null;
      figures: unknown;
    }[],
    at: Date,
  ): Promise<void> {
    await manager.query(`DELETE FROM case_rankings WHERE period = $1`, [period]);
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO case_rankings (period, unit_id, unit_path, kind, rank, score, figures, computed_at)
       SELECT $1, r.unit_id, r.unit_path, r.kind, r.rank, r.score, r.figures, $3
         FROM jsonb_to_recordset($2::jsonb) AS r(unit_id uuid, unit_path text, kind text, rank int, score numeric, figures jsonb)`,
      [
        period,
        JSON.stringify(
          rows.map((row) => ({
            unit_id: row.unitId,
            unit_path: row.unitPath,
            kind: row.kind,
            rank: row.rank,
            score: row.score,
            figures: row.figures,
          })),
        ),
        at,
      ],
    );
  }

  async list(
    visible: SqlCondition,
    filter: { period: string; kind: string; unitPath?: string },
  ): Promise<RankingRow[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(['k.unit_id', 'k.unit_path', 'k.kind', 'k.rank', 'k.score', 'k.figures', 'k.ranked'])
      .from(
        (sub) =>
          sub
            .select('r.*')
            .addSelect('count(r.rank) OVER ()::int', 'ranked')
            .from('case_rankings', 'r')
            .where('r.period = :period AND r.kind = :kind', { period: filter.period, kind: filter.kind }),
        'k',
      )
      .where(visible.sql, visible.params);
    if (filter.unitPath)
      qb.andWhere('(k.unit_path = :unitPath OR k.unit_path LIKE :unitPrefix)', {
        unitPath: filter.unitPath,
        unitPrefix: descendantsPattern(filter.unitPath),
      });
    return (await qb
      .orderBy('k.rank', 'ASC', 'NULLS LAST')
      .addOrderBy('k.unit_path')
      .limit(1000)
      .getRawMany()) as RankingRow[];
  }

  /** Whether the period has been ranked. */
  async exists(period: string): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(
      this.dataSource.manager,
      `SELECT 1 AS one FROM case_rankings WHERE period = $1 LIMIT 1`,
      [period],
    );
    return rows.length > 0;
  }
}
