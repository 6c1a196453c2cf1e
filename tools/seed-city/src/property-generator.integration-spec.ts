import { currentRun, currentWorker, databaseUrlFor, templateDatabaseName, withAdminClient } from '@linli/testing';
import { Client } from 'pg';
import { isValidCreditCode } from '../../../libs/property-governance/src/companies/credit-code';
import { countElectorate, toCenti } from '../../../libs/property-governance/src/decisions/electorate-counting';
import { seedCity, SeedCityResult } from './seed-city';

const name = `linli_test_${currentRun()}_seed_property_w${currentWorker()}`;
const url = databaseUrlFor(name);

async function query<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('seed-city property data, demo scale', () => {
  let result: SeedCityResult;

  beforeAll(async () => {
    await withAdminClient(async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(currentRun())}"`);
    });
    await query(
      `WITH u AS (INSERT INTO users (username, password_hash) VALUES ('spec-admin', '!') RETURNING id)
       INSERT INTO role_grants (user_id, role) SELECT id, 'admin' FROM u`,
    );
    result = await seedCity({ databaseUrl: url, scale: 'demo', seed: 7, today: '2026-12-02' });
  });
  afterAll(() =>
    withAdminClient((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  );

  it('writes the same rows for the same seed, each count matching its table', async () => {
    expect(result.property).toEqual(COUNTS);
    const [rows] = await query<Record<string, number>>(
      `SELECT ${Object.keys(COUNTS)
        .map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`)
        .join(', ')}`,
    );
    expect(rows).toEqual(COUNTS);
  });

  it('gives every delivered part an owner living in its complex, and the developer every unsold one', async () => {
    const [check] = await query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE p.status = 'delivered' AND NOT EXISTS (
                SELECT 1 FROM property_part_owners o JOIN people pe ON pe.id = o.person_id
                WHERE o.part_id = p.id AND o.ended_on IS NULL
                  AND (pe.residence_path = p.unit_path OR pe.residence_path LIKE p.unit_path || '.%')))::int AS orphaned,
              count(*) FILTER (WHERE p.status = 'unsold' AND EXISTS (
                SELECT 1 FROM property_part_owners o WHERE o.part_id = p.id))::int AS owned_unsold,
              count(*) FILTER (WHERE p.status = 'unsold')::int AS unsold,
              count(*) FILTER (WHERE p.area_m2 < 50 OR p.area_m2 > 150)::int AS out_of_range
       FROM property_parts p`,
    );
    expect(check).toMatchObject({ orphaned: 0, owned_unsold: 0, out_of_range: 0 });
    expect(check.unsold).toBeGreaterThan(0);
    const [twice] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT person_id FROM property_part_owners GROUP BY person_id HAVING count(*) > 1) x`,
    );
    expect(twice.n).toBeGreaterThan(0);
  });

  it("counts a seeded complex's electorate with countElectorate as its rows imply", async () => {
    const [{ complex_id }] = await query<{ complex_id: string }>(
      `SELECT complex_id FROM property_parts GROUP BY complex_id
       HAVING bool_or(status = 'unsold') ORDER BY count(*) DESC, complex_id LIMIT 1`,
    );
    const parts = await query<{ id: string; area: string; status: 'delivered' | 'unsold'; owners: string[] }>(
      `SELECT p.id, p.area_m2::text AS area, p.status,
              coalesce(array_agg(o.person_id::text) FILTER (WHERE o.person_id IS NOT NULL), '{}') AS owners
       FROM property_parts p LEFT JOIN property_part_owners o ON o.part_id = p.id AND o.ended_on IS NULL
       WHERE p.complex_id = $1 GROUP BY p.id`,
      [complex_id],
    );
    const electorate = countElectorate(
      parts.map((p) => ({ id: p.id, areaCenti: toCenti(p.area), status: p.status, ownerPersonIds: p.owners })),
    );
    // Independently: heads are the distinct owner sets of delivered parts, plus one developer head.
    const [expected] = await query<{ heads: number; area: string; developer: string }>(
      `WITH sets AS (
         SELECT p.id, p.status, p.area_m2, string_agg(o.person_id::text, '+' ORDER BY o.person_id::text) AS owners
         FROM property_parts p LEFT JOIN property_part_owners o ON o.part_id = p.id AND o.ended_on IS NULL
         WHERE p.complex_id = $1 GROUP BY p.id)
       SELECT (count(DISTINCT owners) FILTER (WHERE status = 'delivered') + 1)::int AS heads, sum(area_m2)::text AS area,
              sum(area_m2) FILTER (WHERE status = 'unsold')::text AS developer FROM sets`,
      [complex_id],
    );
    expect(electorate.heads).toHaveLength(expected.heads);
    expect(electorate.totalAreaCenti).toBe(toCenti(expected.area));
    expect(electorate.heads.find((head) => head.developer)?.areaCenti).toBe(toCenti(expected.developer));
    expect(electorate.heads.length).toBeLessThan(parts.length);
  });

  it('gives companies valid credit codes, committees of 5 or 7 owners (some chaired by the branch secretary, 一肩挑), seats only of the recorded bodies and one published campaign per district', async () => {
    const codes = await query<{ credit_code: string }>(`SELECT credit_code FROM property_companies`);
    expect(codes.length).toBeGreaterThan(100);
    expect(codes.filter((row) => !isValidCreditCode(row.credit_code))).toEqual([]);
    const [committees] = await query<Record<string, number>>(
      `SELECT count(*)::int AS committees,
              count(*) FILTER (WHERE m.n NOT IN (5, 7))::int AS bad_size,
              count(*) FILTER (WHERE m.non_owners > 0)::int AS with_non_owners,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM organization_coverage oc
                 JOIN organization_officers f ON f.organization_id = oc.organization_id AND f.role = 'secretary' AND f.ended_at IS NULL
                 WHERE oc.unit_id = c.complex_id AND f.person_id = c.chair_person_id))::int AS one_shoulder,
              (SELECT count(DISTINCT complex_id) FROM property_parts)::int AS complexes
       FROM property_committees c
       JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM property_part_owners o JOIN property_parts p ON p.id = o.part_id
               WHERE o.person_id = cm.person_id AND p.complex_id = c.complex_id)) AS non_owners
             FROM property_committee_members cm WHERE cm.committee_id = c.id) m ON true`,
    );
    expect(committees).toMatchObject({ bad_size: 0, with_non_owners: 0 });
    expect(committees.committees / committees.complexes).toBeGreaterThan(0.5);
    expect(committees.committees / committees.complexes).toBeLessThan(0.7);
    expect(committees.one_shoulder).toBeGreaterThan(0);
    expect(committees.one_shoulder / committees.committees).toBeLessThan(0.5);
    const bodies = await query<{ body: string }>(`SELECT DISTINCT body FROM property_seats ORDER BY body`);
    expect(bodies.map((row) => row.body)).toEqual([
      'building_heads',
      'company',
      'deliberation_council',
      'owner_representatives',
      'supervisory_council',
    ]);
    const campaigns = await query<{ period: string; status: string; results: number; ranked_first: number }>(
      `SELECT c.period, c.status, count(r.*)::int AS results, count(*) FILTER (WHERE r.district_rank = 1)::int AS ranked_first
       FROM property_evaluation_campaigns c JOIN property_evaluation_results r ON r.campaign_id = c.id GROUP BY c.id`,
    );
    expect(campaigns).toEqual([
      { period: '2026H1', status: 'published', results: COUNTS.property_contracts, ranked_first: 1 },
    ]);
  });
});

/** Seed 7 at demo scale on 2026-12-02 (640 complexes, all with residents). */
const COUNTS: Record<string, number> = {
  property_parts: 36840,
  property_part_owners: 45361,
  property_companies: 160,
  property_contracts: 640,
  property_committees: 398,
  property_committee_members: 2394,
  property_seats: 12546,
  property_evaluation_campaigns: 1,
  property_evaluation_ratings: 3598,
  property_evaluation_results: 640,
};
