import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadLinliConfig, migrate } from '@linli/composition';
import { LinliConfig } from '@linli/platform';
import { SeedCityResult, SeedScale, seedCity } from '../../seed-city/src';
import { dropDatabase, flushRedis } from './database';
import { timeIt } from './timing';

/** The administrator every benchmark boots with and logs in as. */
export const BENCH_ADMIN = { username: 'bench-admin', password: 'bench-password-0123' } as const;

export interface BenchEnvironment {
  /** The benchmark's own name (`linli-bench-points`): its queue prefix and its local-secrets directory under /tmp. */
  name: string;
  databaseUrl: string;
  /** `LINLI_MODULES` (e.g. `organization,points`); every module when absent. */
  modules?: string;
  /** Further variables, e.g. `OUTBOX_POLL_MS`. */
  env?: Record<string, string>;
}

/**
 * The configuration a benchmark runs with: the process environment, overridden by the benchmark's
 * database, a queue prefix of its own (so that its Redis keys can be flushed without touching
 * anyone else's), warn-level JSON logs, local secrets in /tmp and the bench administrator.
 */
export function benchConfig(environment: BenchEnvironment): LinliConfig {
  return loadLinliConfig({ ...process.env, ...benchVariables(environment) });
}

/** The variables of `benchConfig`, for the apps a benchmark runs as processes of their own. */
export function benchVariables(environment: BenchEnvironment): Record<string, string> {
  return {
    NODE_ENV: 'development',
    DATABASE_URL: environment.databaseUrl,
    QUEUE_PREFIX: environment.name,
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...(environment.modules === undefined ? {} : { LINLI_MODULES: environment.modules }),
    ...environment.env,
    LINLI_LOCAL_DIR: `/tmp/${environment.name}`,
    LINLI_ADMIN_USERNAME: BENCH_ADMIN.username,
    LINLI_ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
}

export interface PreparedDatabase {
  /** Absent with `skipSeed`. */
  seed?: SeedCityResult;
  migrateMs: number;
}

/**
 * Empties the benchmark's queues, then either recreates its database (drop, migrate, seed the city
 * at `scale`, seed 1) or, with `skipSeed`, applies pending migrations to the database an earlier
 * run seeded (`--skip-seed`, `--keep`).
 */
export async function prepareBenchDatabase(
  config: LinliConfig,
  options: { scale: SeedScale; skipSeed?: boolean; log: (line: string) => void },
): Promise<PreparedDatabase> {
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (options.skipSeed) {
    const migrated = await timeIt(() => migrate(config.databaseUrl, { createDatabase: false }));
    options.log('re-measuring the database seeded by an earlier run (--skip-seed)');
    return { migrateMs: migrated.ms };
  }
  await dropDatabase(config.databaseUrl);
  const migrateMs = (await timeIt(() => migrate(config.databaseUrl, { createDatabase: true }))).ms;
  options.log(`migrated in ${Math.round(migrateMs)} ms; seeding the ${options.scale} scale`);
  const seed = await seedCity({
    databaseUrl: config.databaseUrl,
    scale: options.scale,
    seed: 1,
    piiKey: config.piiKey,
    log: options.log,
  });
  options.log(`seeded in ${Math.round(seed.durationMs / 1000)} s`);
  return { seed, migrateMs };
}

/** Logs the bench administrator in through the api and answers the `authorization` header value. */
export async function benchAuthorization(api: NestFastifyApplication): Promise<string> {
  const login = await api.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: BENCH_ADMIN.username, password: BENCH_ADMIN.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`;
}
