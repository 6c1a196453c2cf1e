import 'reflect-metadata';
import { AppProcess, spawnApp, waitHealthy } from './lib/app-processes';
import { defineBenchCommand, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchConfig, benchVariables } from './lib/bench-setup';
import { dropDatabase, flushRedis } from './lib/database';
import { CpuShares, cpuWindow } from './lib/cpu-shares';
import { describeMachine, loadAverage } from './lib/machine';
import { median } from './lib/median';
import { machineLine, sectionOpening, writeResultsSection } from './lib/results-file';
import { makeApiFixture } from './api/fixture';
import { drive, LoadFigures } from './api/load';
import { prepareDemoDatabase } from './api/prepare';
import { runCrashScenario } from './scale/crash-run';

const API_PORTS = [3930, 3931];

const COMMAND = defineBenchCommand({
  command: 'npm run bench:scale',
  description: [
    'Creates `linli_bench_scale` as `npm start` would, then (1) drives `GET /units/:id` as a community',
    'secretary against one api process and against two (the connections split between them), and (2)',
    'runs two schedulers and two notifiers as processes while 20,000 domain events go through the outbox',
    'into the points subscribers and recorded jobs are queued twice per period, killing (`kill -9`) a',
    'scheduler and a notifier at random moments and restarting them; then checks the books. Writes its',
    'section of tools/bench/RESULTS.md.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_scale',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    seconds: { type: 'number', default: 10, min: 1, help: 'seconds of load per throughput measurement' },
    connections: { type: 'number', default: 32, min: 2, help: 'load connections in all (split between two processes)' },
    repeats: { type: 'number', default: 3, min: 1, help: 'throughput measurements of each shape' },
    events: { type: 'number', default: 20_000, min: 1, help: 'domain events through the outbox' },
    kills: { type: 'number', default: 3, min: 1, help: 'kill -9 rounds per kind (scheduler, notifier)' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

/** `npm run bench:scale -- [--seconds 10] [--connections 32] [--repeats 3] [--events 20000] [--kills 3] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  const environment = {
    name: 'linli-bench-scale',
    databaseUrl: options.databaseUrl,
    env: { QUEUE_LOCK_SECONDS: '5' },
  };
  const config = benchConfig(environment);
  await prepareDemoDatabase(config, { skipSeed: options.skipSeed, log: out });
  const machine = await describeMachine(options.databaseUrl);
  const variables = benchVariables(environment);

  // ---- (1) one api process, then two ----
  const apis: AppProcess[] = API_PORTS.map((port, i) => spawnApp('api', `api-${i + 1}`, variables, port, out));
  await waitHealthy(apis);
  const fixture = await makeApiFixture(`http://127.0.0.1:${API_PORTS[0]}/api/v1`, options.databaseUrl, 1);
  const path = `/api/v1/units/${fixture.community.id}`;
  const load = (port: number, connections: number) =>
    drive({
      origin: `http://127.0.0.1:${port}`,
      authorization: fixture.secretary,
      connections,
      seconds: options.seconds,
      steps: [{ method: 'GET', path: () => path }],
    });
  for (const port of API_PORTS) await drive({ ...warmUp(port, fixture.secretary, path) });
  const one: LoadFigures[] = [];
  const two: LoadFigures[][] = [];
  const loads: string[] = [];
  const shares: CpuShares[] = [];
  for (let i = 0; i < options.repeats; i++) {
    const window = cpuWindow({ api: [apis[0].child.pid ?? 0], postgres: 'postgres', redis: 'redis-server' });
    one.push(await load(API_PORTS[0], options.connections));
    shares.push(window.close());
    two.push(await Promise.all(API_PORTS.map((port) => load(port, options.connections / 2))));
    loads.push(loadAverage());
  }
  await Promise.all(apis.map((api) => api.stop()));
  const oneRps = one.map((f) => f.requestsPerSecond);
  const twoRps = two.map((pair) => pair.reduce((sum, f) => sum + f.requestsPerSecond, 0));
  const ratios = twoRps.map((rps, i) => rps / oneRps[i]);
  const failures = [...one, ...two.flat()].reduce((sum, f) => sum + f.failures, 0);
  out(
    `one api: ${oneRps.map(Math.round).join(', ')} req/s; two: ${twoRps.map(Math.round).join(', ')}; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
  );
  const cores = (who: string) => median(shares.map((share) => share.byWho[who]));
  const oneProcessCores = cores('api') + cores('postgres') + cores('redis') + cores('self');
  const coresLine =
    `- Where the cores went while one api process was driven (median of the ${options.repeats} runs, from /proc): the api ${cores('api').toFixed(2)}, ` +
    `PostgreSQL ${cores('postgres').toFixed(2)}, Redis ${cores('redis').toFixed(2)}, autocannon (the benchmark's process) ${cores('self').toFixed(2)}: ` +
    `${oneProcessCores.toFixed(2)} of the machine's ${machine.cpus} (busy ${median(shares.map((share) => share.machine)).toFixed(2)} in all). ` +
    `Serving 1.6× as many requests needs about 1.6 × ${oneProcessCores.toFixed(2)} = ${(1.6 * oneProcessCores).toFixed(2)} cores.`;
  out(coresLine);

  // ---- (2) events, recorded jobs and crashes ----
  const loadBeforeCrash = loadAverage();
  let seed = 20261203;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const crash = await runCrashScenario({
    env: variables,
    config,
    events: options.events,
    batch: 500,
    kills: options.kills,
    periods: 5,
    random,
    log: out,
  });
  out(`crash run: ${JSON.stringify(crash)}`);
  const loadAfterCrash = loadAverage();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const throughputMet = failures === 0 && median(ratios) >= 1.6;
  const eventsMet =
    crash.settled &&
    crash.entries === crash.events * crash.rules &&
    crash.processed === crash.events &&
    crash.consistency.clean;
  const n = crash.notifications;
  const notificationsMet =
    n.stored === n.expected && n.duplicated === 0 && n.deliveries === n.expected && n.notSent === 0;
  const jobsMet =
    crash.jobs.rows === crash.jobs.pairs && crash.jobs.succeeded === crash.jobs.pairs && crash.jobs.running === 0;
  const verdict = (met: boolean) => (met ? '✅ met' : '❌ **missed**');
  const title = '# Scale-out and crash faults';
  const section = [
    ...sectionOpening(title, 'npm run bench:scale'),
    machineLine(machine, ' and Redis on the same machine'),
    `- Every app is a process of its own (\`apps/*/src/main.ts\`); autocannon runs in the benchmark's process. Load average (1, 5, 15 min): ${loads.join(' / ')} after each throughput pair; ${loadBeforeCrash} before and ${loadAfterCrash} after the crash run`,
    coresLine,
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    `| \`GET /units/:id\` as a community secretary, ${options.connections} connections: two api processes (${options.connections / 2} connections each) against one | ≥ 1.6× | one: ${oneRps.map(Math.round).join(', ')} req/s; two: ${twoRps.map(Math.round).join(', ')} req/s; ratio median ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')}), ${failures} failed requests | ${verdict(throughputMet)} |`,
    `| ${crash.events.toLocaleString('en-US')} domain events through the outbox and the points subscriber, two schedulers and two notifiers, ${crash.kills.length} kills | entries = events × rules, each event processed once, consistency check clean | ${crash.entries.toLocaleString('en-US')} entries for ${crash.events.toLocaleString('en-US')} events × ${crash.rules} rule, ${crash.processed.toLocaleString('en-US')} processed markers, consistency check ${crash.consistency.clean ? 'clean' : 'NOT clean'} over ${crash.consistency.accounts.toLocaleString('en-US')} accounts, settled in ${(crash.ms / 1000).toFixed(0)} s | ${verdict(eventsMet)} |`,
    `| Their \`points.earned\` notifications | none lost or sent twice | ${n.stored.toLocaleString('en-US')} stored of ${n.expected.toLocaleString('en-US')} expected, ${n.duplicated} duplicated; ${n.deliveries.toLocaleString('en-US')} delivery records, ${n.notSent} not sent, ${n.retried} retried after a crash | ${verdict(notificationsMet)} |`,
    `| Recorded job \`cases.escalate-overdue\` for ${crash.jobs.pairs} minutes, each queued twice (${crash.jobs.queued} jobs) | one run per period, none half-done | ${crash.jobs.rows} runs, ${crash.jobs.succeeded} succeeded, ${crash.jobs.running} left running, ${crash.jobs.takenOver} taken over after a crash | ${verdict(jobsMet)} |`,
    '',
    `Kills (time since the start of the crash run, the victim, the entries written when it died): ${crash.kills.map((k) => `${(k.atMs / 1000).toFixed(1)} s ${k.victim} at ${k.entriesBefore.toLocaleString('en-US')}`).join('; ')}.`,
    '',
  ];
  out(`wrote ${writeResultsSection(title, section)}`);
  return throughputMet && eventsMet && notificationsMet && jobsMet ? 0 : 1;
}

function warmUp(port: number, authorization: string, path: string) {
  return {
    origin: `http://127.0.0.1:${port}`,
    authorization,
    connections: 8,
    seconds: 2,
    steps: [{ method: 'GET' as const, path: () => path }],
  };
}

runBench(main);
