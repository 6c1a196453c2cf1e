import { DateTime } from 'luxon';
import { Client } from 'pg';
import { seedDeliberation } from '../seed-city/src/deliberation-generator';
import { seedProperty } from '../seed-city/src/property-generator';
import { SqlExecutor } from '../seed-city/src/table-buffer';

/** A module's demo records: seeded once, while `table` is empty. */
interface DemoRecords {
  module: string;
  what: string;
  table: string;
  seed: (
    sql: SqlExecutor,
    options: { seed: number; today: string; log: (line: string) => void },
  ) => Promise<Record<string, number> | undefined>;
}

/** In `npm start`'s order: deliberation's records, then property governance's. */
export const DEMO_RECORDS: DemoRecords[] = [
  { module: 'deliberation', what: 'topics', table: 'deliberation_topics', seed: seedDeliberation },
  { module: 'property-governance', what: 'exclusive parts', table: 'property_parts', seed: seedProperty },
];

/**
 * In development, the demo city's records of one module (once, while its table is empty). Runs
 * after the api is up: these records name the account that wrote them, and on a fresh database the
 * first account (the administrator) is created by the api's first start. Answers the rows written
 * to `table`.
 */
export async function seedDemoRecords(databaseUrl: string, timeZone: string, records: DemoRecords): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${records.table}`);
    if (existing.rows[0].n > 0) return 0;
    await client.query('BEGIN');
    try {
      const counts = await records.seed(
        { query: async (text, params) => (await client.query(text, params)).rows },
        { seed: 1, today: DateTime.now().setZone(timeZone).toISODate() as string, log: () => undefined },
      );
      await client.query('COMMIT');
      return counts?.[records.table] ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
