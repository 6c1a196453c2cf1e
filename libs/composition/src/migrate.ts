import { ensureDatabase } from '@linli/platform';
import { createLinliDataSource } from './data-source';

/** Creates the database if missing (never in production) and runs every pending migration. */
export async function migrate(databaseUrl: string, options: { createDatabase: boolean }): Promise<string[]> {
  if (options.createDatabase) await ensureDatabase(databaseUrl);
  const dataSource = createLinliDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
