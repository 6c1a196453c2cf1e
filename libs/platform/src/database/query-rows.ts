import { EntityManager, QueryFailedError } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface PgPool {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Rows of a parameterized statement. Outside a transaction (the data source's own manager) it goes
 * straight to the driver's `pg` pool, the same pool TypeORM uses, without a query runner: the api's
 * hot reads spend no time in the ORM. Errors are TypeORM's `QueryFailedError` either way.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const pool = manager.queryRunner ? undefined : poolOf(manager);
  if (pool) {
    try {
      return (await pool.query(sql, params)).rows as T[];
    } catch (error) {
      throw new QueryFailedError(sql, params, error as Error);
    }
  }
  const result: unknown = await manager.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0] as T[];
  return result as T[];
}

function poolOf(manager: EntityManager): PgPool | undefined {
  // A stand-in manager (a seed passing its own `query`) has no connection: it goes through `query`.
  const driver = manager.connection?.driver;
  return driver instanceof PostgresDriver ? (driver.master as PgPool | undefined) : undefined;
}
