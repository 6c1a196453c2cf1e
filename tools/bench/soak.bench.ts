import 'reflect-metadata';
import { spawnApp, waitHealthy } from './lib/app-processes';
import { defineBenchCommand, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchConfig, benchVariables } from './lib/bench-setup';
import { dropDatabase, flushRedis } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { median } from './lib/median';
import { machineLine, sectionOpening, writeResultsSection } from './lib/results-file';
import { ApiFixture, makeApiFixture } from './api/fixture';
import { drive, LoadStep } from './api/load';
import { prepareDemoDatabase } from './api/prepare';

const API_PORT = 3950;
const CONNECTIONS = 16;

const COMMAND = defineBenchCommand({
  command: 'npm run bench:soak',
  description: [
    'Creates `linli_bench_soak` as `npm start` would, starts the api, a scheduler and a notifier as',
    'processes, and drives the api with a steady mix of the hot routes (five reads as a community',
    'secretary, a sign-up and its cancellation) at a fixed rate: a warm-up, then the soak. Reports',
    "errors and the api's resident memory after the warm-up and after the soak.",
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_soak',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    minutes: { type: 'number', default: 10, min: 1, help: 'minutes of soak after the warm-up' },
    warmUp: { type: 'number', default: 120, min: 30, help: 'seconds of warm-up at the same rate' },
    rate: { type: 'number', default: 300, min: 1, help: 'requests per second, all connections together' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

function mix(f: ApiFixture): LoadStep[] {
  const activity = `/api/v1/volunteers/activities/${f.activityId}`;
  return [
    { method: 'GET', path: () => `/api/v1/units/${f.community.id}` },
    { method: 'GET', path: () => `/api/v1/units/${f.community.id}/coverage` },
    { method: 'GET', path: () => '/api/v1/me/notifications' },
    { method: 'GET', path: () => `/api/v1/points/accounts/person/${f.personId}` },
    { method: 'GET', path: () => `/api/v1/volunteers/activities?unitId=${f.community.id}` },
    { method: 'POST', path: () => `${activity}/signups`, body: (context) => ({ personId: context.person }) },
    { method: 'DELETE', path: (context) => `${activity}/signups/${context.person}` },
  ];
}

const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

/** Seconds at the end of a phase whose median resident memory is its level. */
const LEVEL_SECONDS = 20;

/** `npm run bench:soak -- [--minutes 10] [--warm-up 120] [--rate 300] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  const environment = { name: 'linli-bench-soak', databaseUrl: options.databaseUrl };
  const config = benchConfig(environment);
  await prepareDemoDatabase(config, { skipSeed: options.skipSeed, log: out });
  const machine = await describeMachine(options.databaseUrl);
  const variables = benchVariables(environment);
  const api = spawnApp('api', 'api', { ...variables, LOG_LEVEL: 'info' }, API_PORT, () => undefined);
  const workers = [
    spawnApp('scheduler', 'scheduler', variables, API_PORT + 1, out),
    spawnApp('notifier', 'notifier', variables, API_PORT + 2, out),
  ];
  await waitHealthy([api, ...workers]);
  const fixture = await makeApiFixture(`http://127.0.0.1:${API_PORT}/api/v1`, options.databaseUrl, CONNECTIONS);
  const run = (seconds: number) => {
    let next = 0;
    return drive({
      origin: `http://127.0.0.1:${API_PORT}`,
      authorization: fixture.secretary,
      connections: CONNECTIONS,
      seconds,
      overallRate: options.rate,
      steps: mix(fixture),
      prepare: (context) => {
        context.person = fixture.volunteerIds[next++ % fixture.volunteerIds.length];
      },
    });
  };
  // The api's memory every second; a phase's level is the median of its last LEVEL_SECONDS, under load.
  const everySecond: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => everySecond.push({ at: Date.now(), rss: api.rssBytes() }), 1000);
  const levelUntil = (end: number) =>
    median(everySecond.filter((s) => s.at > end - LEVEL_SECONDS * 1000 && s.at <= end).map((s) => s.rss));
  const warm = await run(options.warmUp);
  const rssAfterWarmUp = levelUntil(Date.now());
  const loadBefore = loadAverage();
  const soakStart = Date.now();
  const soak = await run(options.minutes * 60);
  clearInterval(sampler);
  const rssAfterSoak = levelUntil(Date.now());
  const samples = everySecond.filter((s) => s.at > soakStart && Math.round((s.at - soakStart) / 1000) % 30 === 0);
  const loadAfter = loadAverage();
  await Promise.all([api, ...workers].map((child) => child.stop()));
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const growth = rssAfterSoak / rssAfterWarmUp - 1;
  const met = soak.failures === 0 && warm.failures === 0 && Math.abs(growth) <= 0.15;
  out(`soak: ${JSON.stringify({ warm, soak, rssAfterWarmUp, rssAfterSoak, growth })}`);
  const title = '# Soak: the api under steady mixed load';
  const section = [
    ...sectionOpening(title, 'npm run bench:soak'),
    machineLine(machine),
    `- The api (\`LOG_LEVEL=info\`, its request log written to a pipe), a scheduler and a notifier as processes on the demo database; autocannon at ${options.rate} requests/s over ${CONNECTIONS} connections, each repeating: \`GET /units/:id\`, \`GET /units/:id/coverage\`, \`GET /me/notifications\`, \`GET /points/accounts/person/:id\`, \`GET /volunteers/activities?unitId=\`, \`POST …/signups\`, \`DELETE …/signups/:personId\` as a community secretary`,
    `- Load average (1, 5, 15 min): ${loadBefore} after the warm-up, ${loadAfter} after the soak`,
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    `| ${options.minutes} min at ${options.rate} requests/s after ${options.warmUp} s of warm-up | no error | ${soak.requests.toLocaleString('en-US')} requests (${Math.round(soak.requestsPerSecond)}/s, p50 ${soak.p50Ms} ms, p99 ${soak.p99Ms} ms), ${soak.failures} failed; warm-up ${warm.requests.toLocaleString('en-US')} requests, ${warm.failures} failed | ${soak.failures === 0 && warm.failures === 0 ? '✅ met' : '❌ **missed**'} |`,
    `| The api's resident memory at the end of the soak against the end of the warm-up (each the median of its last ${LEVEL_SECONDS} s, under load) | within 15 % | ${mib(rssAfterWarmUp)} → ${mib(rssAfterSoak)} (${(growth * 100).toFixed(1)} %); every 30 s during the soak: ${samples.map((s) => mib(s.rss)).join(', ')} | ${Math.abs(growth) <= 0.15 ? '✅ met' : '❌ **missed**'} |`,
    '',
  ];
  out(`wrote ${writeResultsSection(title, section)}`);
  return met ? 0 : 1;
}

runBench(main);
