import 'reflect-metadata';
import { migrate } from '@linli/composition';
import { currentRun, databaseUrlFor, templateDatabaseName, withAdminClient } from './test-run';

/**
 * Once per `npm test` (run by tools/jest/global-setup.js): creates a template database and migrates
 * it; each Jest worker then clones it (CREATE DATABASE … TEMPLATE), far faster than migrating per worker.
 */
async function main(): Promise<void> {
  const template = templateDatabaseName(currentRun());
  await withAdminClient((client) => client.query(`CREATE DATABASE "${template}"`));
  await migrate(databaseUrlFor(template), { createDatabase: false });
}

main().catch((error: unknown) => {
  process.stderr.write(`test setup failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
