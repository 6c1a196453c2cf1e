import 'reflect-metadata';
import { loadLinliConfig, migrate } from '@linli/composition';
import { ConfigError } from '@linli/platform';
import { parseSeedArguments, SEED_USAGE } from './seed-arguments';
import { SeedRefusedError, seedCity } from './seed-city';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/**
 * `npm run seed -- --scale demo|city [--seed N] [--database-url URL] [--today YYYY-MM-DD] [--force]`:
 * migrates the database, then fills it with a synthetic city. Exit codes: 0 done, 1 failed,
 * 2 bad arguments, 3 refused (the database is not empty; pass --force).
 */
async function main(): Promise<number> {
  const parsed = parseSeedArguments(process.argv.slice(2));
  if ('error' in parsed) {
    err(`seed-city: ${parsed.error}`);
    err(SEED_USAGE);
    return 2;
  }
  if (parsed.help) {
    out(SEED_USAGE);
    return 0;
  }
  let config;
  try {
    config = loadLinliConfig(parsed.databaseUrl ? { ...process.env, DATABASE_URL: parsed.databaseUrl } : process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`seed-city: ${error.message}`);
      return 1;
    }
    throw error;
  }
  await migrate(config.databaseUrl, { createDatabase: config.nodeEnv !== 'production' });
  try {
    const result = await seedCity({
      databaseUrl: config.databaseUrl,
      scale: parsed.scale,
      seed: parsed.seed,
      force: parsed.force,
      today: parsed.today,
      piiKey: config.piiKey,
      log: (line) => out(`seed-city: ${line}`),
    });
    out(JSON.stringify(result, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof SeedRefusedError) {
      err(`seed-city: ${error.message}`);
      return 3;
    }
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    err(`seed-city: ${(error as Error)?.stack ?? String(error)}`);
    process.exit(1);
  },
);
