import { PiiCrypto } from '@linli/platform';
import {
  bootApi,
  createLoggedInUser,
  currentRun,
  currentWorker,
  databaseUrlFor,
  templateDatabaseName,
  testConfig,
  withAdminClient,
} from '@linli/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SeedRefusedError, seedCity } from './seed-city';

const TODAY = '2026-11-22';
const names = ['a', 'b'].map((suffix) => `linli_test_${currentRun()}_seed_${suffix}_w${currentWorker()}`);
const [urlA, urlB] = names.map(databaseUrlFor);

async function withDb<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A digest of a table's content (ids included), cipher texts left out: equal digests, equal rows. */
const DIGESTS: Record<string, string> = {
  units: `SELECT md5(string_agg(concat_ws('|', id, seq, kind, name, code, parent_id, path, depth, residents, households, area_m2), ',' ORDER BY seq)) FROM units`,
  people: `SELECT md5(string_agg(concat_ws('|', id, name, phone_index, phone_masked, id_number_index, id_number_masked, gender, birth_date, residence_unit_id, residence_path, external_id), ',' ORDER BY id)) FROM people`,
  party_organizations: `SELECT md5(string_agg(concat_ws('|', id, kind, name, unit_id, unit_path, parent_id, member_count, full_member_count), ',' ORDER BY id)) FROM party_organizations`,
  party_members: `SELECT md5(string_agg(concat_ws('|', id, person_id, organization_id, category, status, joined_at, residence_path), ',' ORDER BY id)) FROM party_members`,
  organization_officers: `SELECT md5(string_agg(concat_ws('|', id, organization_id, person_id, role, term_start, term_end), ',' ORDER BY id)) FROM organization_officers`,
  staff_roles: `SELECT md5(string_agg(concat_ws('|', id, person_id, role, unit_id, unit_path), ',' ORDER BY id)) FROM staff_roles`,
  institutions: `SELECT md5(string_agg(concat_ws('|', id, kind, name, unit_id, party_organization_id), ',' ORDER BY id)) FROM institutions`,
  dual_registrations: `SELECT md5(string_agg(concat_ws('|', id, kind, community_unit_id, member_id, organization_id, institution_id, period_start, period_end), ',' ORDER BY id)) FROM dual_registrations`,
};

async function digests(url: string): Promise<Record<string, string>> {
  return withDb(url, async (client) => {
    const result: Record<string, string> = {};
    for (const [table, sql] of Object.entries(DIGESTS)) result[table] = (await client.query(sql)).rows[0].md5;
    return result;
  });
}

describe('seed-city, demo scale', () => {
  const config = testConfig();

  beforeAll(async () => {
    await withAdminClient(async (admin) => {
      for (const name of names) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabaseName(currentRun())}"`);
      }
    });
  });
  afterAll(async () => {
    await withAdminClient(async (admin) => {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  it('writes one district with exactly the demo counts', async () => {
    const result = await seedCity({ databaseUrl: urlA, scale: 'demo', seed: 7, today: TODAY, piiKey: config.piiKey });
    expect(result.counts.unitsByKind).toEqual({
      city: 1,
      district: 1,
      street: 5,
      community: 30,
      grid: 161,
      complex: 640,
      building: 6400,
    });
    const counts = await withDb(urlA, async (client) => {
      const kinds = (await client.query(`SELECT kind, count(*)::integer AS n FROM units GROUP BY kind`)).rows;
      const tables = (
        await client.query(
          `SELECT (SELECT count(*) FROM people)::integer AS people, (SELECT count(*) FROM party_members)::integer AS members,
                  (SELECT count(*) FROM institutions)::integer AS institutions,
                  (SELECT count(*) FROM party_organizations)::integer AS organizations,
                  (SELECT count(*) FROM party_organizations o WHERE member_count <> (SELECT count(*) FROM party_members m WHERE m.organization_id = o.id))::integer AS drifted`,
        )
      ).rows[0];
      return { kinds: Object.fromEntries(kinds.map((r: { kind: string; n: number }) => [r.kind, r.n])), tables };
    });
    expect(counts.kinds).toEqual({
      city: 1,
      district: 1,
      street: 5,
      community: 30,
      grid: 161,
      complex: 640,
      building: 6400,
    });
    expect(counts.tables).toMatchObject({ people: 30000, members: 6000, institutions: 150, drifted: 0 });
    expect(counts.tables.organizations).toBeGreaterThan(300);
  });

  it('produces the same city, row for row and id for id, from the same seed in another database', async () => {
    await seedCity({ databaseUrl: urlB, scale: 'demo', seed: 7, today: TODAY, piiKey: config.piiKey });
    expect(await digests(urlB)).toEqual(await digests(urlA));
  });

  it("stores phone and ID number encrypted, with the people module's blind index and mask", async () => {
    const crypto = new PiiCrypto(config);
    const rows = await withDb(
      urlA,
      async (client) =>
        (
          await client.query(
            `SELECT phone_cipher, phone_index, phone_masked, id_number_cipher, id_number_index FROM people WHERE phone_cipher IS NOT NULL AND id_number_cipher IS NOT NULL LIMIT 20`,
          )
        ).rows,
    );
    expect(rows).toHaveLength(20);
    for (const row of rows) {
      const phone = crypto.decrypt(row.phone_cipher);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(row.phone_cipher).not.toContain(phone);
      expect(row.phone_index).toBe(crypto.blindIndex('phone', phone));
      expect(row.phone_masked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      expect(row.id_number_index).toBe(crypto.blindIndex('id-number', crypto.decrypt(row.id_number_cipher)));
    }
  });

  it('refuses a database that already holds units, and replaces it with --force (another seed, another city), through a data source too', async () => {
    const dataSource = new DataSource({ type: 'postgres', url: urlB });
    await dataSource.initialize();
    const before = await digests(urlB);
    try {
      await expect(seedCity({ dataSource, scale: 'demo', seed: 8, today: TODAY })).rejects.toThrow(SeedRefusedError);
      expect(await digests(urlB)).toEqual(before);
      await seedCity({ dataSource, scale: 'demo', seed: 8, today: TODAY, force: true });
    } finally {
      await dataSource.destroy();
    }
    const after = await digests(urlB);
    expect(after.units).not.toEqual(before.units);
    const units = await withDb(
      urlB,
      async (client) =>
        (await client.query(`SELECT count(*)::integer AS n, min(seq)::integer AS first FROM units`)).rows[0],
    );
    expect(units).toEqual({ n: 7238, first: 1 });
  });

  it('leaves blank spots and something for every structure-check rule, as the api reports them', async () => {
    const api = await bootApi({ env: { DATABASE_URL: urlA } });
    try {
      const admin = await createLoggedInUser(api, { role: 'admin' });
      const cityId = await withDb(
        urlA,
        async (client) => (await client.query(`SELECT id FROM units WHERE kind = 'city'`)).rows[0].id,
      );
      const coverage = await api.get(`/api/v1/units/${cityId}/coverage`, admin.token);
      expect(coverage.status).toBe(200);
      expect(coverage.body.complexes.total).toBe(640);
      expect(coverage.body.complexes.uncovered).toBeGreaterThan(0);
      expect(coverage.body.complexes.jointBranchOnly).toBeGreaterThan(0);
      expect(coverage.body.complexes.ownBranch).toBeGreaterThan(coverage.body.complexes.uncovered);
      expect(coverage.body.buildings.uncovered).toBeGreaterThan(0);
      expect(coverage.body.buildings.covered).toBeGreaterThan(0);
      const blankSpots = await api.get(`/api/v1/units/${cityId}/blank-spots?limit=5`, admin.token);
      expect(blankSpots.body.items).toHaveLength(5);
      const check = await api.get(`/api/v1/units/${cityId}/structure-check?limit=1`, admin.token);
      for (const [rule, count] of Object.entries(check.body.totals)) expect([rule, count]).not.toEqual([rule, 0]);
      const stats = await api.get(`/api/v1/units/${cityId}/stats`, admin.token);
      expect(stats.body).toMatchObject({ people: 30000, partyMembers: { total: 6000 } });

      // The people module finds a seeded person by phone and ID number (same blind index, same normal form).
      const crypto = new PiiCrypto(config);
      const person = await withDb(
        urlA,
        async (client) =>
          (
            await client.query(
              `SELECT id, phone_cipher, id_number_cipher FROM people WHERE phone_cipher IS NOT NULL AND id_number_cipher IS NOT NULL ORDER BY external_id LIMIT 1`,
            )
          ).rows[0],
      );
      const byPhone = await api.get(`/api/v1/people/lookup?phone=${crypto.decrypt(person.phone_cipher)}`, admin.token);
      expect(byPhone.status).toBe(200);
      expect(byPhone.body.items.map((p: { id: string }) => p.id)).toContain(person.id);
      const byIdNumber = await api.get(
        `/api/v1/people/lookup?idNumber=${crypto.decrypt(person.id_number_cipher)}`,
        admin.token,
      );
      expect(byIdNumber.body.items.map((p: { id: string }) => p.id)).toEqual([person.id]);
    } finally {
      await api.close();
    }
  });
});
