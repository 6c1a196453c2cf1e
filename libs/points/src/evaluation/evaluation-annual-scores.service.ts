import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { OwnerType } from '../ledger/points-owner';
import { EVALUATION_POINTS_FACTOR } from './evaluation-scoring';

export interface AnnualEvaluation {
  ownerType: OwnerType;
  ownerId: string;
  /** Mean weighted score of every submission about the owner in the year's campaigns (0–100). */
  score: number;
  /** `round(score × EVALUATION_POINTS_FACTOR)`: what the year's Q4 assessment adds as evaluation points. */
  points: number;
}

/**
 * Per rated member (person) and organization of the year `yearParam` (a SQL parameter such as `$12`):
 * `owner_type, owner_id, score` (mean weighted score, two decimals) and `points` (evaluation points).
 */
export function annualEvaluationSql(yearParam: string): string {
  return `
    SELECT a.ratee_type AS owner_type, a.ratee_id AS owner_id, round(avg(s.weighted_score), 2) AS score,
           round(round(avg(s.weighted_score), 2) * ${EVALUATION_POINTS_FACTOR})::int AS points
    FROM point_evaluation_submissions s
    JOIN point_evaluation_assignments a ON a.id = s.assignment_id
    JOIN point_evaluation_campaigns c ON c.id = s.campaign_id
    WHERE c.year = ${yearParam}::int AND a.ratee_type IN ('person', 'organization')
    GROUP BY a.ratee_type, a.ratee_id`;
}

/**
 * The annual two-way evaluation result per rated member (person) and organization, for the
 * assessment of the year's fourth quarter. Communities are rated too, but are no assessment owners.
 */
@Injectable()
export class EvaluationAnnualScores {
  constructor(private readonly dataSource: DataSource) {}

  async ofYear(year: number, manager: EntityManager = this.dataSource.manager): Promise<AnnualEvaluation[]> {
    const rows = await queryRows<{ owner_type: OwnerType; owner_id: string; score: string; points: number }>(
      manager,
      `${annualEvaluationSql('$1')} ORDER BY 1, 2`,
      [year],
    );
    return rows.map((r) => ({
      ownerType: r.owner_type,
      ownerId: r.owner_id,
      score: Number(r.score),
      points: Number(r.points),
    }));
  }
}
