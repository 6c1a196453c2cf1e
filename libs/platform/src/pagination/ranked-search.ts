import { EntityManager } from 'typeorm';
import { UnitScope, unitPathCondition } from '../auth/unit-scope';
import { toPositional } from '../database/named-parameters';
import { queryRows } from '../database/query-rows';
import { escapeLike } from '../database/sql-text';
import { decodeCursor, encodeCursor, invalidCursor, Page } from './page';
import { PageQueryDto } from './page-query.dto';

/** A search over one table of rows placed in the unit tree (units by their own path, people by residence). */
export interface RankedSearchQuery {
  /** The table (trusted SQL, the caller's own). */
  table: string;
  /** The row's unit path column: scope filter and closeness. */
  pathColumn: string;
  /** The column the results are named and sorted by (after closeness and match). */
  nameColumn: string;
  /** Further columns `q` is matched against (e.g. a unit's code). */
  alsoMatch?: string[];
  /** Further conditions with `:name` parameters (names must not start with `rs_`). */
  where?: { sql: string; params: Record<string, unknown> }[];
  /** Columns of the row to answer with each hit (trusted SQL, `id` among them); only `id` by default. */
  columns?: string;
}

/** One hit: the row's id and how many levels it lies below the nearest unit of the scope. */
export interface RankedHit {
  id: string;
  distance: number;
}

/** `(col)` as a count of `.` separators: the depth of a path below its root. */
const dots = (column: string) => `(length(${column}) - length(replace(${column}, '.', '')))`;

/**
 * How many levels `pathColumn` lies below the scope unit that covers it: the scope's paths never
 * nest (`scopeOf`), so exactly one covers an in-scope row. Under the scope 'all', the depth itself.
 */
function distanceSql(pathColumn: string, scope: UnitScope, params: Record<string, unknown>): string {
  if (scope === 'all') return dots(pathColumn);
  const branches = scope.map((path, i) => {
    params[`rs_eq${i}`] = path;
    params[`rs_like${i}`] = `${escapeLike(path)}.%`;
    const depth = path.split('.').length - 1;
    return `WHEN ${pathColumn} = :rs_eq${i} OR ${pathColumn} LIKE :rs_like${i} THEN ${dots(pathColumn)} - ${depth}`;
  });
  return `CASE ${branches.join(' ')} END`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeRankCursor(cursor: string): [number, number, string, string] {
  const [distance, match, name, id] = decodeCursor(cursor, 4);
  if (
    !Number.isInteger(distance) ||
    !Number.isInteger(match) ||
    typeof name !== 'string' ||
    typeof id !== 'string' ||
    !UUID.test(id)
  )
    throw invalidCursor();
  return [distance as number, match as number, name, id];
}

/**
 * A name search within `scope`, ranked by closeness to the caller's units (fewest levels below the
 * nearest unit they hold the permission at), then by how well the name matches (whole, start,
 * anywhere; case-insensitive), then by name. Keyset-paginated over that order: a page never
 * repeats or skips a row that did not change.
 */
export async function searchRanked<R = object>(
  manager: EntityManager,
  query: RankedSearchQuery,
  scope: UnitScope,
  q: string,
  page: PageQueryDto,
): Promise<Page<RankedHit & R>> {
  const limit = page.limit ?? 20;
  const params: Record<string, unknown> = {
    rs_q: q,
    rs_start: `${escapeLike(q)}%`,
    rs_any: `%${escapeLike(q)}%`,
    rs_limit: limit + 1,
  };
  const matched = [query.nameColumn, ...(query.alsoMatch ?? [])];
  const scopeCondition = unitPathCondition(query.pathColumn, scope, 'rs_scope');
  Object.assign(params, scopeCondition.params);
  const where = [
    scopeCondition.sql,
    matched.map((column) => `${column} ILIKE :rs_any`).join(' OR '),
    ...(query.where ?? []).map((condition) => {
      Object.assign(params, condition.params);
      return condition.sql;
    }),
  ];
  const match = `CASE WHEN ${matched.map((c) => `lower(${c}) = lower(:rs_q)`).join(' OR ')} THEN 0
    WHEN ${matched.map((c) => `${c} ILIKE :rs_start`).join(' OR ')} THEN 1 ELSE 2 END`;
  let after = '';
  if (page.cursor) {
    const [distance, rank, name, id] = decodeRankCursor(page.cursor);
    Object.assign(params, { rs_c_distance: distance, rs_c_match: rank, rs_c_name: name, rs_c_id: id });
    after = `WHERE (distance, match, rs_name, id) > (:rs_c_distance::int, :rs_c_match::int, :rs_c_name::text, :rs_c_id::uuid)`;
  }
  const statement = toPositional(
    `SELECT * FROM (
       SELECT ${query.columns ?? 'id'}, ${query.nameColumn}::text AS rs_name, (${distanceSql(query.pathColumn, scope, params)})::int AS distance,
              (${match})::int AS match
         FROM ${query.table}
        WHERE ${where.map((sql) => `(${sql})`).join(' AND ')}
     ) ranked ${after}
     ORDER BY distance, match, rs_name, id LIMIT :rs_limit`,
    params,
  );
  const rows = await queryRows<RankedHit & R & { match: number; rs_name: string }>(
    manager,
    statement.sql,
    statement.params,
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    // The ranking's own columns stay out of the answer.
    items: items.map(({ match: _match, rs_name: _name, ...hit }) => hit as unknown as RankedHit & R),
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor([last.distance, last.match, last.rs_name, last.id])
        : null,
  };
}
