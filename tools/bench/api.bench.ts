import 'reflect-metadata';
import { spawnApp, spawnScript, waitHealthy } from './lib/app-processes';
import { defineBenchCommand, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchConfig, benchVariables } from './lib/bench-setup';
import { dropDatabase, flushRedis } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { median } from './lib/median';
import { machineLine, sectionOpening, writeResultsSection } from './lib/results-file';
import { ApiFixture, makeApiFixture } from './api/fixture';
import { drive, LoadFigures, LoadStep } from './api/load';
import { prepareDemoDatabase } from './api/prepare';

const API_PORT = 3910;
const BASELINE_PORT = 3911;

const COMMAND = defineBenchCommand({
  command: 'npm run bench:api',
  description: [
    'Creates `linli_bench_api` as `npm start` would (the demo district, default points rules, demo',
    'volunteers), starts the api as its own process and a bare Fastify + `pg` server answering the same',
    'routes with the same statements, and drives both in turn with autocannon (in this process): each',
    'route as the administrator and as a community secretary, at each connection count. Writes',
    'requests/s, p50, p99 and the ratios to its section of tools/bench/RESULTS.md.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_api',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    seconds: { type: 'number', default: 4, min: 1, help: 'seconds of load per measurement (after a warm-up)' },
    repeats: {
      type: 'number',
      default: 3,
      min: 1,
      help: 'measurements of each pair (api, then baseline), interleaved; the verdict is on the median ratio',
    },
    label: { type: 'string', default: 'after', placeholder: '<label>', help: 'names the RESULTS.md section' },
    profile: {
      type: 'string',
      default: '',
      placeholder: '<dir>',
      help: "write the api's CPU profile (node --cpu-prof) into this directory",
    },
    only: {
      type: 'string',
      default: '',
      placeholder: '<keys>',
      help: 'measure only these routes (comma-separated: units, coverage, inbox, account, activities, write); prints, leaves RESULTS.md alone',
    },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

const CONNECTIONS = [16, 64] as const;

interface Route {
  key: string;
  name: string;
  kind: 'read' | 'write';
  steps: (fixture: ApiFixture) => LoadStep[];
}

const ROUTES: Route[] = [
  {
    key: 'units',
    name: '`GET /units/:id` (the community)',
    kind: 'read',
    steps: (f) => [{ method: 'GET', path: () => `/api/v1/units/${f.community.id}` }],
  },
  {
    key: 'coverage',
    name: '`GET /units/:id/coverage` (the community)',
    kind: 'read',
    steps: (f) => [{ method: 'GET', path: () => `/api/v1/units/${f.community.id}/coverage` }],
  },
  {
    key: 'inbox',
    name: '`GET /me/notifications`',
    kind: 'read',
    steps: () => [{ method: 'GET', path: () => '/api/v1/me/notifications' }],
  },
  {
    key: 'account',
    name: '`GET /points/accounts/person/:id` (a resident of the community)',
    kind: 'read',
    steps: (f) => [{ method: 'GET', path: () => `/api/v1/points/accounts/person/${f.personId}` }],
  },
  {
    key: 'activities',
    name: '`GET /volunteers/activities?unitId=` (the community)',
    kind: 'read',
    steps: (f) => [{ method: 'GET', path: () => `/api/v1/volunteers/activities?unitId=${f.community.id}` }],
  },
  {
    key: 'write',
    name: '`POST /volunteers/activities/:id/signups` then `DELETE …/signups/:personId` (one volunteer per connection)',
    kind: 'write',
    steps: (f) => [
      {
        method: 'POST',
        path: () => `/api/v1/volunteers/activities/${f.activityId}/signups`,
        body: (context) => ({ personId: context.person }),
      },
      {
        method: 'DELETE',
        path: (context) => `/api/v1/volunteers/activities/${f.activityId}/signups/${context.person}`,
      },
    ],
  },
];

/** One api run and the baseline's right after it, under the same load. */
interface Pair {
  api: LoadFigures;
  baseline: LoadFigures;
}

interface Measurement {
  route: Route;
  role: 'admin' | 'secretary';
  connections: number;
  pairs: Pair[];
}

const pairRatio = (pair: Pair) => pair.api.requestsPerSecond / pair.baseline.requestsPerSecond;
const pairP99Ratio = (pair: Pair) => pair.api.p99Ms / Math.max(pair.baseline.p99Ms, 1);
const ratio = (m: Measurement) => median(m.pairs.map(pairRatio));
const p99Ratio = (m: Measurement) => median(m.pairs.map(pairP99Ratio));
const failuresOf = (m: Measurement) => m.pairs.reduce((sum, pair) => sum + pair.api.failures, 0);
const medianOf = (m: Measurement, side: 'api' | 'baseline', figure: keyof LoadFigures) =>
  median(m.pairs.map((pair) => pair[side][figure]));
const targetOf = (route: Route) => (route.kind === 'read' ? 0.5 : 0.3);

/** `npm run bench:api -- [--seconds 4] [--repeats 3] [--label after] [--only write,inbox] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  const only = options.only ? options.only.split(',').map((key) => key.trim()) : undefined;
  const routes = only ? ROUTES.filter((route) => only.includes(route.key)) : ROUTES;
  if (routes.length === 0)
    throw new Error(`--only ${options.only}: no such route (${ROUTES.map((r) => r.key).join(', ')})`);

  const environment = { name: 'linli-bench-api', databaseUrl: options.databaseUrl };
  const config = benchConfig(environment);
  await prepareDemoDatabase(config, { skipSeed: options.skipSeed, log: out });
  const machine = await describeMachine(options.databaseUrl);
  const log = (line: string) => out(line);
  const api = spawnApp(
    'api',
    'api',
    benchVariables(environment),
    API_PORT,
    log,
    options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : [],
  );
  const baseline = spawnScript(
    'baseline',
    'tools/bench/api/baseline-server.ts',
    { DATABASE_URL: options.databaseUrl, PORT: String(BASELINE_PORT) },
    `http://127.0.0.1:${BASELINE_PORT}/health`,
    log,
  );
  await waitHealthy([api, baseline]);
  const fixture = await makeApiFixture(
    `http://127.0.0.1:${API_PORT}/api/v1`,
    options.databaseUrl,
    Math.max(...CONNECTIONS),
  );
  const loadAtStart = loadAverage();
  const loads: string[] = [];

  const measurements: Measurement[] = [];
  for (const route of routes) {
    for (const role of ['admin', 'secretary'] as const) {
      for (const connections of CONNECTIONS) {
        const run = async (port: number, seconds: number) => {
          let next = 0;
          return drive({
            origin: `http://127.0.0.1:${port}`,
            authorization: fixture[role],
            connections,
            seconds,
            steps: route.steps(fixture),
            prepare: (context) => {
              context.person = fixture.volunteerIds[next++ % fixture.volunteerIds.length];
            },
          });
        };
        const pairs: Pair[] = [];
        for (let repeat = 0; repeat < options.repeats; repeat++) {
          const warmUp = repeat === 0 ? 2 : 1;
          await run(API_PORT, warmUp);
          const apiFigures = await run(API_PORT, options.seconds);
          await run(BASELINE_PORT, warmUp);
          pairs.push({ api: apiFigures, baseline: await run(BASELINE_PORT, options.seconds) });
        }
        loads.push(loadAverage());
        const m: Measurement = { route, role, connections, pairs };
        measurements.push(m);
        out(
          `${route.name} as ${role}, ${connections} connections: ${pairs.map((pair) => `api ${Math.round(pair.api.requestsPerSecond)}/s p99 ${pair.api.p99Ms} ms (${pair.api.failures} failures), baseline ${Math.round(pair.baseline.requestsPerSecond)}/s p99 ${pair.baseline.p99Ms} ms`).join('; ')}; ratio median ${(ratio(m) * 100).toFixed(0)} %`,
        );
      }
    }
  }
  const apiRss = api.rssBytes();
  await api.stop();
  await baseline.stop();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const met = (m: Measurement) =>
    failuresOf(m) === 0 &&
    ratio(m) >= targetOf(m.route) &&
    (m.route.kind === 'write' || m.connections !== 64 || p99Ratio(m) <= 3);
  const rps = (value: number) => Math.round(value).toLocaleString('en-US');
  const percent = (value: number) => `${(value * 100).toFixed(0)} %`;
  const spread = (m: Measurement) => {
    const ratios = m.pairs.map(pairRatio);
    return `${percent(Math.min(...ratios))}–${percent(Math.max(...ratios))}`;
  };
  const title = `# API hot path against bare Fastify + pg (${options.label})`;
  const section = [
    ...sectionOpening(title, 'npm run bench:api'),
    machineLine(machine),
    `- The api (\`apps/api\`, \`LOG_LEVEL=warn\`, its own process) and the baseline (\`tools/bench/api/baseline-server.ts\`: Fastify and a \`pg\` pool of the api's size, the same statements, no auth, scope check, validation or log) on the demo database of \`npm start\`; autocannon in the benchmark's process drives one of them at a time, ${options.seconds} s per measurement after a warm-up (2 s the first time, 1 s after), ${options.repeats} pairs (api, then baseline) per row; the figures are the medians of the pairs, the spread the lowest and highest ratio of a pair`,
    `- Load average (1, 5, 15 min): ${loadAtStart} before the first measurement; after each row: ${loads.map((l) => l.split(',')[0]).join(' ')}`,
    `- The api's resident memory at the end: ${Math.round(apiRss / 1024 ** 2)} MiB`,
    '',
    `Targets: each read ≥ 50 % of the baseline's requests/s at 16 and at 64 connections and its p99 at 64 connections ≤ 3× the baseline's; the write ≥ 30 %.`,
    '',
    '| Route | As | Connections | api req/s | api p50 / p99 | baseline req/s | baseline p50 / p99 | req/s ratio (spread) | p99 ratio | Result |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...measurements.map(
      (m) =>
        `| ${m.route.name} | ${m.role} | ${m.connections} | ${rps(medianOf(m, 'api', 'requestsPerSecond'))}${failuresOf(m) ? ` (${failuresOf(m)} failed)` : ''} | ${medianOf(m, 'api', 'p50Ms')} / ${medianOf(m, 'api', 'p99Ms')} ms | ${rps(medianOf(m, 'baseline', 'requestsPerSecond'))} | ${medianOf(m, 'baseline', 'p50Ms')} / ${medianOf(m, 'baseline', 'p99Ms')} ms | ${percent(ratio(m))} (${spread(m)}) | ${p99Ratio(m).toFixed(1)}× | ${met(m) ? '✅ met' : '❌ **missed**'} |`,
    ),
    '',
  ];
  if (only) out(section.join('\n'));
  else out(`wrote ${writeResultsSection(title, section)}`);
  return measurements.every(met) ? 0 : 1;
}

runBench(main);
