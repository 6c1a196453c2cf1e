import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApiApp } from '@linli/composition';
import { AccessTokenService } from '@linli/platform';
import { DateTime } from 'luxon';
import { seedDeliberation } from '../seed-city/src/deliberation-generator';
import { defineBenchCommand, OptionsOf, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchAuthorization, benchConfig, prepareBenchDatabase } from './lib/bench-setup';
import { dropDatabase, flushRedis, withClient } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { replaceSection } from './lib/results-sections';
import { ms, summarize, timeIt, Timing } from './lib/timing';

const TITLE = '# Deliberation module benchmark';
const RESULT_TARGET_MS = 200;
const STREET_TARGET_MS = 100;

const COMMAND = defineBenchCommand({
  command: 'npm run bench:deliberation',
  description: [
    'Creates `linli_bench_deliberation`, seeds the `city` scale (with its deliberation data and monthly',
    'reports), starts the api on a local port and measures over real HTTP: a vote over a community of',
    '10,000 residents (ballots from concurrent clients, each with the resident’s own token; the result',
    'request, repeated), then a street’s topic list and monthly report. Writes its section of',
    'tools/bench/RESULTS.md and drops the database unless `--keep`.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_deliberation',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'city', help: 'the seed-city scale' },
    residents: { type: 'number', default: 10_000, min: 2, help: 'residents of the voting community' },
    ballots: { type: 'number', default: 5_000, min: 1, help: 'ballots cast' },
    clients: { type: 'number', default: 50, min: 1, help: 'concurrent clients casting ballots' },
    samples: { type: 'number', default: 50, min: 1, help: 'measured requests per read (after 5 warm-ups)' },
    voteSeconds: { type: 'number', default: 300, min: 10, help: 'how long the vote stays open' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

type Options = OptionsOf<typeof COMMAND.options>;

/** The fields of the api's answers this benchmark reads. */
interface Answer {
  id?: string;
  path?: string;
  code?: string;
  eligible?: number;
  cast?: number;
  counts?: Record<string, number>;
  outcome?: string;
  quorumMet?: boolean;
  communities?: number;
  items?: unknown[];
}

interface Row {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

/** `npm run bench:deliberation -- [--scale city|demo] [--residents 10000] [--ballots 5000] [--clients 50] [--samples 50] [--vote-seconds 300] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  if (options.ballots > options.residents) throw new Error('--ballots cannot exceed --residents');
  const loadAtStart = loadAverage();
  const config = benchConfig({ name: 'linli-bench-deliberation', databaseUrl: options.databaseUrl });
  const seedMs =
    (await prepareBenchDatabase(config, { scale: options.scale, skipSeed: options.skipSeed, log: out })).seed
      ?.durationMs ?? 0;
  const machine = await describeMachine(options.databaseUrl);
  const sql = <T>(text: string, params: unknown[] = []) =>
    withClient(options.databaseUrl, async (client) => (await client.query(text, params)).rows as T[]);

  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}/api/v1`;
  const admin = await benchAuthorization(api);
  // seed-city attributes deliberation records to an account; a fresh database has none before the api's first start.
  const [{ topics: seededTopics }] = await sql<{ topics: number }>(
    `SELECT count(*)::int AS topics FROM deliberation_topics`,
  );
  const deliberationSeed =
    seededTopics > 0
      ? null
      : await timeIt(() =>
          withClient(options.databaseUrl, (client) =>
            seedDeliberation(
              { query: async (text, params) => (await client.query(text, params)).rows },
              { seed: 1, today: DateTime.now().setZone('Asia/Shanghai').toISODate() as string, log: out },
            ),
          ),
        );
  if (deliberationSeed) out(`deliberation data seeded in ${ms(deliberationSeed.ms)}`);
  const send = async (method: 'GET' | 'POST', path: string, authorization: string, body?: object) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Answer };
  };
  const expectStatus = (what: string, response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const timed = async (what: string, path: string, check: (body: Answer) => void = () => undefined) => {
    for (let i = 0; i < 5; i++) expectStatus(`${what} (warm-up)`, await send('GET', path, admin), 200);
    const durations: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const run = await timeIt(() => send('GET', path, admin));
      expectStatus(what, run.value, 200);
      check(run.value.body);
      durations.push(run.ms);
    }
    return summarize(durations);
  };

  // ---- (a) a vote over a community of 10,000 residents ----
  const [street] = await sql<{ id: string }>(`SELECT id FROM units WHERE kind = 'street' ORDER BY seq LIMIT 1`);
  const unit = async (kind: string, name: string, parentId: string) => {
    const created = await send('POST', '/units', admin, { kind, name, parentId });
    expectStatus(`unit ${kind}`, created, 201);
    return created.body as { id: string; path: string };
  };
  const community = await unit('community', `基准议事社区${Date.now() % 100000}`, street.id);
  const complex = await unit('complex', '基准家园', community.id);
  const building = await unit('building', '1号楼', complex.id);
  const populating = await timeIt(() =>
    sql(
      `WITH p AS (
         INSERT INTO people (name, residence_unit_id, residence_path, birth_date, gender)
         SELECT '基准居民' || g, $1, $2, date '1960-01-01' + (g % 14000), CASE g % 2 WHEN 0 THEN 'female' ELSE 'male' END
         FROM generate_series(1, $3::int) g RETURNING id)
       INSERT INTO users (username, password_hash, person_id)
       SELECT 'bench-voter-' || replace(p.id::text, '-', ''), '!', p.id FROM p`,
      [building.id, building.path, options.residents],
    ),
  );
  const voters = await sql<{ id: string; username: string }>(
    `SELECT u.id, u.username FROM users u JOIN people p ON p.id = u.person_id WHERE p.residence_unit_id = $1 ORDER BY u.username LIMIT $2`,
    [building.id, options.ballots],
  );
  const tokens = api.get(AccessTokenService);
  const voterTokens = await Promise.all(
    voters.map(async (v) => `Bearer ${(await tokens.issue({ sub: v.id, username: v.username, ver: 0 })).accessToken}`),
  );
  out(`community of ${options.residents} residents (with accounts) in ${ms(populating.ms)}`);

  const closesAt = new Date(Date.now() + options.voteSeconds * 1000);
  const creation = await timeIt(() =>
    send('POST', '/deliberation/votes', admin, {
      unitId: community.id,
      title: '基准测试：是否同意加装电梯',
      options: ['同意', '不同意', '弃权'],
      electorate: 'residents',
      quorum: 'more_than_half',
      passRule: 'more_than_half',
      opensAt: new Date(Date.now() - 1000).toISOString(),
      closesAt: closesAt.toISOString(),
      hideResults: false,
    }),
  );
  expectStatus('vote', creation.value, 201);
  const voteId = creation.value.body.id as string;
  out(`vote created (roll of ${creation.value.body.eligible} frozen) in ${ms(creation.ms)}`);

  const statuses: Record<string, number> = {};
  const ballotLatencies: number[] = [];
  const queue = voterTokens.map((token, i) => ({ token, option: ['同意', '同意', '不同意', '弃权'][i % 4] }));
  const casting = await timeIt(() =>
    Promise.all(
      Array.from({ length: options.clients }, async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
          const run = await timeIt(() =>
            send('POST', `/deliberation/votes/${voteId}/ballots`, item.token, { option: item.option }),
          );
          ballotLatencies.push(run.ms);
          const key = run.value.status === 201 ? 'ok' : `${run.value.status} ${String(run.value.body.code ?? '')}`;
          statuses[key] = (statuses[key] ?? 0) + 1;
        }
      }),
    ),
  );
  const [stored] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM deliberation_ballots WHERE vote_id = $1`, [
    voteId,
  ]);
  out(`ballots: ${options.ballots} in ${ms(casting.ms)}, ${JSON.stringify(statuses)}, stored ${stored.n}`);

  const countsOf = (body: Answer) => Object.values(body.counts ?? {}).reduce((sum, n) => sum + n, 0);
  const checkResult = (body: Answer) => {
    if (body.cast !== options.ballots || countsOf(body) !== options.ballots)
      throw new Error(`result counts ${JSON.stringify(body)} for ${options.ballots} ballots`);
  };
  const live = await timed('live result', `/deliberation/votes/${voteId}/result`, checkResult);
  const wait = closesAt.getTime() - Date.now() + 1000;
  if (wait > 0) {
    out(`waiting ${ms(wait)} for the vote's end time`);
    await sleep(wait);
  }
  const closing = await timeIt(() => send('POST', `/deliberation/votes/${voteId}/close`, admin));
  expectStatus('close', closing.value, 200);
  const final = closing.value.body;
  checkResult(final);
  const finalTiming = await timed('final result', `/deliberation/votes/${voteId}/result`, checkResult);
  out(`result: ${JSON.stringify(final)}; median ${ms(finalTiming.medianMs)}, p95 ${ms(finalTiming.p95Ms)}`);

  // ---- (b) a street's topic list and monthly report ----
  const [measuredStreet] = await sql<{ id: string; name: string; communities: number; topics: number }>(
    `SELECT s.id, s.name,
            (SELECT count(*)::int FROM units c WHERE c.parent_id = s.id AND c.kind = 'community') AS communities,
            (SELECT count(*)::int FROM deliberation_topics t WHERE t.unit_path LIKE s.path || '.%') AS topics
     FROM units s WHERE s.kind = 'street' ORDER BY s.seq OFFSET 1 LIMIT 1`,
  );
  const period = DateTime.now().setZone('Asia/Shanghai').minus({ months: 1 }).toFormat('yyyy-MM');
  const probe = await send('GET', `/deliberation/topics?unitId=${measuredStreet.id}`, admin);
  const topics =
    probe.status === 200
      ? await timed('topics', `/deliberation/topics?unitId=${measuredStreet.id}`, (body) => {
          if (!Array.isArray(body.items) || body.items.length === 0) throw new Error('topic list empty');
        })
      : null;
  if (!topics) out(`topic list not measured: ${probe.status} ${JSON.stringify(probe.body)}`);
  const report = await timed(
    'monthly report',
    `/deliberation/reports/monthly?unitId=${measuredStreet.id}&period=${period}`,
    (body) => {
      if (body.communities !== measuredStreet.communities) throw new Error(`report ${JSON.stringify(body)}`);
    },
  );
  const recomputations: number[] = [];
  let recomputed: Answer = {};
  for (let i = 0; i < 3; i++) {
    const run = await timeIt(() => send('POST', '/deliberation/reports/monthly/recompute', admin, { period }));
    expectStatus('recompute', run.value, 200);
    recomputed = run.value.body;
    recomputations.push(run.ms);
  }
  const recompute = summarize(recomputations);
  const [counts] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM people) AS people,
            (SELECT count(*) FROM deliberation_topics) AS topics, (SELECT count(*) FROM deliberation_opinions) AS opinions,
            (SELECT count(*) FROM deliberation_step_changes) AS changes, (SELECT count(*) FROM deliberation_monthly_reports) AS reports`,
  );
  await api.close();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const errors = options.ballots - (statuses.ok ?? 0);
  const rows: Row[] = [
    {
      what: `${options.ballots.toLocaleString('en-US')} ballots into a vote over ${Number(creation.value.body.eligible).toLocaleString('en-US')} eligible residents, ${options.clients} concurrent clients (each resident's own token)`,
      target: 'every ballot counted once',
      measured: `${ms(casting.ms)}; errors ${errors}; stored ${stored.n}; final cast ${final.cast}, sum of counts ${countsOf(final)}`,
      met: errors === 0 && stored.n === options.ballots && final.cast === options.ballots,
    },
    {
      what: `\`GET /deliberation/votes/:id/result\` of the closed vote (${options.samples} samples after 5 warm-ups)`,
      target: `< ${RESULT_TARGET_MS} ms`,
      measured: spread(finalTiming),
      met: finalTiming.p95Ms < RESULT_TARGET_MS,
    },
    {
      what: `\`GET /deliberation/topics?unitId=<street>\` (${measuredStreet.communities} communities, ${measuredStreet.topics} topics)`,
      target: `< ${STREET_TARGET_MS} ms`,
      measured: topics
        ? spread(topics)
        : `not measured: the route answered ${probe.status} ${String(probe.body.code ?? '')}`,
      met: topics ? topics.p95Ms < STREET_TARGET_MS : null,
    },
    {
      what: `\`GET /deliberation/reports/monthly?unitId=<street>&period=${period}\` (${measuredStreet.communities} communities)`,
      target: `< ${STREET_TARGET_MS} ms`,
      measured: spread(report),
      met: report.p95Ms < STREET_TARGET_MS,
    },
  ];
  const section = render({
    options,
    machine,
    loadAtStart,
    loadAtEnd: loadAverage(),
    seedMs,
    deliberationSeedMs: deliberationSeed?.ms ?? 0,
    counts,
    rows,
    details: [
      `Ballot latency over ${ballotLatencies.length} requests: ${spread(summarize(ballotLatencies))}; answers ${JSON.stringify(statuses)}.`,
      `The vote's creation froze a roll of ${creation.value.body.eligible} residents in ${ms(creation.ms)}; the residents (people with accounts) were written by SQL in ${ms(populating.ms)}, their tokens issued directly (no login).`,
      `Result of the open vote (live counts, results not hidden) after the ballots: ${spread(live)}. Closing it after its end time (staff): ${ms(closing.ms)}; outcome ${final.outcome}, counts ${JSON.stringify(final.counts)}${final.quorumMet === false ? ' (no quorum: `more_than_half` needs more than half of the roll to vote, and half voted)' : ''}.`,
      `Recomputing ${period} for all ${recomputed.communities} communities (\`POST /deliberation/reports/monthly/recompute\`, 3 runs): ${spread(recompute)}.`,
    ],
  });
  const file = join(__dirname, 'RESULTS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), TITLE, section));
  out(`wrote ${file}`);
  return rows.every((row) => row.met !== false) ? 0 : 1;
}

function spread(t: Timing): string {
  return `median ${ms(t.medianMs)}, p95 ${ms(t.p95Ms)} (min ${ms(t.minMs)}, max ${ms(t.maxMs)}, ${t.samples} samples)`;
}

interface RenderInput {
  options: Options;
  machine: Awaited<ReturnType<typeof describeMachine>>;
  loadAtStart: string;
  loadAtEnd: string;
  seedMs: number;
  deliberationSeedMs: number;
  counts: Record<string, string>;
  rows: Row[];
  details: string[];
}

function render(input: RenderInput): string {
  const { machine: m, options, counts } = input;
  const args = process.argv.slice(2).join(' ');
  const n = (value: string) => Number(value).toLocaleString('en-US');
  const verdict = (met: boolean | null) => (met === null ? '– not measured' : met ? '✅ met' : '❌ **missed**');
  return [
    TITLE,
    '',
    `Measured ${new Date().toISOString()} with:`,
    '',
    '```',
    `npm run bench:deliberation${args ? ` -- ${args}` : ''}`,
    '```',
    '',
    '## Machine',
    '',
    `- ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB memory`,
    `- PostgreSQL ${m.postgres}`,
    `- Node.js ${process.version}; the api runs in the benchmark's process and listens on a local port: requests go over real HTTP (\`fetch\`, keep-alive), \`LOG_LEVEL=warn\``,
    `- Load average (1, 5, 15 min): ${input.loadAtStart} at the start, ${input.loadAtEnd} at the end`,
    '',
    '## Data',
    '',
    `- City generated by \`seed-city --scale ${options.scale}\` (seed 1)${input.seedMs > 0 ? ` in ${ms(input.seedMs)}` : ' by an earlier run (`--skip-seed`)'}, its deliberation data (\`seedDeliberation\`, once the api had created the administrator)${input.deliberationSeedMs > 0 ? ` in ${ms(input.deliberationSeedMs)}` : ''}: ${n(counts.units)} units, ${n(counts.people)} people, ${n(counts.topics)} topics, ${n(counts.changes)} step changes, ${n(counts.opinions)} opinions, ${n(counts.reports)} monthly report rows.`,
    `- The voting community: created through \`POST /units\` (community, complex, building), ${options.residents.toLocaleString('en-US')} adult residents with accounts written by SQL.`,
    '',
    '## Results against the targets',
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    ...input.rows.map((row) => `| ${row.what} | ${row.target} | ${row.measured} | ${verdict(row.met)} |`),
    '',
    '## Details',
    '',
    ...input.details.map((line) => `- ${line}`),
    '',
    '## Verdict',
    '',
    input.rows.every((row) => row.met === true)
      ? 'Every deliberation target is met on this machine.'
      : [
          input.rows.some((row) => row.met === false)
            ? `Missed: ${input.rows
                .filter((row) => row.met === false)
                .map((row) => row.what)
                .join('; ')}.`
            : '',
          input.rows.some((row) => row.met === null)
            ? `Not measured: ${input.rows
                .filter((row) => row.met === null)
                .map((row) => row.what)
                .join('; ')}.`
            : '',
        ]
          .filter(Boolean)
          .join(' '),
    '',
  ].join('\n');
}

runBench(main);
