import { EntityManager } from 'typeorm';
import { queryRows } from '../database/query-rows';

/** A row as plain export JSON: camelCase keys, timestamps as ISO strings. */
export function plainExportRow(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      value instanceof Date ? value.toISOString() : value,
    ]),
  );
}

/** The rows of `sql` as plain export JSON (for a domain's `exportPerson`). */
export async function exportRows(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<Record<string, unknown>[]> {
  return (await queryRows<Record<string, unknown>>(manager, sql, params)).map(plainExportRow);
}
