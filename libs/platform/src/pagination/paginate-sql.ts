import { EntityManager } from 'typeorm';
import { toPositional } from '../database/named-parameters';
import { queryRows } from '../database/query-rows';
import { decodeTimeIdCursor, Page } from './page';
import { PageQueryDto } from './page-query.dto';
import { RawKeyset, rawPageOf } from './paginate-raw';

/** A plain statement to page through: `select` up to (not including) `WHERE`, and its conditions with `:name` parameters. */
export interface SqlPageQuery {
  select: string;
  where: { sql: string; params: Record<string, unknown> }[];
}

/**
 * Keyset pagination on plain SQL (`queryRows`, no query builder), for the api's hot lists: the page
 * shape and cursor of `paginate` and `paginateRaw`, a crafted cursor answering 400 before any
 * statement runs.
 */
export async function paginateSql<R>(
  manager: EntityManager,
  query: SqlPageQuery,
  page: PageQueryDto,
  keyset: RawKeyset<R>,
): Promise<Page<R>> {
  const limit = page.limit ?? 20;
  const where = [...query.where];
  if (page.cursor) {
    const [sortValue, tieValue] = decodeTimeIdCursor(page.cursor);
    const op = keyset.direction === 'ASC' ? '>' : '<';
    where.push({
      sql: `(${keyset.sortColumn}, ${keyset.tieColumn}) ${op} (:page_sort::timestamptz, :page_tie::uuid)`,
      params: { page_sort: sortValue, page_tie: tieValue },
    });
  }
  const named: Record<string, unknown> = { page_limit: limit + 1 };
  for (const condition of where) Object.assign(named, condition.params);
  const statement = toPositional(
    `${query.select} ${where.length ? `WHERE ${where.map((c) => `(${c.sql})`).join(' AND ')}` : ''}
      ORDER BY ${keyset.sortColumn} ${keyset.direction}, ${keyset.tieColumn} ${keyset.direction} LIMIT :page_limit`,
    named,
  );
  return rawPageOf(await queryRows<R>(manager, statement.sql, statement.params), limit, keyset);
}
