import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeTimeIdCursor, encodeCursor, Page } from './page';
import { PageQueryDto } from './page-query.dto';

/** The keyset of a raw page: a `timestamptz` column and a uuid column breaking ties (both as `alias.column`). */
export interface RawKeyset<R> {
  sortColumn: string;
  sortKey: (row: R) => Date;
  tieColumn: string;
  tieKey: (row: R) => string;
  direction: 'ASC' | 'DESC';
}

/**
 * Keyset pagination on a query builder over raw rows (`getRawMany`, for libs without entities):
 * the page shape and cursor of `paginate`, a crafted cursor answering 400 before any statement runs.
 */
export async function paginateRaw<R>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  page: PageQueryDto,
  keyset: RawKeyset<R>,
): Promise<Page<R>> {
  const limit = page.limit ?? 20;
  if (page.cursor) {
    const [sortValue, tieValue] = decodeTimeIdCursor(page.cursor);
    const op = keyset.direction === 'ASC' ? '>' : '<';
    qb.andWhere(`(${keyset.sortColumn}, ${keyset.tieColumn}) ${op} (:__sort::timestamptz, :__tie::uuid)`, {
      __sort: sortValue,
      __tie: tieValue,
    });
  }
  const rows = (await qb
    .orderBy(keyset.sortColumn, keyset.direction)
    .addOrderBy(keyset.tieColumn, keyset.direction)
    .limit(limit + 1)
    .getRawMany()) as R[];
  return rawPageOf(rows, limit, keyset);
}

/** The page of `limit` among `rows` (fetched one over the limit), its cursor after the last item when there are more. */
export function rawPageOf<R>(rows: R[], limit: number, keyset: RawKeyset<R>): Page<R> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last !== undefined
        ? encodeCursor([keyset.sortKey(last).toISOString(), keyset.tieKey(last)])
        : null,
  };
}
