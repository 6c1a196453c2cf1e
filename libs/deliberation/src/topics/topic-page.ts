import { decodeCursor, encodeCursor, Page, PageQueryDto, ProblemException } from '@linli/platform';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The keyset of a raw page: a `timestamptz` column and a uuid column breaking ties (both as `alias.column`). */
export interface RawKeyset<R> {
  sortColumn: string;
  sortKey: (row: R) => Date;
  tieColumn: string;
  tieKey: (row: R) => string;
  direction: 'ASC' | 'DESC';
}

function invalidCursor(): ProblemException {
  return new ProblemException({
    code: 'pagination.invalid-cursor',
    status: 400,
    title: 'Invalid cursor',
    detail: '分页游标无效',
  });
}

/**
 * Keyset pagination on a raw query builder (deliberation has no entities): the page shape and the
 * cursor of `paginate`, a crafted cursor answering 400 before any statement runs.
 */
export async function rawPage<R>(
  qb: SelectQueryBuilder<ObjectLiteral>,
  page: PageQueryDto,
  keyset: RawKeyset<R>,
): Promise<Page<R>> {
  const limit = page.limit ?? 20;
  if (page.cursor) {
    const [sortValue, tieValue] = decodeCursor(page.cursor, 2);
    if (typeof sortValue !== 'string' || Number.isNaN(Date.parse(sortValue))) throw invalidCursor();
    if (typeof tieValue !== 'string' || !UUID.test(tieValue)) throw invalidCursor();
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
