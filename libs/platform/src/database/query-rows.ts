import { EntityManager } from 'typeorm';

/** Rows of a statement; TypeORM answers `[rows, count]` for a top-level UPDATE or DELETE and `rows` otherwise. */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}
