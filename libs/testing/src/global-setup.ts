import 'reflect-metadata';
import { migrate } from '@linli/composition';
import { Client } from 'pg';
import { REFERENCE_ROWS_TABLE } from './reference-rows';
import { currentRun, databaseUrlFor, templateDatabaseName, withAdminClient } from './test-run';

/**
 * Once per `npm test` (run by tools/jest/global-setup.js): creates a template database and migrates
 * it; each Jest worker then clones it (CREATE DATABASE … TEMPLATE), far faster than migrating per worker.
 */
const STALE_AFTER_MS = 6 * 3600 * 1000;

/** Databases of runs that never reached their teardown (killed, crashed) and are hours old. */
async function dropStaleTestDatabases(): Promise<void> {
  await withAdminClient(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'linli\\_test\\_%'`,
    );
    for (const { datname } of rows) {
      const run = /^linli_test_([0-9a-z]+)_/.exec(datname)?.[1];
      const startedAt = run && run.length > 4 ? parseInt(run.slice(0, -4), 36) : NaN;
      if (Number.isFinite(startedAt) && Date.now() - startedAt > STALE_AFTER_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
    }
  });
}

/**
 * Rows the migrations seed (reference data such as the built-in skill taxonomy), kept in the
 * template so that `resetState()` can put them back after emptying every table.
 */
async function snapshotReferenceRows(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE ${REFERENCE_ROWS_TABLE} (seq serial PRIMARY KEY, table_name text NOT NULL, rows jsonb NOT NULL)`,
    );
    const { rows: tables } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', '${REFERENCE_ROWS_TABLE}') ORDER BY tablename`,
    );
    for (const { tablename } of tables) {
      await client.query(
        `INSERT INTO ${REFERENCE_ROWS_TABLE} (table_name, rows) SELECT $1, jsonb_agg(to_jsonb(t)) FROM "${tablename}" t HAVING count(*) > 0`,
        [tablename],
      );
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await dropStaleTestDatabases();
  const template = templateDatabaseName(currentRun());
  await withAdminClient((client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrlFor(template), { createDatabase: false });
  await snapshotReferenceRows(databaseUrlFor(template));
}

main().catch((error: unknown) => {
  process.stderr.write(`test setup failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
