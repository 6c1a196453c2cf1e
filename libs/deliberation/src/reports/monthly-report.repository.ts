import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TOPIC_STEPS } from '../topics/topic-steps';

/** A community the report is computed for. */
export interface ReportCommunity {
  id: string;
  path: string;
}

/** Days spent in one step by the topics that left it in the month: the average and how many left. */
export interface StepDays {
  days: number;
  n: number;
}

/** One community's figures for one month, as stored in `deliberation_monthly_reports`. */
export interface CommunityMonth {
  unitId: string;
  unitPath: string;
  meetingsHeld: number;
  topicsByStep: Record<string, number>;
  opinionsCollected: number;
  proposalsAdopted: number;
  stepDays: Record<string, StepDays>;
  ratingsCount: number;
  ratingsSum: number;
}

/** The sum of the stored rows of a subtree for one month. */
export interface ReportTotals {
  communities: number;
  computedAt: Date | null;
  meetingsHeld: number;
  topicsByStep: Record<string, number>;
  opinionsCollected: number;
  proposalsAdopted: number;
  stepDays: Record<string, StepDays>;
  ratingsCount: number;
  ratingsSum: number;
}

/** Step order, to break ties between step changes recorded at the same instant (forward moves last). */

/**
 * The communities of the computation as a relation, and the community a row belongs to. Communities
 * sit at one fixed depth, so a row at the community or below belongs to the community whose path is
 * the first `depth` labels of its own (the same as `unit_path = c.path OR unit_path LIKE c.path || '.%'`,
 * but a hash join instead of one pattern match per community and row).
 */
const COMMUNITIES = `c AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS c(id, path))`;
const communityOf = (column: string) => `array_to_string((string_to_array(${column}, '.'))[1:$3::int], '.')`;

/**
 * SQL of the monthly report: one statement per aggregate for every community at once (rows of
 * deliberation's own tables whose unit path lies within the community), the upsert of all the
 * communities' rows in one statement, and the sums of a subtree's stored rows.
 */
@Injectable()
export class MonthlyReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async compute(
    manager: EntityManager,
    communities: ReportCommunity[],
    depth: number,
    period: { start: Date; end: Date },
  ): Promise<CommunityMonth[]> {
    const rows = new Map<string, CommunityMonth>(
      communities.map((c) => [
        c.id,
        {
          unitId: c.id,
          unitPath: c.path,
          meetingsHeld: 0,
          topicsByStep: Object.fromEntries(TOPIC_STEPS.map((step) => [step, 0])),
          opinionsCollected: 0,
          proposalsAdopted: 0,
          stepDays: {},
          ratingsCount: 0,
          ratingsSum: 0,
        },
      ]),
    );
    if (communities.length === 0) return [];
    const params = [communities.map((c) => c.id), communities.map((c) => c.path), depth, period.start, period.end];
    const run = <T>(sql: string) => queryRows<T & { id: string }>(manager, sql, params);
    const row = (id: string) => rows.get(id) as CommunityMonth;

    for (const r of await run<{ n: number }>(
      `WITH ${COMMUNITIES}
       SELECT c.id, count(*)::int AS n FROM deliberation_meetings m JOIN c ON c.path = ${communityOf('m.unit_path')}
       WHERE m.status = 'held' AND m.starts_at >= $4::timestamptz AND m.starts_at < $5::timestamptz GROUP BY c.id`,
    ))
      row(r.id).meetingsHeld = r.n;

    for (const r of await run<{ n: number }>(
      `WITH ${COMMUNITIES}
       SELECT c.id, count(*)::int AS n FROM deliberation_opinions o
       JOIN deliberation_topics t ON t.id = o.topic_id JOIN c ON c.path = ${communityOf('t.unit_path')}
       WHERE o.created_at >= $4::timestamptz AND o.created_at < $5::timestamptz GROUP BY c.id`,
    ))
      row(r.id).opinionsCollected = r.n;

    for (const r of await run<{ n: number }>(
      `WITH ${COMMUNITIES}
       SELECT c.id, count(*)::int AS n FROM deliberation_proposals p JOIN c ON c.path = ${communityOf('p.unit_path')}
       WHERE p.adopted_at >= $4::timestamptz AND p.adopted_at < $5::timestamptz GROUP BY c.id`,
    ))
      row(r.id).proposalsAdopted = r.n;

    for (const r of await run<{ n: number; total: number }>(
      `WITH ${COMMUNITIES}
       SELECT c.id, count(*)::int AS n, coalesce(sum(x.score), 0)::int AS total FROM deliberation_ratings x
       JOIN deliberation_topics t ON t.id = x.topic_id JOIN c ON c.path = ${communityOf('t.unit_path')}
       WHERE x.created_at >= $4::timestamptz AND x.created_at < $5::timestamptz GROUP BY c.id`,
    )) {
      row(r.id).ratingsCount = r.n;
      row(r.id).ratingsSum = r.total;
    }

    // The step each still-active topic (created before the month's end) was in at the month's end.
    for (const r of await run<{ step: string; n: number }>(
      `WITH ${COMMUNITIES},
       latest AS (
         SELECT DISTINCT ON (s.topic_id) s.topic_id, s.to_step FROM deliberation_step_changes s
         WHERE s.changed_at < $5::timestamptz AND $4::timestamptz IS NOT NULL
         ORDER BY s.topic_id, s.seq DESC)
       SELECT c.id, l.to_step AS step, count(*)::int AS n FROM latest l
       JOIN deliberation_topics t ON t.id = l.topic_id AND t.status = 'active'
       JOIN c ON c.path = ${communityOf('t.unit_path')}
       GROUP BY c.id, l.to_step`,
    ))
      row(r.id).topicsByStep[r.step] = r.n;

    // Days between a change completed in the month and the topic's previous change, by the step left.
    for (const r of await run<{ step: string; days: string; n: number }>(
      `WITH ${COMMUNITIES},
       timed AS (
         SELECT s.topic_id, s.from_step, s.changed_at,
                s.changed_at - lag(s.changed_at) OVER (
                  PARTITION BY s.topic_id ORDER BY s.seq) AS spent
         FROM deliberation_step_changes s
         WHERE s.topic_id IN (SELECT topic_id FROM deliberation_step_changes WHERE changed_at >= $4::timestamptz AND changed_at < $5::timestamptz)
           AND s.changed_at < $5::timestamptz)
       SELECT c.id, x.from_step AS step, avg(extract(epoch FROM x.spent) / 86400)::numeric(12, 4)::text AS days,
              count(*)::int AS n
       FROM timed x JOIN deliberation_topics t ON t.id = x.topic_id JOIN c ON c.path = ${communityOf('t.unit_path')}
       WHERE x.changed_at >= $4::timestamptz AND x.from_step IS NOT NULL AND x.spent IS NOT NULL
       GROUP BY c.id, x.from_step`,
    ))
      row(r.id).stepDays[r.step] = { days: Number(r.days), n: r.n };

    return [...rows.values()];
  }

  /** Inserts or replaces every community's row of `period` in one statement. */
  async upsert(manager: EntityManager, period: string, months: CommunityMonth[], computedAt: Date): Promise<void> {
    if (months.length === 0) return;
    await manager.query(
      `INSERT INTO deliberation_monthly_reports
         (unit_id, unit_path, period, meetings_held, topics_by_step, opinions_collected, proposals_adopted, step_days,
          ratings_count, ratings_sum, computed_at)
       SELECT r."unitId", r."unitPath", $2, r."meetingsHeld", r."topicsByStep", r."opinionsCollected",
              r."proposalsAdopted", r."stepDays", r."ratingsCount", r."ratingsSum", $3
       FROM jsonb_to_recordset($1::jsonb) AS r("unitId" uuid, "unitPath" text, "meetingsHeld" int, "topicsByStep" jsonb,
            "opinionsCollected" int, "proposalsAdopted" int, "stepDays" jsonb, "ratingsCount" int, "ratingsSum" int)
       ON CONFLICT (unit_id, period) DO UPDATE SET
         unit_path = EXCLUDED.unit_path, meetings_held = EXCLUDED.meetings_held, topics_by_step = EXCLUDED.topics_by_step,
         opinions_collected = EXCLUDED.opinions_collected, proposals_adopted = EXCLUDED.proposals_adopted,
         step_days = EXCLUDED.step_days, ratings_count = EXCLUDED.ratings_count, ratings_sum = EXCLUDED.ratings_sum,
         computed_at = EXCLUDED.computed_at`,
      [JSON.stringify(months), period, computedAt],
    );
  }

  /**
   * Sums of the stored rows of `period`: the one community's row (`exact`), or every community row
   * at `subtree` or below. Days per step are averaged weighted by how many topics left the step.
   */
  async totals(period: string, where: { exact: string } | { subtree: string }): Promise<ReportTotals> {
    const [exact, pattern] =
      'exact' in where ? [where.exact, null] : [where.subtree, descendantsPattern(where.subtree)];
    const [row] = await queryRows<{
      communities: number;
      computed_at: Date | null;
      meetings_held: number;
      opinions_collected: number;
      proposals_adopted: number;
      ratings_count: number;
      ratings_sum: number;
      topics_by_step: Record<string, number>;
      step_days: Record<string, { days: string; n: number }>;
    }>(
      this.dataSource.manager,
      `WITH r AS (
         SELECT * FROM deliberation_monthly_reports
         WHERE period = $1 AND (unit_path = $2 OR ($3::text IS NOT NULL AND unit_path LIKE $3)))
       SELECT (SELECT count(*)::int FROM r) AS communities,
              (SELECT max(computed_at) FROM r) AS computed_at,
              (SELECT coalesce(sum(meetings_held), 0)::int FROM r) AS meetings_held,
              (SELECT coalesce(sum(opinions_collected), 0)::int FROM r) AS opinions_collected,
              (SELECT coalesce(sum(proposals_adopted), 0)::int FROM r) AS proposals_adopted,
              (SELECT coalesce(sum(ratings_count), 0)::int FROM r) AS ratings_count,
              (SELECT coalesce(sum(ratings_sum), 0)::int FROM r) AS ratings_sum,
              (SELECT coalesce(jsonb_object_agg(key, n), '{}') FROM (
                 SELECT s.key, sum(s.value::int) AS n FROM r, jsonb_each_text(r.topics_by_step) s GROUP BY s.key) x
              ) AS topics_by_step,
              (SELECT coalesce(jsonb_object_agg(key, jsonb_build_object('days', days::text, 'n', n)), '{}') FROM (
                 SELECT s.key, sum((s.value->>'days')::numeric * (s.value->>'n')::int) / sum((s.value->>'n')::int) AS days,
                        sum((s.value->>'n')::int) AS n
                 FROM r, jsonb_each(r.step_days) s GROUP BY s.key HAVING sum((s.value->>'n')::int) > 0) y
              ) AS step_days`,
      [period, exact, pattern],
    );
    return {
      communities: row.communities,
      computedAt: row.computed_at,
      meetingsHeld: row.meetings_held,
      opinionsCollected: row.opinions_collected,
      proposalsAdopted: row.proposals_adopted,
      ratingsCount: row.ratings_count,
      ratingsSum: row.ratings_sum,
      topicsByStep: row.topics_by_step,
      stepDays: Object.fromEntries(
        Object.entries(row.step_days).map(([step, value]) => [step, { days: Number(value.days), n: Number(value.n) }]),
      ),
    };
  }
}
