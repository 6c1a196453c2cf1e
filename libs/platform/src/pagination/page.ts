import { ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
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

/** 400 `pagination.invalid-cursor`: a cursor this list did not hand out. */
export function invalidCursor(): ProblemException {
  return new ProblemException({
    code: 'pagination.invalid-cursor',
    status: 400,
    title: 'Invalid cursor',
    detail: '分页游标无效',
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME_TYPES = new Set([
  'timestamp',
  'timestamptz',
  'timestamp with time zone',
  'timestamp without time zone',
  'date',
]);
const NUMBER_TYPES = new Set([
  'int',
  'int2',
  'int4',
  'int8',
  'integer',
  'smallint',
  'bigint',
  'numeric',
  'decimal',
  'real',
  'float',
  'double precision',
]);

/** The column type behind `alias.property` of a query builder, when TypeORM knows it. */
function columnType<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, column: string): string | undefined {
  const [aliasName, property] = column.split('.');
  if (!property) return undefined;
  const alias = qb.expressionMap.aliases.find((a) => a.name === aliasName);
  if (!alias?.hasMetadata) return undefined;
  const type = alias.metadata.findColumnWithPropertyPath(property)?.type;
  if (type === Date) return 'timestamptz';
  if (type === Number) return 'integer';
  return typeof type === 'string' ? type : undefined;
}

/** Whether a cursor value fits its column: a crafted cursor is a 400, never a failed statement (500). */
function fitsColumn(value: CursorValue, type: string | undefined): boolean {
  if (type === undefined) return true;
  if (type === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (TIME_TYPES.has(type)) return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  if (NUMBER_TYPES.has(type)) return typeof value === 'number' ? Number.isFinite(value) : /^-?\d+(\.\d+)?$/.test(value);
  return true;
}

/** SQLSTATE class 22 (data exception): a value the column type refuses. */
function isDataException(error: unknown): boolean {
  return error instanceof QueryFailedError && /^22/.test(String((error as QueryFailedError & { code?: string }).code));
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
  throw invalidCursor();
}

/**
 * A `(timestamp, uuid)` keyset cursor (the usual `created_at, id` of raw-SQL lists), checked before
 * any statement runs: a crafted one is a 400, never a failed statement.
 */
export function decodeTimeIdCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string' || !UUID.test(id))
    throw invalidCursor();
  return [at, id];
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
    if (
      !fitsColumn(sortValue, columnType(qb, options.sortColumn)) ||
      !fitsColumn(tieValue, columnType(qb, options.tieBreaker))
    ) {
      throw invalidCursor();
    }
    qb.andWhere(`(${options.sortColumn}, ${options.tieBreaker}) ${op} (:__sort, :__tie)`, {
      __sort: sortValue,
      __tie: tieValue,
    });
  }
  qb.orderBy(options.sortColumn, direction)
    .addOrderBy(options.tieBreaker, direction)
    .take(limit + 1);
  const rows = await qb.getMany().catch((error: unknown) => {
    // A sort expression TypeORM cannot type (raw SQL) may still refuse a crafted value.
    throw page.cursor && isDataException(error) ? invalidCursor() : error;
  });
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
