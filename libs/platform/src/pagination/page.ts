import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ProblemException } from '../errors/problem.exception';
import { PageQueryDto } from './page-query.dto';

/** The one pagination shape. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // fall through
  }
  throw new ProblemException({
    code: 'pagination.invalid-cursor',
    status: 400,
    title: 'Invalid cursor',
    detail: '分页游标无效',
  });
}

export interface KeysetOptions<E> {
  /** Sort column as `alias.column`, e.g. `user.createdAt`; ties are broken by `tieBreaker`. */
  sortColumn: string;
  sortKey: (entity: E) => CursorValue | Date;
  /** Unique column as `alias.column`, usually the id. */
  tieBreaker: string;
  tieKey: (entity: E) => string;
  direction?: 'ASC' | 'DESC';
}

/**
 * Keyset pagination on a query builder: stable under inserts, index-friendly, no OFFSET.
 */
export async function paginate<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  page: PageQueryDto,
  options: KeysetOptions<E>,
): Promise<Page<E>> {
  const limit = page.limit ?? 20;
  const direction = options.direction ?? 'ASC';
  const op = direction === 'ASC' ? '>' : '<';
  if (page.cursor) {
    const [sortValue, tieValue] = decodeCursor(page.cursor, 2);
    qb.andWhere(`(${options.sortColumn}, ${options.tieBreaker}) ${op} (:__sort, :__tie)`, {
      __sort: sortValue,
      __tie: tieValue,
    });
  }
  qb.orderBy(options.sortColumn, direction)
    .addOrderBy(options.tieBreaker, direction)
    .take(limit + 1);
  const rows = await qb.getMany();
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const more = rows.length > limit && last !== undefined;
  const sortValue = last ? options.sortKey(last) : null;
  return {
    items,
    nextCursor: more
      ? encodeCursor([
          sortValue instanceof Date ? sortValue.toISOString() : (sortValue as CursorValue),
          options.tieKey(last),
        ])
      : null,
  };
}

export function mapPage<A, B>(page: Page<A>, map: (item: A) => B): Page<B> {
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}
