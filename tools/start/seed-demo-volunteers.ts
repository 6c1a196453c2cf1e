import { Client } from 'pg';

/**
 * In development, volunteer profiles for the demo district (once, when it has none): one resident
 * in 25, with one to three skills of the built-in taxonomy and one or two availability slots, so
 * that matching (`GET /volunteers/demands/:id/matches`) has someone to rank.
 */
export async function seedDemoVolunteers(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>('SELECT count(*) AS n FROM volunteer_profiles');
    if (Number(existing.rows[0].n) > 0) return 0;
    const inserted = await client.query(
      `WITH skills AS (SELECT array_agg(code ORDER BY code) AS codes FROM volunteer_skills WHERE builtin),
            picked AS (SELECT id, residence_unit_id, residence_path, row_number() OVER (ORDER BY md5(id::text)) AS n FROM people)
       INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, availability)
       SELECT p.id, p.residence_unit_id, p.residence_path,
              (SELECT array_agg(DISTINCT s.codes[1 + ((p.n * k * 7919) % cardinality(s.codes))]) FROM generate_series(1, 1 + (p.n % 3)::int) k),
              CASE p.n % 3 WHEN 0 THEN '{weekday_evening}' WHEN 1 THEN '{weekend_daytime,weekend_evening}' ELSE '{weekday_daytime,weekend_daytime}' END::varchar[]
       FROM picked p, skills s WHERE p.n % 25 = 0
       ON CONFLICT (person_id) DO NOTHING`,
    );
    return inserted.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
