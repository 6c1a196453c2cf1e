import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { LinliConfig, PiiCrypto } from '@linli/platform';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CityGenerator, GeneratedCounts } from './city-generator';
import { DeliberationCounts, seedDeliberation } from './deliberation-generator';
import { CasesCounts, seedCases } from './cases-generator';
import { PropertyCounts, seedProperty } from './property-generator';
import { SCALES, SeedScale, unitCount } from './scales';
import { SeedTables } from './seed-tables';
import { SqlExecutor } from './table-buffer';

export interface SeedCityOptions {
  /** Where to write: an initialized data source (the apps' own), or a URL. Migrations must be applied. */
  dataSource?: DataSource;
  databaseUrl?: string;
  scale: SeedScale;
  /** Same seed, same city. Default 1. */
  seed?: number;
  /** Replace the organization data of a non-empty database (truncates every table that references units). */
  force?: boolean;
  /** The deployment's PII key (`LinliConfig.piiKey`): phones and ID numbers are stored encrypted with it. Without it they are left empty. */
  piiKey?: Buffer;
  /** `YYYY-MM-DD` the officers' terms are placed around (default: today in Asia/Shanghai). Part of what makes two runs identical. */
  today?: string;
  /** Rows buffered before a write (default 60,000). */
  batchRows?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface SeedCityResult {
  scale: SeedScale;
  seed: number;
  today: string;
  cityId: string;
  encrypted: boolean;
  counts: GeneratedCounts;
  /** Deliberation rows per table (absent when the deliberation tables are not migrated). */
  deliberation?: DeliberationCounts;
  /** Property-governance rows per table (absent when those tables are not migrated). */
  property?: PropertyCounts;
  /** Cases rows per table (absent when those tables are not migrated). */
  cases?: CasesCounts;
  /** Generation and writing, in one transaction. */
  writeMs: number;
  /** VACUUM ANALYZE and the analytics read model afterwards. */
  finishMs: number;
  durationMs: number;
}

/** The database already holds units and `force` was not given. */
export class SeedRefusedError extends Error {
  constructor(readonly units: number) {
    super(
      `the database already holds ${units} units; seed-city only fills an empty database (pass --force to replace its organization data)`,
    );
    this.name = 'SeedRefusedError';
  }
}

/** Tables emptied by `force` (with every table referencing them). */
const ORGANIZATION_TABLES = [
  'structure_findings',
  'import_batches',
  'dual_registrations',
  'staff_roles',
  'institutions',
  'member_transfers',
  'organization_officers',
  'party_members',
  'organization_coverage',
  'party_organizations',
  'people',
  'units',
];

const VACUUMED_TABLES = [
  'units',
  'people',
  'party_organizations',
  'organization_coverage',
  'institutions',
  'party_members',
  'organization_officers',
  'staff_roles',
  'dual_registrations',
];

interface Connection {
  sql: SqlExecutor;
  close(): Promise<void>;
}

async function connect(options: SeedCityOptions): Promise<Connection> {
  if (options.dataSource) {
    const runner = options.dataSource.createQueryRunner();
    await runner.connect();
    return { sql: { query: (text, params) => runner.query(text, params) }, close: () => runner.release() };
  }
  if (!options.databaseUrl) throw new Error('seedCity needs a dataSource or a databaseUrl');
  const client = new Client({ connectionString: options.databaseUrl, application_name: 'linli-seed-city' });
  await client.connect();
  return { sql: { query: async (text, params) => (await client.query(text, params)).rows }, close: () => client.end() };
}

function cryptoFor(piiKey: Buffer | undefined): PiiCrypto | null {
  if (!piiKey) return null;
  const config = new LinliConfig();
  config.piiKey = piiKey;
  return new PiiCrypto(config);
}

/** True when a feature of a newer schema exists (so the seeder works against any migration level). */
async function functionExists(sql: SqlExecutor, name: string): Promise<boolean> {
  const rows = await sql.query(`SELECT to_regproc($1) IS NOT NULL AS present`, [name]);
  return rows[0]?.present === true;
}

/**
 * Fills the database with a synthetic city (see docs/seed-city.md): units, people (personal data
 * encrypted), organizations and their coverage, officers, members, institutions, staff roles and
 * dual registrations, written in bulk inside one transaction (all or nothing). Refuses a database
 * that already holds units unless `force`.
 */
export async function seedCity(options: SeedCityOptions): Promise<SeedCityResult> {
  const started = Date.now();
  const spec = SCALES[options.scale];
  if (!spec) throw new Error(`unknown scale "${String(options.scale)}" (demo or city)`);
  const seed = options.seed ?? 1;
  const today = options.today ?? DateTime.now().setZone('Asia/Shanghai').toISODate();
  if (!today || !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`today must be YYYY-MM-DD, got "${String(options.today)}"`);
  const log = options.log ?? (() => undefined);
  const batchRows = options.batchRows ?? 60_000;
  const crypto = cryptoFor(options.piiKey);

  const connection = await connect(options);
  const { sql } = connection;
  try {
    const [{ units }] = (await sql.query(
      `SELECT count(*)::integer AS units FROM (SELECT 1 FROM units LIMIT 1000000) u`,
    )) as { units: number }[];
    if (units > 0 && !options.force) throw new SeedRefusedError(units);
    if (units > 0) {
      log(`emptying the organization tables (${units} units)`);
      const readModel =
        (await sql.query(`SELECT to_regclass('organization_community_rollups') IS NOT NULL AS present`))[0]?.present ===
        true;
      const tables = [
        ...ORGANIZATION_TABLES,
        ...(readModel ? ['organization_community_rollups', 'organization_rollup_dirty'] : []),
      ];
      await sql.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
    }

    await sql.query('BEGIN');
    let committed = false;
    const tables = new SeedTables();
    let generator: CityGenerator;
    try {
      await sql.query(`SET LOCAL synchronous_commit = off`);
      const total = unitCount(spec);
      // Reserves a block of `seq` labels: paths are built in memory and written with the rows.
      const [{ first }] = (await sql.query(
        `WITH s AS (SELECT pg_get_serial_sequence('units', 'seq') AS name), f AS (SELECT nextval((SELECT name FROM s)) AS first)
         SELECT first::bigint AS first, setval((SELECT name FROM s), first + $1 - 1) AS last FROM f`,
        [total],
      )) as { first: string }[];
      generator = new CityGenerator(spec, seed, Number(first), today, crypto, tables);

      let failure: unknown;
      let inflight: Promise<void> = Promise.resolve();
      const flush = async () => {
        await inflight;
        if (failure) throw failure;
        const batches = tables
          .all()
          .map((table) => table.drain())
          .filter((batch) => batch !== null);
        inflight = (async () => {
          for (const batch of batches) await sql.query(batch.sql, batch.params);
        })().catch((error: unknown) => {
          failure = error;
        });
      };
      let communities = 0;
      const steps = generator.run();
      while (!steps.next().done) {
        communities += 1;
        if (tables.pendingRows() >= batchRows) {
          await flush();
          log(
            `${communities}/${spec.communities} communities, ${generator.counts.people} people, ${Math.round((Date.now() - started) / 1000)} s`,
          );
        }
        // Lets the pending write progress while the next communities are generated.
        await yieldToEventLoop();
      }
      await flush();
      await inflight;
      if (failure) throw failure;
      await sql.query('COMMIT');
      committed = true;
    } finally {
      if (!committed) await sql.query('ROLLBACK').catch(() => undefined);
    }
    let deliberation: DeliberationCounts | undefined;
    if ((await sql.query(`SELECT to_regclass('deliberation_topics') IS NOT NULL AS present`))[0]?.present === true) {
      await sql.query('BEGIN');
      try {
        deliberation = await seedDeliberation(sql, { seed, today, log });
        await sql.query('COMMIT');
      } catch (error) {
        await sql.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    let property: PropertyCounts | undefined;
    if ((await sql.query(`SELECT to_regclass('property_parts') IS NOT NULL AS present`))[0]?.present === true) {
      await sql.query('BEGIN');
      property = await seedProperty(sql, { seed, today, log }).catch(async (error: unknown) => {
        await sql.query('ROLLBACK').catch(() => undefined);
        throw error;
      });
      await sql.query('COMMIT');
    }
    await sql.query('BEGIN');
    const cases = await seedCases(sql, { seed, today, count: spec.cases, log }).catch(async (error: unknown) => {
      await sql.query('ROLLBACK').catch(() => undefined);
      throw error;
    });
    await sql.query('COMMIT');
    if (cases) await sql.query(`VACUUM (ANALYZE) cases`);
    const writeMs = Date.now() - started;
    log(`written in ${Math.round(writeMs / 1000)} s; vacuuming and analysing`);

    const finishing = Date.now();
    await sql.query(`VACUUM (ANALYZE) ${VACUUMED_TABLES.join(', ')}`);
    if (await functionExists(sql, 'organization_analytics_refresh'))
      await sql.query(`SELECT organization_analytics_refresh(NULL)`);
    const finishMs = Date.now() - finishing;

    return {
      scale: options.scale,
      seed,
      today,
      cityId: generator.cityId,
      encrypted: crypto !== null,
      counts: generator.counts,
      deliberation,
      property,
      cases,
      writeMs,
      finishMs,
      durationMs: Date.now() - started,
    };
  } finally {
    await connection.close();
  }
}
