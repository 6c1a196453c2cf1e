import 'reflect-metadata';
import { loadLinliConfig, migrate } from '@linli/composition';
import { ConfigError } from '@linli/platform';

/** `npm run migrate`: creates the database in development if missing, then applies pending migrations. */
async function main(): Promise<void> {
  const config = loadLinliConfig();
  const applied = await migrate(config.databaseUrl, { createDatabase: config.nodeEnv !== 'production' });
  process.stdout.write(
    applied.length ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n` : 'database is up to date\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
