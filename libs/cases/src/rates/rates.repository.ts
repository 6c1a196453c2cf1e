import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows } from '@linli/platform';
import { DataSource } from 'typeorm';
import { CaseCounts } from './case-rates';

/** The counts of cases received in a period (`reported_at` in it). */
const RECEIVED = `count(*)::int AS received,
  count(*) FILTER (WHERE responded_at IS NOT NULL AND responded_at <= response_due_at)::int AS responded,
  count(*) FILTER (WHERE status = 'rejected')::int AS rejected,
  count(*) FILTER (WHERE status = 'closed')::int AS resolved,
  count(*) FILTER (WHERE visited_at IS NOT NULL)::int AS visited,
  count(*) FILTER (WHERE visited_at IS NOT NULL AND satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
  count(*) FILTER (WHERE rework_count > 0 AND status <> 'rejected')::int AS reworked,
  count(*) FILTER (WHERE channel = 'grid_patrol')::int AS grid_found`;

/** The counts of cases due in a period (`resolve_due_at` in it and passed). */
const DUE = `count(*)::int AS due, count(*) FILTER (WHERE status = 'suspended')::int AS suspended,
  count(*) FILTER (WHERE closed_on_time)::int AS closed_on_time`;

interface ReceivedRow {
  received: number;
  responded: number;
  rejected: number;
  resolved: number;
  visited: number;
  satisfied: number;
  reworked: number;
  grid_found: number;
}

interface DueRow {
  due: number;
  suspended: number;
  closed_on_time: number;
}

export type PeriodCounts = CaseCounts & { gridFound: number };

const EMPTY_RECEIVED: ReceivedRow = {
  received: 0,
  responded: 0,
  rejected: 0,
  resolved: 0,
  visited: 0,
  satisfied: 0,
  reworked: 0,
  grid_found: 0,
};

/** The counts of a unit with no case in the period. */
export function emptyCounts(): PeriodCounts {
  return counts(undefined, undefined);
}

function counts(received: ReceivedRow | undefined, due: DueRow | undefined): PeriodCounts {
  const r = received ?? EMPTY_RECEIVED;
  return {
    received: r.received,
    responded: r.responded,
    rejected: r.rejected,
    resolved: r.resolved,
    visited: r.visited,
    satisfied: r.satisfied,
    reworked: r.reworked,
    gridFound: r.grid_found,
    due: due?.due ?? 0,
    suspended: due?.suspended ?? 0,
    closedOnTime: due?.closed_on_time ?? 0,
  };
}

/** Read-side SQL of the rates: two aggregates per subtree (or per prefix of the unit paths). */
@Injectable()
export class RatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async within(path: string, period: { start: Date; end: Date }, now: Date): Promise<PeriodCounts> {
    const subtree = `(unit_path = $1 OR unit_path LIKE $2)`;
    const params = [path, descendantsPattern(path), period.start, period.end];
    const [received] = await queryRows<ReceivedRow>(
      this.dataSource.manager,
      `SELECT ${RECEIVED} FROM cases WHERE ${subtree} AND reported_at >= $3 AND reported_at < $4`,
      params,
    );
    const [due] = await queryRows<DueRow>(
      this.dataSource.manager,
      `SELECT ${DUE} FROM cases WHERE ${subtree} AND status <> 'rejected'
         AND resolve_due_at >= $3 AND resolve_due_at < least($4::timestamptz, $5::timestamptz)`,
      [...params, now],
    );
    return counts(received, due);
  }

  /** prefix of `depth` labels (a community's or street's path) → its counts, for every unit path that deep. */
  async byPrefix(depth: number, period: { start: Date; end: Date }, now: Date): Promise<Map<string, PeriodCounts>> {
    const prefix = `array_to_string((string_to_array(unit_path, '.'))[1:$1], '.')`;
    const deep = `cardinality(string_to_array(unit_path, '.')) >= $1`;
    const received = await queryRows<ReceivedRow & { prefix: string }>(
      this.dataSource.manager,
      `SELECT ${prefix} AS prefix, ${RECEIVED} FROM cases
        WHERE reported_at >= $2 AND reported_at < $3 AND ${deep} GROUP BY 1`,
      [depth, period.start, period.end],
    );
    const due = await queryRows<DueRow & { prefix: string }>(
      this.dataSource.manager,
      `SELECT ${prefix} AS prefix, ${DUE} FROM cases
        WHERE status <> 'rejected' AND resolve_due_at >= $2 AND resolve_due_at < least($3::timestamptz, $4::timestamptz)
          AND ${deep} GROUP BY 1`,
      [depth, period.start, period.end, now],
    );
    const dueOf = new Map(due.map((row) => [row.prefix, row]));
    const result = new Map<string, PeriodCounts>();
    for (const row of received) result.set(row.prefix, counts(row, dueOf.get(row.prefix)));
    for (const row of due) if (!result.has(row.prefix)) result.set(row.prefix, counts(undefined, row));
    return result;
  }
}
