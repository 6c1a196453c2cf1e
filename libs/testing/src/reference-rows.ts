import { Client } from 'pg';

/** Test-only table in the template database: the rows each migrated table held (see global-setup.ts). */
export const REFERENCE_ROWS_TABLE = 'test_reference_rows';

/** Puts the migrations' seed rows back into emptied tables, in the order they were recorded. */
export async function restoreReferenceRows(client: Client): Promise<void> {
  const { rows } = await client.query<{ table_name: string; rows: unknown }>(
    `SELECT table_name, rows FROM ${REFERENCE_ROWS_TABLE} ORDER BY seq`,
  );
  for (const snapshot of rows) {
    await client.query(
      `INSERT INTO "${snapshot.table_name}" OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_recordset(NULL::"${snapshot.table_name}", $1)`,
      [JSON.stringify(snapshot.rows)],
    );
  }
}
