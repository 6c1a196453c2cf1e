import { DateTime } from 'luxon';
import { Client } from 'pg';
import { seedDeliberation } from '../seed-city/src/deliberation-generator';

/**
 * In development, the demo district's deliberation data (once, while it has no topic). Runs after
 * the api is up: deliberation records name the account that wrote them, and on a fresh database
 * the first account (the administrator) is created by the api's first start.
 */
export async function seedDemoDeliberation(databaseUrl: string, timeZone: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_topics');
    if (existing.rows[0].n > 0) return 0;
    await client.query('BEGIN');
    try {
      const counts = await seedDeliberation(
        { query: async (text, params) => (await client.query(text, params)).rows },
        { seed: 1, today: DateTime.now().setZone(timeZone).toISODate() as string, log: () => undefined },
      );
      await client.query('COMMIT');
      return counts?.deliberation_topics ?? 0;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await client.end();
  }
}
