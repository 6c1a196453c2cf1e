import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApiApp } from '@linli/composition';
import { defineBenchCommand, OptionsOf, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchAuthorization, benchConfig, prepareBenchDatabase } from './lib/bench-setup';
import { dropDatabase, flushRedis, withClient } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { replaceSection } from './lib/results-sections';
import { ms, summarize, timeIt, Timing } from './lib/timing';

const TITLE = '# Volunteers module benchmark';
const MATCHING_TARGET_MS = 100;
const CHECK_IN_TARGET_MS = 60_000;

const COMMAND = defineBenchCommand({
  command: 'npm run bench:volunteers',
  description: [
    'Creates `linli_bench_volunteers`, seeds the `city` scale and volunteer profiles (skills,',
    'availability, home units spread over the city), then measures through the api (Fastify inject,',
    'the whole Nest pipeline): matching for demands posted at buildings across the city, and 1,000',
    'check-ins into one large activity from concurrent clients. Writes its section of',
    'tools/bench/RESULTS.md and drops the database unless `--keep`.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_volunteers',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'city', help: 'the seed-city scale' },
    profiles: { type: 'number', default: 100_000, help: 'volunteer profiles written' },
    demands: { type: 'number', default: 20, min: 1, help: 'demands whose matches are timed' },
    samples: { type: 'number', default: 10, min: 1, help: 'measured match requests per demand' },
    checkIns: { type: 'number', default: 1000, min: 1, help: 'check-ins into the one activity' },
    clients: { type: 'number', default: 50, min: 1, help: 'concurrent clients for sign-ups and check-ins' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

type Options = OptionsOf<typeof COMMAND.options>;

/** `npm run bench:volunteers -- [--scale city|demo] [--profiles 100000] [--demands 20] [--samples 10] [--check-ins 1000] [--clients 50] [--keep] [--skip-seed]` (`--help` lists them). */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  const loadAtStart = loadAverage();
  const config = benchConfig({
    name: 'linli-bench-volunteers',
    databaseUrl: options.databaseUrl,
    modules: 'organization,points,volunteers',
  });
  const seedMs =
    (await prepareBenchDatabase(config, { scale: options.scale, skipSeed: options.skipSeed, log: out })).seed
      ?.durationMs ?? 0;
  const machine = await describeMachine(options.databaseUrl);
  const sql = <T>(text: string, params: unknown[] = []) =>
    withClient(options.databaseUrl, async (client) => (await client.query(text, params)).rows as T[]);

  // Profiles: a deterministic spread of people, each with 1–3 skills of the taxonomy and 1–2 availability slots.
  const profiling = await timeIt(() =>
    sql(
      `WITH skills AS (SELECT array_agg(code ORDER BY code) AS codes FROM volunteer_skills),
            picked AS (SELECT id, residence_unit_id, residence_path, row_number() OVER (ORDER BY md5(id::text)) AS n FROM people)
       INSERT INTO volunteer_profiles (person_id, unit_id, unit_path, skills, availability, verified_hours, rating_sum, rating_count)
       SELECT p.id, p.residence_unit_id, p.residence_path,
              (SELECT array_agg(DISTINCT s.codes[1 + ((p.n * k * 7919) % cardinality(s.codes))]) FROM generate_series(1, 1 + (p.n % 3)::int) k),
              CASE p.n % 4 WHEN 0 THEN '{weekday_daytime}' WHEN 1 THEN '{weekday_evening,weekend_daytime}' WHEN 2 THEN '{weekend_daytime,weekend_evening}' ELSE '{weekday_evening}' END::varchar[],
              (p.n % 200) / 4.0, (p.n % 5) * 4 + 4, 4
       FROM picked p, skills s WHERE p.n <= $1
       ON CONFLICT (person_id) DO NOTHING`,
      [options.profiles],
    ),
  );
  await sql(`VACUUM ANALYZE volunteer_profiles`);
  const [counts] = await sql<{ units: string; people: string; profiles: string; buildings: string }>(
    `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM people) AS people,
            (SELECT count(*) FROM volunteer_profiles) AS profiles, (SELECT count(*) FROM units WHERE kind = 'building') AS buildings`,
  );
  out(`profiles: ${counts.profiles} in ${ms(profiling.ms)}`);

  const api = await createApiApp(config);
  const authorization = await benchAuthorization(api);
  const send = async (method: 'POST' | 'GET', url: string, payload?: object) => {
    const response = await api.inject({ method, url, headers: { authorization }, payload });
    return {
      status: response.statusCode,
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
    };
  };
  const expectStatus = (what: string, response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  };

  // ---- (1) matching for demands posted at buildings spread over the city ----
  // Each demand is posted by staff for a resident of its building (as a grid worker would).
  const buildings = await sql<{ id: string; requester: string }>(
    `SELECT u.id, (SELECT p.id FROM people p WHERE p.residence_unit_id = u.id ORDER BY p.id LIMIT 1) AS requester
     FROM units u WHERE u.kind = 'building' AND EXISTS (SELECT 1 FROM people p WHERE p.residence_unit_id = u.id) ORDER BY md5(u.id::text) LIMIT $1`,
    [options.demands],
  );
  const skillSets = [['legal'], ['electrical', 'plumbing'], ['elderly_care'], ['it', 'teaching'], []];
  const demandIds: string[] = [];
  for (const [i, building] of buildings.entries()) {
    const created = await send('POST', '/api/v1/volunteers/demands', {
      kind: i % 2 === 0 ? 'micro_wish' : 'service_need',
      unitId: building.id,
      requesterPersonId: building.requester,
      title: `基准测试需求 ${i + 1}`,
      requiredSkills: skillSets[i % skillSets.length],
    });
    expectStatus('demand', created, 201);
    demandIds.push(created.body.id as string);
  }
  let candidates = 0;
  const matchDurations: number[] = [];
  for (const demandId of demandIds) {
    for (let i = 0; i < 2; i++)
      expectStatus(
        'matches (warm-up)',
        await send('GET', `/api/v1/volunteers/demands/${demandId}/matches?limit=20`),
        200,
      );
    for (let i = 0; i < options.samples; i++) {
      const run = await timeIt(() => send('GET', `/api/v1/volunteers/demands/${demandId}/matches?limit=20`));
      expectStatus('matches', run.value, 200);
      candidates += (run.value.body.items as unknown[]).length;
      matchDurations.push(run.ms);
    }
  }
  const matching = summarize(matchDurations);
  out(
    `matching: ${matchDurations.length} requests, median ${ms(matching.medianMs)}, p95 ${ms(matching.p95Ms)}, ${candidates} matches returned`,
  );

  // ---- (2) 1,000 check-ins into one large activity from concurrent clients ----
  const [community] = await sql<{ id: string }>(
    `SELECT id FROM units WHERE kind = 'community' ORDER BY md5(id::text) LIMIT 1`,
  );
  const attendees = (
    await sql<{ id: string }>(
      `SELECT id FROM people WHERE residence_path LIKE (SELECT path FROM units WHERE id = $1) || '.%' ORDER BY id LIMIT $2`,
      [community.id, options.checkIns],
    )
  ).map((row) => row.id);
  if (attendees.length < options.checkIns)
    throw new Error(`only ${attendees.length} residents in the community for ${options.checkIns} check-ins`);
  const now = Date.now();
  const activity = await send('POST', '/api/v1/volunteers/activities', {
    unitId: community.id,
    title: '基准测试：社区志愿服务日',
    kind: 'service',
    startsAt: new Date(now + 15 * 60_000).toISOString(),
    endsAt: new Date(now + 3 * 60 * 60_000).toISOString(),
    capacity: options.checkIns,
  });
  expectStatus('activity', activity, 201);
  const activityId = activity.body.id as string;
  const inParallel = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    const queue = [...items];
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
      }),
    );
  };
  const signup = await timeIt(() =>
    inParallel(attendees, async (personId) =>
      expectStatus(
        'signup',
        await send('POST', `/api/v1/volunteers/activities/${activityId}/signups`, { personId }),
        201,
      ),
    ),
  );
  out(`signed up ${attendees.length} in ${ms(signup.ms)}`);
  const codeResponse = await send('GET', `/api/v1/volunteers/activities/${activityId}/check-in-code`);
  expectStatus('check-in code', codeResponse, 200);
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const checkIn = await timeIt(() =>
    inParallel(attendees, async (personId) => {
      // A code rotates every two minutes: read the current one, as a phone at the venue would.
      const code = (await send('GET', `/api/v1/volunteers/activities/${activityId}/check-in-code`)).body.code as string;
      const started = process.hrtime.bigint();
      const response = await send('POST', `/api/v1/volunteers/activities/${activityId}/check-in`, { code, personId });
      latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      const key =
        response.status === 201 || response.status === 200
          ? 'ok'
          : `${response.status} ${String(response.body.code ?? '')}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
    }),
  );
  const [recorded] = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM volunteer_activity_signups WHERE activity_id = $1 AND checked_in_at IS NOT NULL`,
    [activityId],
  );
  const checkInLatency = summarize(latencies);
  out(`check-ins: ${attendees.length} in ${ms(checkIn.ms)}, ${JSON.stringify(statuses)}, recorded ${recorded.n}`);
  await api.close();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const errors = attendees.length - (statuses.ok ?? 0);
  const rows = [
    {
      what: `Matching: \`GET /volunteers/demands/:id/matches?limit=20\` for ${demandIds.length} demands at buildings across the city (${options.samples} samples each after 2 warm-ups)`,
      target: `< ${MATCHING_TARGET_MS} ms`,
      measured: `p95 ${ms(matching.p95Ms)} (median ${ms(matching.medianMs)}, max ${ms(matching.maxMs)})`,
      met: matching.p95Ms < MATCHING_TARGET_MS,
    },
    {
      what: `${attendees.length.toLocaleString('en-US')} check-ins into one activity, ${options.clients} concurrent clients`,
      target: 'all recorded within 1 minute, no error',
      measured: `${ms(checkIn.ms)}; recorded ${Number(recorded.n).toLocaleString('en-US')}; errors ${errors}`,
      met: checkIn.ms < CHECK_IN_TARGET_MS && errors === 0 && Number(recorded.n) === attendees.length,
    },
  ];
  const section = render({
    options,
    machine,
    loadAtStart,
    loadAtEnd: loadAverage(),
    seedMs,
    profilingMs: profiling.ms,
    counts,
    rows,
    matching,
    checkInLatency,
    statuses,
    signupMs: signup.ms,
  });
  const file = join(__dirname, 'RESULTS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), TITLE, section));
  out(`wrote ${file}`);
  return rows.every((row) => row.met) ? 0 : 1;
}

interface RenderInput {
  options: Options;
  machine: Awaited<ReturnType<typeof describeMachine>>;
  loadAtStart: string;
  loadAtEnd: string;
  seedMs: number;
  profilingMs: number;
  counts: Record<string, string>;
  rows: { what: string; target: string; measured: string; met: boolean }[];
  matching: Timing;
  checkInLatency: Timing;
  statuses: Record<string, number>;
  signupMs: number;
}

function render(input: RenderInput): string {
  const { machine: m, options, counts } = input;
  const args = process.argv.slice(2).join(' ');
  const lines = [
    TITLE,
    '',
    `Measured ${new Date().toISOString()} with:`,
    '',
    '```',
    `npm run bench:volunteers${args ? ` -- ${args}` : ''}`,
    '```',
    '',
    '## Machine',
    '',
    `- ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGiB} GiB memory`,
    `- PostgreSQL ${m.postgres}`,
    `- Node.js ${process.version}; the api runs in the benchmark's process (requests through Fastify \`inject\`), \`LOG_LEVEL=warn\``,
    `- Load average (1, 5, 15 min): ${input.loadAtStart} at the start, ${input.loadAtEnd} at the end`,
    '',
    '## Data',
    '',
    `- City generated by \`seed-city --scale ${options.scale}\` (seed 1)${input.seedMs > 0 ? ` in ${ms(input.seedMs)}` : ' by an earlier run (`--skip-seed`)'}: ${Number(counts.units).toLocaleString('en-US')} units (${Number(counts.buildings).toLocaleString('en-US')} buildings), ${Number(counts.people).toLocaleString('en-US')} people.`,
    `- ${Number(counts.profiles).toLocaleString('en-US')} volunteer profiles (1–3 skills each, 1–2 availability slots, home unit = residence), written set-based in ${ms(input.profilingMs)}, then VACUUM ANALYZE.`,
    '',
    '## Results against the targets',
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    ...input.rows.map(
      (row) => `| ${row.what} | ${row.target} | ${row.measured} | ${row.met ? '✅ met' : '❌ **missed**'} |`,
    ),
    '',
    '## Details',
    '',
    `- Matching latency over ${input.matching.samples} requests: min ${ms(input.matching.minMs)}, median ${ms(input.matching.medianMs)}, p95 ${ms(input.matching.p95Ms)}, max ${ms(input.matching.maxMs)}. Each request runs the whole api pipeline (JWT guard with its account lookup, scope check, validation, the ranking query, serialization).`,
    `- Check-ins: answers ${JSON.stringify(input.statuses)}; latency median ${ms(input.checkInLatency.medianMs)}, p95 ${ms(input.checkInLatency.p95Ms)}. Each client reads the current check-in code before checking a person in (the code rotates every two minutes), as staff at the venue would. The ${options.checkIns} sign-ups before it took ${ms(input.signupMs)} (not a target).`,
    '',
    '## Verdict',
    '',
    input.rows.every((row) => row.met)
      ? 'Every volunteers target of issue 5 is met on this machine.'
      : `Missed: ${input.rows
          .filter((row) => !row.met)
          .map((row) => row.what)
          .join('; ')}.`,
    '',
  ];
  return lines.join('\n');
}

runBench(main);
