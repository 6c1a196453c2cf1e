import { currentRun, currentWorker, databaseUrlFor, templateDatabaseName, withAdminClient } from '@linli/testing';
import { Client } from 'pg';
import { seedCases } from './cases-generator';
import { seedCity, SeedCityResult } from './seed-city';

const name = `linli_test_${currentRun()}_seed_cases_w${currentWorker()}`;
const url = databaseUrlFor(name);
const DIGEST = `SELECT md5(string_agg(concat_ws('|', id, channel, type, category_id, unit_id, status, level, level_unit_id,
  reported_at, responded_at, resolve_due_at, closed_at, closed_on_time, satisfaction, rework_count), ',' ORDER BY id)) AS md5 FROM cases`;

async function withDb<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('seed-city cases, demo scale', () => {
  let result: SeedCityResult;

  beforeAll(async () => {
    await withAdminClient(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(currentRun())}"`);
    });
    result = await seedCity({ databaseUrl: url, scale: 'demo', seed: 7, today: '2026-12-02' });
  });
  afterAll(() =>
    withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  );

  it('writes the scale’s cases over the year before the day, shaped like the sources’ reports', async () => {
    expect(result.cases).toEqual({ cases: 20000, case_categories: 10 });
    const [shape] = await withDb(
      async (client) =>
        (
          await client.query(`
            SELECT count(*)::int AS total,
                   avg((channel = 'grid_patrol')::int)::float AS grid_share,
                   avg((status = 'rejected')::int)::float AS rejected_share,
                   min(reported_at) >= '2025-12-01T16:00:00Z' AND max(reported_at) < '2026-12-01T16:00:00Z' AS in_year,
                   (count(*) FILTER (WHERE status = 'closed' AND reported_at < '2026-11-01')::float
                     / count(*) FILTER (WHERE status <> 'rejected' AND reported_at < '2026-11-01'))::float AS old_closed,
                   count(*) FILTER (WHERE closed_at < registered_at OR closed_at > '2026-12-01T16:00:00Z'
                                      OR visited_at > '2026-12-01T16:00:00Z')::int AS impossible,
                   count(*) FILTER (WHERE status = 'closed' AND closed_on_time IS DISTINCT FROM (closed_at <= resolve_due_at))::int AS inconsistent,
                   count(*) FILTER (WHERE channel = 'hotline_12345' AND external_id IS NULL)::int AS hotline_without_ticket
              FROM cases`)
        ).rows,
    );
    expect(shape).toMatchObject({
      total: 20000,
      in_year: true,
      impossible: 0,
      inconsistent: 0,
      hotline_without_ticket: 0,
    });
    expect(shape.grid_share).toBeGreaterThan(0.57);
    expect(shape.grid_share).toBeLessThan(0.63);
    expect(shape.rejected_share).toBeGreaterThan(0.04);
    expect(shape.rejected_share).toBeLessThan(0.06);
    expect(shape.old_closed).toBeGreaterThan(0.9);
  });

  it('writes the same cases, id for id, from the same seed', async () => {
    const first = await withDb(async (client) => (await client.query(DIGEST)).rows[0].md5);
    await withDb(async (client) => {
      await client.query('BEGIN');
      await client.query('DELETE FROM cases');
      await seedCases(
        { query: async (text, params) => (await client.query(text, params)).rows },
        {
          seed: 7,
          today: '2026-12-02',
          count: 20000,
          log: () => undefined,
        },
      );
      await client.query('COMMIT');
    });
    expect(await withDb(async (client) => (await client.query(DIGEST)).rows[0].md5)).toBe(first);
  });
});
