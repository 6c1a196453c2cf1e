import { LinliConfig } from '@linli/platform';
import { seedDemoPointRules } from '../../start/seed-demo-point-rules';
import { seedDemoVolunteers } from '../../start/seed-demo-volunteers';
import { prepareBenchDatabase } from '../lib/bench-setup';

/** `npm start`'s demo database: the demo district, the default points rules and the demo volunteers. */
export async function prepareDemoDatabase(
  config: LinliConfig,
  options: { skipSeed: boolean; log: (line: string) => void },
): Promise<void> {
  await prepareBenchDatabase(config, { scale: 'demo', skipSeed: options.skipSeed, log: options.log });
  if (options.skipSeed) return;
  await seedDemoPointRules(config.databaseUrl);
  await seedDemoVolunteers(config.databaseUrl);
}
