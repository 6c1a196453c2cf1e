import Redis from 'ioredis';
import { Client } from 'pg';
import {
  currentRun,
  currentWorker,
  databaseUrlFor,
  templateDatabaseName,
  withAdminClient,
  workerDatabaseName,
} from './test-run';
import { REFERENCE_ROWS_TABLE, restoreReferenceRows } from './reference-rows';
import { testQueuePrefix } from './test-config';

let prepared: Promise<void> | undefined;

/** Creates this worker's database from the migrated template, once per worker process. */
export function prepareWorkerDatabase(): Promise<void> {
  prepared ??= withAdminClient(async (client) => {
    const name = workerDatabaseName(currentRun(), currentWorker());
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount)
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(currentRun())}"`);
  });
  return prepared;
}

/**
 * Empties every table (but the migrations ledger) and this worker's Redis keys, then puts back the
 * reference rows the migrations seeded: each test starts as a freshly migrated database.
 */
export async function resetState(): Promise<void> {
  await prepareWorkerDatabase();
  const client = new Client({ connectionString: databaseUrlFor(workerDatabaseName(currentRun(), currentWorker())) });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schema_migrations', '${REFERENCE_ROWS_TABLE}')`,
    );
    if (rows.length)
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
    await restoreReferenceRows(client);
  } finally {
    await client.end();
  }
  await flushWorkerRedis();
}

export async function flushWorkerRedis(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `{${testQueuePrefix()}}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** A plain pg client on this worker's database, for assertions that read tables directly. */
export async function withTestDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  await prepareWorkerDatabase();
  const client = new Client({ connectionString: databaseUrlFor(workerDatabaseName(currentRun(), currentWorker())) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
