import 'reflect-metadata';
import concurrently from 'concurrently';
import { Client } from 'pg';
import { loadLinliConfig, migrate } from '@linli/composition';
import { ConfigError, LinliConfig } from '@linli/platform';
import { seedCity } from '../seed-city/src';
import { checkServices } from './check-services';
import { DEMO_RECORDS, seedDemoRecords } from './seed-demo-records';
import { seedDemoPointRules } from './seed-demo-point-rules';
import { seedDemoVolunteers } from './seed-demo-volunteers';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function waitForHealth(url: string, deadlineMs: number): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/** In development, an empty database gets the demo district (one district of DOMAIN.md: 30 communities, 161 grids). */
async function seedDemoCity(config: LinliConfig): Promise<void> {
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  const units = await client.query<{ count: string }>('SELECT count(*) FROM units').finally(() => client.end());
  if (Number(units.rows[0].count) > 0) return;
  out('linli: empty database, loading the demo district (seed-city demo)…');
  const result = await seedCity({ databaseUrl: config.databaseUrl, scale: 'demo', piiKey: config.piiKey });
  out(
    `linli: demo district loaded in ${(result.durationMs / 1000).toFixed(1)} s (${result.counts.units} units, ${result.counts.people} people)`,
  );
}

/** In development, the demo city's default points rules (idempotent by rule code). */
async function reportDemoPointRules(config: LinliConfig): Promise<void> {
  const created = await seedDemoPointRules(config.databaseUrl);
  if (created.length) out(`linli: default points rules created: ${created.join(', ')}`);
}

/**
 * `npm start`: checks PostgreSQL and Redis, migrates, then runs api, scheduler and notifier together
 * with prefixed logs until Ctrl-C.
 */
async function main(): Promise<void> {
  let config: LinliConfig;
  try {
    config = loadLinliConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`linli: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const problems = await checkServices(config.databaseUrl, config.redisUrl);
  if (problems.length > 0) {
    err('linli: cannot start, a required service is not reachable:');
    for (const p of problems) err(`  - ${p.service} at ${p.url}: ${p.error}\n    → ${p.howToStart}`);
    process.exit(1);
  }

  const applied = await migrate(config.databaseUrl, { createDatabase: config.nodeEnv !== 'production' });
  out(applied.length ? `linli: applied ${applied.length} migration(s)` : 'linli: database is up to date');

  if (config.nodeEnv === 'development' && config.modules.includes('organization')) await seedDemoCity(config);
  if (config.nodeEnv === 'development' && config.modules.includes('points')) await reportDemoPointRules(config);
  if (config.nodeEnv === 'development' && config.modules.includes('volunteers')) {
    const profiles = await seedDemoVolunteers(config.databaseUrl);
    if (profiles > 0) out(`linli: ${profiles} demo volunteer profiles created`);
  }

  const node = `"${process.execPath}" -r ./tools/register.js`;
  const { result } = concurrently(
    [
      { name: 'api', command: `${node} apps/api/src/main.ts`, prefixColor: 'cyan' },
      { name: 'scheduler', command: `${node} apps/scheduler/src/main.ts`, prefixColor: 'magenta' },
      { name: 'notifier', command: `${node} apps/notifier/src/main.ts`, prefixColor: 'yellow' },
    ],
    { prefix: 'name', killOthersOn: ['failure'], handleInput: false },
  );

  const base = `http://127.0.0.1:${config.port}`;
  void Promise.all([
    waitForHealth(`${base}/health`, 60000),
    waitForHealth(`http://127.0.0.1:${config.schedulerPort}/health`, 60000),
    waitForHealth(`http://127.0.0.1:${config.notifierPort}/health`, 60000),
  ]).then(async ([api, scheduler, notifier]) => {
    for (const records of DEMO_RECORDS) {
      if (!api || config.nodeEnv !== 'development' || !config.modules.includes(records.module)) continue;
      const written = await seedDemoRecords(config.databaseUrl, config.timeZone, records).catch((error: unknown) => {
        err(`linli: demo ${records.module} data not loaded: ${(error as Error).message}`);
        return 0;
      });
      if (written > 0) out(`linli: demo ${records.module} data loaded (${written} ${records.what})`);
    }
    out('');
    out('Linli 邻里 is running:');
    out(`  api        ${base}/api/v1   ${api ? 'up' : 'NOT UP'}`);
    out(`  OpenAPI    ${base}/docs`);
    out(`  queues     ${base}/admin/queues (admin token)`);
    out(`  scheduler  http://127.0.0.1:${config.schedulerPort}/health   ${scheduler ? 'up' : 'NOT UP'}`);
    out(`  notifier   http://127.0.0.1:${config.notifierPort}/health   ${notifier ? 'up' : 'NOT UP'}`);
    out(`  modules    ${config.modules.join(', ') || '(kernel only)'}`);
    out('');
  });

  await result.then(
    () => process.exit(0),
    () => process.exit(1),
  );
}

main().catch((error: unknown) => {
  err(`linli: ${(error as Error)?.stack ?? String(error)}`);
  process.exit(1);
});
