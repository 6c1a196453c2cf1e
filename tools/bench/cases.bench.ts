import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiApp, createSchedulerApp } from '@linli/composition';
import { FIXED_KIND_DEPTH } from '@linli/organization';
import { BusinessCalendar, JobRunner, signWebhook, WebhookHeader } from '@linli/platform';
import { MONTHLY_RANKING_SCHEDULE } from '../../libs/cases/src/rates/monthly-ranking.job';
import { defineBenchCommand, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchAuthorization, benchConfig, prepareBenchDatabase } from './lib/bench-setup';
import { dropDatabase, flushRedis, withClient } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { replaceSection } from './lib/results-sections';
import { runLoadClients } from './lib/load-clients-runner';
import { ms, summarize, timeIt, Timing } from './lib/timing';

const TITLE = '# Cases benchmark';
const RANKING_TARGET_MS = 30_000;
const DASHBOARD_TARGET_MS = 100;
const HOTLINE_SECRET = 'bench-hotline-secret-0123';

const COMMAND = defineBenchCommand({
  command: 'npm run bench:cases',
  description: [
    'Creates `linli_bench_cases`, seeds a city with its cases (1,000,000 at `city` scale), starts the api',
    'and the scheduler and measures: the monthly rates and ranking of every street and community (the',
    'recorded job, forced), a street’s rates over real HTTP, and hotline tickets from concurrent clients',
    'in another process (with redeliveries), counted in the database. Writes its section of',
    'tools/bench/RESULTS.md and drops the database unless `--keep`.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_cases',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'city', help: 'the seed-city scale' },
    rankings: { type: 'number', default: 3, min: 1, help: 'runs of the monthly ranking' },
    samples: { type: 'number', default: 50, min: 1, help: 'measured dashboard requests (after 5 warm-ups)' },
    tickets: { type: 'number', default: 10_000, min: 1, help: 'hotline tickets' },
    redeliveries: { type: 'number', default: 1_000, min: 0, help: 'tickets sent a second time, mixed in' },
    clients: { type: 'number', default: 20, min: 1, help: 'concurrent hotline clients' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

interface Row {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const spread = (t: Timing) =>
  `median ${ms(t.medianMs)}, p95 ${ms(t.p95Ms)} (min ${ms(t.minMs)}, max ${ms(t.maxMs)}, ${t.samples} samples)`;

/** `npm run bench:cases -- [--scale city|demo] [--rankings 3] [--samples 50] [--tickets 10000] [--redeliveries 1000] [--clients 20] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  const loadAtStart = loadAverage();
  const config = benchConfig({
    name: 'linli-bench-cases',
    databaseUrl: options.databaseUrl,
    env: { CASES_HOTLINE_SECRET: HOTLINE_SECRET, CASES_HOTLINE_ACCOUNT_ID: randomUUID() },
  });
  const seed = (await prepareBenchDatabase(config, { scale: options.scale, skipSeed: options.skipSeed, log: out }))
    .seed;
  const machine = await describeMachine(options.databaseUrl);
  const sql = <T>(text: string, params: unknown[] = []) =>
    withClient(options.databaseUrl, async (client) => (await client.query(text, params)).rows as T[]);

  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const scheduler = await createSchedulerApp(config);
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}/api/v1`;
  const admin = await benchAuthorization(api);
  const send = async (path: string) => {
    const response = await fetch(`${base}${path}`, { headers: { authorization: admin } });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  const [counts] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM units WHERE kind = 'community') AS communities,
            (SELECT count(*) FROM units WHERE kind = 'street') AS streets, (SELECT count(*) FROM cases) AS cases,
            (SELECT min(reported_at) FROM cases)::text AS first, (SELECT max(reported_at) FROM cases)::text AS last`,
  );

  // ---- (a) the monthly rates and ranking of every street and community ----
  const calendar = api.get(BusinessCalendar);
  const month = calendar.previousPeriodOf(new Date(), 'month').key;
  const runner = scheduler.get(JobRunner);
  const rankingRuns: number[] = [];
  let rankingResult: unknown;
  for (let i = 0; i < options.rankings; i++) {
    const run = await timeIt(() => runner.run({ schedule: MONTHLY_RANKING_SCHEDULE, period: month, force: true }));
    if (run.value.run.status !== 'succeeded') throw new Error(`ranking run: ${JSON.stringify(run.value.run)}`);
    rankingResult = run.value.run.result;
    rankingRuns.push(run.ms);
    out(`ranking of ${month} in ${ms(run.ms)}: ${JSON.stringify(rankingResult)}`);
  }
  const ranking = summarize(rankingRuns);
  const [ranked] = await sql<{ rows: number; received: number }>(
    `SELECT count(*)::int AS rows, sum((figures->>'received')::int) FILTER (WHERE kind = 'community')::int AS received
       FROM case_rankings WHERE period = $1`,
    [month],
  );
  const [monthCases] = await sql<{ n: number; at_community: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE cardinality(string_to_array(unit_path, '.')) >= $3)::int AS at_community
       FROM cases WHERE reported_at >= $1 AND reported_at < $2`,
    [calendar.parse(month).start, calendar.parse(month).end, FIXED_KIND_DEPTH.community],
  );

  // ---- (b) a street's dashboard ----
  const [street] = await sql<{ id: string; name: string; cases: number }>(
    `SELECT s.id, s.name, count(c.*)::int AS cases FROM units s JOIN cases c ON c.unit_path LIKE s.path || '.%'
      WHERE s.kind = 'street' AND c.reported_at >= $1 AND c.reported_at < $2 GROUP BY s.id, s.name
      ORDER BY count(c.*) DESC LIMIT 1`,
    [calendar.parse(month).start, calendar.parse(month).end],
  );
  const dashboardPath = `/cases/units/${street.id}/case-rates?period=${month}`;
  for (let i = 0; i < 5; i++) if ((await send(dashboardPath)).status !== 200) throw new Error('dashboard warm-up');
  const dashboardRuns: number[] = [];
  let dashboardBody: Record<string, unknown> = {};
  for (let i = 0; i < options.samples; i++) {
    const run = await timeIt(() => send(dashboardPath));
    if (run.value.status !== 200) throw new Error(`dashboard: ${run.value.status} ${JSON.stringify(run.value.body)}`);
    dashboardBody = run.value.body;
    dashboardRuns.push(run.ms);
  }
  const dashboard = summarize(dashboardRuns);
  if (dashboardBody.received !== street.cases)
    throw new Error(`dashboard received ${String(dashboardBody.received)}, SQL ${street.cases}`);

  // ---- (c) hotline tickets from concurrent clients, with redeliveries ----
  const [location] = await sql<{ id: string }>(`SELECT id FROM units WHERE kind = 'complex' ORDER BY seq LIMIT 1`);
  const [category] = await sql<{ code: string }>(`SELECT code FROM case_categories WHERE code LIKE 'demand.%' LIMIT 1`);
  const run = `BENCH-${Date.now()}`;
  const ticket = (i: number) => ({
    ticketNumber: `${run}-${i}`,
    unitId: location.id,
    type: 'demand',
    categoryCode: category.code,
    title: `热线工单${i}`,
  });
  const numbers = Array.from({ length: options.tickets }, (_, i) => i);
  const redelivered = numbers.filter((i) => i % Math.max(1, Math.floor(options.tickets / options.redeliveries)) === 0);
  const order = [...numbers, ...redelivered.slice(0, options.redeliveries)];
  const timestamp = String(Math.floor(Date.now() / 1000));
  const load = await runLoadClients({
    base,
    clients: options.clients,
    requests: order.map((i) => {
      const body = ticket(i);
      return {
        method: 'POST' as const,
        path: '/cases/intake/hotline',
        authorization: '',
        body,
        headers: {
          [WebhookHeader.Timestamp]: timestamp,
          [WebhookHeader.Signature]: signWebhook(HOTLINE_SECRET, timestamp, JSON.stringify(body)),
        },
      };
    }),
  });
  const [stored] = await sql<{ n: number; distinct_tickets: number; registered: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct_tickets,
            count(*) FILTER (WHERE status = 'registered')::int AS registered
       FROM cases WHERE channel = 'hotline_12345' AND external_id LIKE $1`,
    [`${run}-%`],
  );
  out(
    `hotline: ${order.length} requests in ${ms(load.ms)}, ${JSON.stringify(load.statuses)}, stored ${JSON.stringify(stored)}`,
  );

  await scheduler.close();
  await api.close();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const n = (value: string | number) => Number(value).toLocaleString('en-US');
  const rows: Row[] = [
    {
      what: `Monthly rates and ranking of every street (${n(counts.streets)}) and community (${n(counts.communities)}) for ${month} (the recorded job \`cases.monthly-ranking\`, forced; ${n(monthCases.n)} cases reported that month, ${n(counts.cases)} in all)`,
      target: `< ${RANKING_TARGET_MS / 1000} s`,
      measured: spread(ranking),
      met: ranking.maxMs < RANKING_TARGET_MS && ranked.received === monthCases.at_community,
    },
    {
      what: `A street's dashboard: \`GET /cases/units/:streetId/case-rates?period=${month}\` (${street.name}, ${n(street.cases)} cases that month)`,
      target: `< ${DASHBOARD_TARGET_MS} ms`,
      measured: spread(dashboard),
      met: dashboard.p95Ms < DASHBOARD_TARGET_MS,
    },
    {
      what: `${n(options.tickets)} hotline tickets (\`POST /cases/intake/hotline\`, signed) from ${options.clients} clients in another process, ${n(Math.min(options.redeliveries, redelivered.length))} of them delivered twice`,
      target: 'none lost or doubled',
      measured: `${ms(load.ms)} (${Math.round((order.length / load.ms) * 1000)} requests/s); answers ${JSON.stringify(load.statuses)}; stored ${n(stored.n)} cases for ${n(stored.distinct_tickets)} tickets, ${n(stored.registered)} registered`,
      met:
        stored.n === options.tickets &&
        stored.distinct_tickets === options.tickets &&
        stored.registered === options.tickets &&
        (load.statuses.ok ?? 0) === order.length,
    },
  ];
  const args = process.argv.slice(2).join(' ');
  const verdict = (met: boolean | null) => (met === null ? '– reported' : met ? '✅ met' : '❌ **missed**');
  const figures = dashboardBody as Record<string, number>;
  const pct = (value: unknown) => (typeof value === 'number' ? `${(value * 100).toFixed(2)} %` : '–');
  const section = [
    TITLE,
    '',
    `Measured ${new Date().toISOString()} with:`,
    '',
    '```',
    `npm run bench:cases${args ? ` -- ${args}` : ''}`,
    '```',
    '',
    '## Machine',
    '',
    `- ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGiB} GiB memory; PostgreSQL ${machine.postgres}; Node.js ${process.version}`,
    '- The api and the scheduler run in the benchmark’s process; the dashboard is read over real HTTP (`fetch`, keep-alive), the hotline tickets come from a child process',
    `- Load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`,
    '',
    '## Data',
    '',
    `- City by \`seed-city --scale ${options.scale}\` (seed 1)${seed ? ` in ${ms(seed.durationMs)}` : ' by an earlier run'}: ${n(counts.units)} units, ${n(counts.cases)} cases reported from ${counts.first} to ${counts.last} (\`seedCases\`: 60 % found by grid workers, 5 % rejected, most older cases closed on time, visited and satisfied).`,
    '',
    '## Results against the targets',
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.what} | ${row.target} | ${row.measured} | ${verdict(row.met)} |`),
    '',
    '## Details',
    '',
    `- Ranking: ${ranked.rows} rows stored for ${month}; the communities' received cases sum to ${n(ranked.received)}, the month's cases located at or below a community by SQL ${n(monthCases.at_community)}. Last result ${JSON.stringify(rankingResult)}.`,
    `- ${street.name}, ${month}: received ${n(figures.received)}, response ${pct(figures.responseRate)}, resolution ${pct(figures.resolutionRate)}, satisfaction ${pct(figures.satisfactionRate)}, on-time close ${pct(figures.onTimeCloseRate)}, rework ${pct(figures.reworkRate)}, found by grid workers ${pct(figures.gridFoundShare)}, score ${figures.score}.`,
    `- Hotline latency: ${spread(summarize(load.latencies))}. A redelivery answers 200 with the case the ticket became; a new ticket 201.`,
    '',
  ].join('\n');
  const file = join(__dirname, 'RESULTS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), TITLE, section));
  out(`wrote ${file}`);
  return rows.every((row) => row.met !== false) ? 0 : 1;
}

runBench(main);
