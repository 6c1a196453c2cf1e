import { createLinliDataSource } from '@linli/composition';
import { seedDefaultPointRules } from '@linli/points';

/** The demo city's default points rules (idempotent by rule code); the codes it created. */
export async function seedDemoPointRules(databaseUrl: string): Promise<string[]> {
  const dataSource = createLinliDataSource(databaseUrl);
  await dataSource.initialize();
  try {
    return (await seedDefaultPointRules(dataSource)).created;
  } finally {
    await dataSource.destroy();
  }
}
