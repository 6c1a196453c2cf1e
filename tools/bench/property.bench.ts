import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApiApp } from '@linli/composition';
import { AccessTokenService } from '@linli/platform';
import { DateTime } from 'luxon';
import { seedProperty } from '../seed-city/src/property-generator';
import { defineBenchCommand, out, readBenchOptions, runBench } from './lib/bench-cli';
import { benchAuthorization, benchConfig, prepareBenchDatabase } from './lib/bench-setup';
import { dropDatabase, flushRedis, withClient } from './lib/database';
import { describeMachine, loadAverage } from './lib/machine';
import { replaceSection } from './lib/results-sections';
import { runLoadClients } from './lib/load-clients-runner';
import { ms, summarize, timeIt, Timing } from './lib/timing';

const TITLE = '# Property governance benchmark';
const TALLY_TARGET_MS = 50;
const RANKING_TARGET_MS = 2000;

const COMMAND = defineBenchCommand({
  command: 'npm run bench:property',
  description: [
    'Creates `linli_bench_property`, seeds a city (with its property data), starts the api on a local',
    'port and measures over real HTTP: an owners’ joint decision over a complex of 5,000 exclusive parts',
    '(ballots from concurrent clients, each with the owner’s own token; the live tally, repeated during',
    'and after the ballots), then a district’s company ranking. Writes its section of',
    'tools/bench/RESULTS.md and drops the database unless `--keep`.',
  ].join('\n'),
  options: {
    databaseUrl: {
      type: 'string',
      default: 'postgres://postgres@127.0.0.1:5432/linli_bench_property',
      placeholder: '<url>',
      help: 'the benchmark database (dropped and recreated unless --skip-seed)',
    },
    scale: { type: 'choice', choices: ['city', 'demo'] as const, default: 'demo', help: 'the seed-city scale' },
    parts: { type: 'number', default: 5_000, min: 2, help: 'exclusive parts (one owner each) of the voting complex' },
    ballots: { type: 'number', default: 4_000, min: 1, help: 'ballots cast' },
    clients: { type: 'number', default: 50, min: 1, help: 'concurrent clients casting ballots' },
    rate: {
      type: 'number',
      default: 0,
      min: 0,
      help: 'ballots per second of the paced run (0: half the capacity the saturated run measured)',
    },
    samples: { type: 'number', default: 50, min: 1, help: 'measured requests per read (after 5 warm-ups)' },
    keep: { type: 'flag', help: 'keep the database afterwards' },
    skipSeed: { type: 'flag', help: 're-measure the database an earlier run kept (--keep)' },
  },
});

interface Answer {
  id?: string;
  path?: string;
  code?: string;
  electorate?: { areaM2: number; heads: number };
  participation?: { areaM2: number; heads: number };
  outcomeSoFar?: string;
  items?: unknown[];
}

interface Row {
  what: string;
  target: string;
  measured: string;
  met: boolean | null;
}

const spread = (t: Timing) =>
  `median ${ms(t.medianMs)}, p95 ${ms(t.p95Ms)} (min ${ms(t.minMs)}, max ${ms(t.maxMs)}, ${t.samples} samples)`;

/** `npm run bench:property -- [--scale demo|city] [--parts 5000] [--ballots 4000] [--clients 50] [--rate 0] [--samples 50] [--keep] [--skip-seed]`. */
async function main(): Promise<number> {
  const options = readBenchOptions(COMMAND);
  if (options.ballots > options.parts) throw new Error('--ballots cannot exceed --parts');
  const loadAtStart = loadAverage();
  const config = benchConfig({ name: 'linli-bench-property', databaseUrl: options.databaseUrl });
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
  // The property records need an author; a fresh database has none before the api's first start.
  const [{ parts: seededParts }] = await sql<{ parts: number }>(`SELECT count(*)::int AS parts FROM property_parts`);
  const propertySeed =
    seededParts > 0
      ? null
      : await timeIt(() =>
          withClient(options.databaseUrl, async (client) => {
            await client.query('BEGIN');
            const counts = await seedProperty(
              { query: async (text, params) => (await client.query(text, params)).rows },
              { seed: 1, today: DateTime.now().setZone('Asia/Shanghai').toISODate() as string, log: out },
            );
            await client.query('COMMIT');
            return counts;
          }),
        );
  if (propertySeed) out(`property data seeded in ${ms(propertySeed.ms)}: ${JSON.stringify(propertySeed.value)}`);
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

  // ---- (a) a decision over a complex of 5,000 exclusive parts ----
  const [community] = await sql<{ id: string }>(`SELECT id FROM units WHERE kind = 'community' ORDER BY seq LIMIT 1`);
  const unit = async (kind: string, name: string, parentId: string) => {
    const created = await send('POST', '/units', admin, { kind, name, parentId });
    expectStatus(`unit ${kind}`, created, 201);
    return created.body as { id: string; path: string };
  };
  const complex = await unit('complex', `基准物业小区${Date.now() % 100000}`, community.id);
  const building = await unit('building', '1号楼', complex.id);
  const populating = await timeIt(() =>
    sql(
      `WITH p AS (
         INSERT INTO people (name, residence_unit_id, residence_path, birth_date, gender)
         SELECT '基准业主' || g, $1, $2, date '1960-01-01' + (g % 14000), CASE g % 2 WHEN 0 THEN 'female' ELSE 'male' END
         FROM generate_series(1, $5::int) g RETURNING id),
       u AS (INSERT INTO users (username, password_hash, person_id)
             SELECT 'bench-owner-' || replace(p.id::text, '-', ''), '!', p.id FROM p),
       numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM p),
       parts AS (INSERT INTO property_parts (id, complex_id, unit_path, building, number, area_m2)
                 SELECT gen_random_uuid(), $3, $4, '1号楼', lpad(n::text, 5, '0'), 50 + (n * 37 % 10001) / 100.0
                 FROM numbered RETURNING id, number)
       INSERT INTO property_part_owners (part_id, person_id, started_on)
       SELECT parts.id, numbered.id, date '2020-01-01' FROM parts JOIN numbered ON lpad(numbered.n::text, 5, '0') = parts.number`,
      [building.id, building.path, complex.id, complex.path, options.parts],
    ),
  );
  await sql(`ANALYZE people, users, property_parts, property_part_owners`);
  const voters = await sql<{ id: string; username: string }>(
    `SELECT u.id, u.username FROM users u JOIN people p ON p.id = u.person_id WHERE p.residence_unit_id = $1
     ORDER BY u.username LIMIT $2`,
    [building.id, options.ballots],
  );
  const tokens = api.get(AccessTokenService);
  const voterTokens = await Promise.all(
    voters.map(async (v) => `Bearer ${(await tokens.issue({ sub: v.id, username: v.username, ver: 0 })).accessToken}`),
  );
  out(`complex of ${options.parts} parts and owners (with accounts) in ${ms(populating.ms)}`);

  const open = async (title: string) => {
    const created = await timeIt(() =>
      send('POST', '/property/decisions', admin, {
        complexId: complex.id,
        title,
        matter: 'other_major',
        opensAt: new Date(Date.now() - 1000).toISOString(),
        closesAt: new Date(Date.now() + 3600_000).toISOString(),
      }),
    );
    expectStatus('decision', created.value, 201);
    return { id: created.value.body.id as string, ms: created.ms };
  };
  /** Every voter's ballot into the decision from `options.clients` clients in another process, the tally sampled meanwhile. */
  const castAll = async (decisionId: string, ratePerSecond?: number) => {
    const during: number[] = [];
    let casting = true;
    let sending: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (sending = resolve));
    const sampler = (async () => {
      await started;
      while (casting) {
        const run = await timeIt(() => send('GET', `/property/decisions/${decisionId}/tally`, admin));
        expectStatus('tally during the ballots', run.value, 200);
        during.push(run.ms);
      }
    })();
    // The ballots come from another process (as remote owners' phones would): the clients' own work
    // does not share the api's event loop, which this process keeps for the api and the tally sampler.
    const load = await runLoadClients(
      {
        base,
        clients: options.clients,
        ratePerSecond,
        requests: voterTokens.map((authorization, i) => ({
          method: 'POST',
          path: `/property/decisions/${decisionId}/ballots`,
          authorization,
          body: { choice: ['agree', 'agree', 'disagree', 'abstain'][i % 4] },
        })),
      },
      () => sending(),
    );
    casting = false;
    await sampler;
    const [stored] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM property_ballots WHERE decision_id = $1`,
      [decisionId],
    );
    out(`ballots: ${options.ballots} in ${ms(load.ms)}, ${JSON.stringify(load.statuses)}, stored ${stored.n}`);
    return { load, during: summarize(during), stored: stored.n, errors: options.ballots - (load.statuses.ok ?? 0) };
  };

  const saturatedDecision = await open('基准测试：是否同意改造小区公共设施');
  out(`decision opened (roll frozen) in ${ms(saturatedDecision.ms)}`);
  const saturated = await castAll(saturatedDecision.id);
  const tallyPath = `/property/decisions/${saturatedDecision.id}/tally`;
  // The voters' area, independently: the parts the voting accounts' people own.
  const [voterArea] = await sql<{ area: string }>(
    `SELECT sum(pp.area_m2)::text AS area FROM users u JOIN property_part_owners o ON o.person_id = u.person_id
     JOIN property_parts pp ON pp.id = o.part_id WHERE u.id = ANY($1::uuid[])`,
    [voters.map((v) => v.id)],
  );
  let tallyBody: Answer = {};
  const after = await timed('tally', tallyPath, (body) => {
    tallyBody = body;
  });
  const counted =
    tallyBody.participation?.heads === options.ballots &&
    Math.round((tallyBody.participation?.areaM2 ?? 0) * 100) === Math.round(Number(voterArea.area) * 100);
  out(`tally ${JSON.stringify(tallyBody)}; voters' area by SQL ${voterArea.area}`);
  const capacity = Math.round((options.ballots / saturated.load.ms) * 1000);
  const rate = options.rate || Math.max(1, Math.round(capacity / 2));
  const paced = await castAll((await open('基准测试：是否同意续聘物业服务企业')).id, rate);

  // ---- (b) a district's company ranking ----
  const [campaign] = await sql<{ id: string; unit_id: string; complexes: number; companies: number }>(
    `SELECT c.id, c.unit_id, count(r.*)::int AS complexes, count(DISTINCT r.company_id)::int AS companies
     FROM property_evaluation_campaigns c JOIN property_evaluation_results r ON r.campaign_id = c.id
     WHERE c.status = 'published' GROUP BY c.id ORDER BY count(r.*) DESC LIMIT 1`,
  );
  const rankingPath = `/property/evaluations/${campaign?.id}/company-ranking?unitId=${campaign?.unit_id}`;
  const probe = campaign ? await send('GET', rankingPath, admin) : { status: 0, body: {} as Answer };
  const ranking =
    probe.status === 200
      ? await timed('company ranking', rankingPath, (body) => {
          if (!Array.isArray(body.items) || body.items.length !== campaign.companies)
            throw new Error(`ranking of ${body.items?.length} companies, ${campaign.companies} expected`);
        })
      : null;
  if (!ranking) out(`company ranking not measured: ${probe.status} ${JSON.stringify(probe.body)}`);
  const [counts] = await sql<Record<string, string>>(
    `SELECT (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM people) AS people,
            (SELECT count(*) FROM property_parts) AS parts, (SELECT count(*) FROM property_part_owners) AS owners,
            (SELECT count(*) FROM property_companies) AS companies, (SELECT count(*) FROM property_committees) AS committees,
            (SELECT count(*) FROM property_evaluation_ratings) AS ratings`,
  );
  await api.close();
  await flushRedis(config.redisUrl, config.queuePrefix);
  if (!options.keep) await dropDatabase(options.databaseUrl);

  const rows: Row[] = [
    {
      what: `${options.ballots.toLocaleString('en-US')} ballots into a decision over ${tallyBody.electorate?.heads} heads (${options.parts.toLocaleString('en-US')} parts), ${options.clients} concurrent clients (each owner's own token), each sending its next ballot as soon as the last one answered`,
      target: "every ballot counted once; tally heads and area = the voters' by SQL",
      measured: `${ms(saturated.load.ms)} (${capacity} ballots/s: this machine's capacity); errors ${saturated.errors}; stored ${saturated.stored}; tally heads ${tallyBody.participation?.heads}, area ${tallyBody.participation?.areaM2} m² (SQL: ${voterArea.area} m²)`,
      met: saturated.errors === 0 && saturated.stored === options.ballots && counted,
    },
    {
      what: `\`GET /property/decisions/:id/tally\` while ${options.clients} clients cast ${options.ballots.toLocaleString('en-US')} ballots at ${rate} ballots/s (a second decision; ${Math.round((rate / capacity) * 100)} % of the capacity above)`,
      target: `< ${TALLY_TARGET_MS} ms`,
      measured: `${spread(paced.during)}; ballots stored ${paced.stored}, errors ${paced.errors}`,
      met: paced.during.p95Ms < TALLY_TARGET_MS && paced.errors === 0 && paced.stored === options.ballots,
    },
    {
      what: `\`GET /property/decisions/:id/tally\` while the clients send as fast as the api answers (saturated: every request queues behind ${options.clients} in flight)`,
      target: 'reported, no target',
      measured: spread(saturated.during),
      met: null,
    },
    {
      what: `\`GET /property/decisions/:id/tally\` after the ballots (${options.samples} samples after 5 warm-ups)`,
      target: `< ${TALLY_TARGET_MS} ms`,
      measured: spread(after),
      met: after.p95Ms < TALLY_TARGET_MS,
    },
    {
      what: `\`GET /property/evaluations/:id/company-ranking?unitId=<district>\` (${campaign?.complexes} complexes, ${campaign?.companies} companies)`,
      target: `< ${RANKING_TARGET_MS} ms`,
      measured: ranking
        ? spread(ranking)
        : `not measured: the route answered ${probe.status} ${String(probe.body.code ?? '')}`,
      met: ranking ? ranking.p95Ms < RANKING_TARGET_MS : null,
    },
  ];
  const n = (value: string) => Number(value).toLocaleString('en-US');
  const args = process.argv.slice(2).join(' ');
  const verdict = (met: boolean | null) => (met === null ? '– reported' : met ? '✅ met' : '❌ **missed**');
  const section = [
    TITLE,
    '',
    `Measured ${new Date().toISOString()} with:`,
    '',
    '```',
    `npm run bench:property${args ? ` -- ${args}` : ''}`,
    '```',
    '',
    '## Machine',
    '',
    `- ${machine.cpus} CPU (${machine.cpuModel}), ${machine.memoryGiB} GiB memory; PostgreSQL ${machine.postgres}; Node.js ${process.version}`,
    '- The api runs in the benchmark’s process and listens on a local port: requests go over real HTTP (`fetch`, keep-alive); the ballots come from a child process',
    `- Load average (1, 5, 15 min): ${loadAtStart} at the start, ${loadAverage()} at the end`,
    '',
    '## Data',
    '',
    `- City by \`seed-city --scale ${options.scale}\` (seed 1)${seedMs > 0 ? ` in ${ms(seedMs)}` : ' by an earlier run'}, its property data (\`seedProperty\`, once the api had created the administrator)${propertySeed ? ` in ${ms(propertySeed.ms)}` : ''}: ${n(counts.units)} units, ${n(counts.people)} people, ${n(counts.parts)} exclusive parts, ${n(counts.owners)} ownerships, ${n(counts.companies)} companies, ${n(counts.committees)} committees, ${n(counts.ratings)} ratings.`,
    `- The voting complex: created through \`POST /units\` (complex, building); ${options.parts.toLocaleString('en-US')} owners with accounts and one part each (50–150 m²) written by SQL in ${ms(populating.ms)}, tokens issued directly (no login). Decision (\`other_major\`) opened through \`POST /property/decisions\` in ${ms(saturatedDecision.ms)} (roll frozen); a second one the same way for the paced ballots.`,
    '',
    '## Results against the targets',
    '',
    '| What | Target | Measured | Result |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.what} | ${row.target} | ${row.measured} | ${verdict(row.met)} |`),
    '',
    '## Details',
    '',
    `- Ballot latency, saturated: ${spread(summarize(saturated.load.latencies))}; answers ${JSON.stringify(saturated.load.statuses)}.`,
    `- Ballot latency, paced at ${rate}/s: ${spread(summarize(paced.load.latencies))}; answers ${JSON.stringify(paced.load.statuses)}.`,
    `- Tally after the ballots: participation ${JSON.stringify(tallyBody.participation)}, outcome so far ${tallyBody.outcomeSoFar}.`,
    '- The ballots come from a child process (`tools/bench/lib/load-clients.ts`), the tally sampler (one client, back to back, from the first ballot to the last) from the benchmark process with the api in it; PostgreSQL on the same machine. Saturated, the api’s event loop always holds the callbacks of every ballot in flight, so any request (the tally’s three queries) waits its turn behind them: that figure measures the queue, not the tally.',
    `- Scale: \`${options.scale}\` (one district of ${campaign?.complexes} complexes, so the ranking covers ≥ 200 complexes); \`--scale city\` runs the same steps on 10 districts of ~4,000 complexes each.`,
    '',
  ].join('\n');
  const file = join(__dirname, 'RESULTS.md');
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), TITLE, section));
  out(`wrote ${file}`);
  return rows.every((row) => row.met !== false) ? 0 : 1;
}

runBench(main);
