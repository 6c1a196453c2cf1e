import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApiApp, createSchedulerApp, createSchedulerContext, loadLinliConfig, migrate } from '@linli/composition';
import { BusinessCalendar, NewDomainEvent, Outbox, TransactionRunner } from '@linli/platform';
import { QuarterlyAssessment } from '@linli/points';
import { SeedScale, seedCity } from '../seed-city/src';
import { describeMachine } from './lib/machine';
import { ms, perSecond, PointsTargetRow, renderPointsReport, withPointsSection } from './lib/points-report';
import { summarize, timeIt } from './lib/timing';
import { dropDatabase, flushRedis, withClient } from './lib/database';

/**
 * `node -r ./tools/register.js tools/bench/points.bench.ts [--events 20000] [--batch 500] [--clients 50] [--per-client 40] [--entries 5000000] [--scale city|demo] [--keep]`
 *
 * Creates `linli_bench_points`, seeds the `city` scale, then measures in one run: the event → entry
 * pipeline (outbox → relay → BullMQ → points subscriber in an in-process scheduler) against plain
 * multi-row INSERTs of equivalent rows; redemptions under concurrent clients through the api
 * (Fastify inject); and the quarterly assessment over millions of entries. Writes its section of
 * tools/bench/RESULTS.md and drops the database unless `--keep`.
 */
const out = (line: string) => process.stdout.write(`bench: ${line}\n`);
const EVENT_TYPE = 'volunteers.service.verified';

interface Options {
  databaseUrl: string;
  events: number;
  batch: number;
  clients: number;
  perClient: number;
  entries: number;
  keep: boolean;
  scale: SeedScale;
}

function parse(argv: string[]): Options {
  const options: Options = {
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/linli_bench_points',
    events: 20_000,
    batch: 500,
    clients: 50,
    perClient: 40,
    entries: 5_000_000,
    keep: false,
    scale: 'city',
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--database-url') options.databaseUrl = argv[++i];
    else if (argv[i] === '--events') options.events = Number(argv[++i]);
    else if (argv[i] === '--batch') options.batch = Number(argv[++i]);
    else if (argv[i] === '--clients') options.clients = Number(argv[++i]);
    else if (argv[i] === '--per-client') options.perClient = Number(argv[++i]);
    else if (argv[i] === '--entries') options.entries = Number(argv[++i]);
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--scale') options.scale = argv[++i] === 'demo' ? 'demo' : 'city';
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  const prefix = 'linli-bench-points';
  const config = loadLinliConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: options.databaseUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'warn',
    LINLI_MODULES: 'organization,points',
    OUTBOX_POLL_MS: '50',
    LINLI_LOCAL_DIR: '/tmp/linli-bench-points',
    LINLI_ADMIN_USERNAME: 'bench-admin',
    LINLI_ADMIN_PASSWORD: 'bench-password-0123',
  });
  await flushRedis(config.redisUrl, prefix);
  await dropDatabase(options.databaseUrl);
  await migrate(options.databaseUrl, { createDatabase: true });
  out('migrated; seeding the city');
  const seed = await seedCity({ databaseUrl: options.databaseUrl, scale: options.scale, seed: 1, piiKey: config.piiKey, log: out });
  out(`seeded in ${Math.round(seed.durationMs / 1000)} s`);
  const machine = await describeMachine(options.databaseUrl);
  const sql = <T>(text: string, params: unknown[] = []) => withClient(options.databaseUrl, async (client) => (await client.query(text, params)).rows as T[]);

  // ---- (1) event → entry pipeline against raw inserts of equivalent rows ----
  const people = (await sql<{ id: string }>(`SELECT id FROM people ORDER BY id LIMIT $1`, [options.events])).map((row) => row.id);
  if (people.length < options.events) throw new Error(`only ${people.length} people for ${options.events} events`);
  const [rule] = await sql<{ id: string }>(`INSERT INTO point_rules (code, current_version) VALUES ('bench-service-hour', 1) RETURNING id`);
  await sql(
    `INSERT INTO point_rule_versions (rule_id, version, name, event_type, filters, actor_roles, account_kind, points, per, caps, validity_months)
     VALUES ($1, 1, '志愿服务', $2, '{}', '{volunteer}', 'redeemable', 10, 'quantity', '{}', 24)`,
    [rule.id, EVENT_TYPE],
  );
  const scheduler = await createSchedulerApp(config);
  const outbox = scheduler.get(Outbox, { strict: false });
  const transactions = scheduler.get(TransactionRunner, { strict: false });
  const occurredAt = '2026-11-20T02:00:00.000Z';
  const pipeline = await timeIt(async () => {
    for (let start = 0; start < options.events; start += options.batch) {
      const events: NewDomainEvent[] = people.slice(start, start + options.batch).map((personId, i) => ({
        type: EVENT_TYPE,
        occurredAt,
        actors: [{ personId, role: 'volunteer' }],
        quantity: 2,
        data: { serviceId: `s-${start + i}`, title: '敬老院陪护' },
      }));
      await transactions.run((manager) => outbox.publish(manager, events));
    }
    for (;;) {
      const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM point_entries WHERE rule_id = $1`, [rule.id]);
      if (Number(n) >= options.events) return Number(n);
      await sleep(100);
    }
  });
  out(`pipeline: ${pipeline.value} entries in ${ms(pipeline.ms)} (${perSecond(pipeline.value, pipeline.ms)})`);
  await scheduler.close();

  const raw = await withClient(options.databaseUrl, async (client) => {
    await client.query(`CREATE TABLE bench_raw_entries (LIKE point_entries INCLUDING ALL)`);
    const [account] = (await client.query<{ id: string }>(`SELECT id FROM point_accounts LIMIT 1`)).rows;
    return timeIt(async () => {
      for (let start = 0; start < options.events; start += options.batch) {
        const size = Math.min(options.batch, options.events - start);
        const values: string[] = [];
        const params: unknown[] = [];
        for (let i = 0; i < size; i++) {
          const p = params.length;
          values.push(`($${p + 1}, 'credit', 20, 20, '志愿服务「敬老院陪护」获得积分', $${p + 2}, 1, $${p + 3}, $${p + 4}, $${p + 5})`);
          params.push(account.id, rule.id, randomUUID(), `rule:${rule.id}:${randomUUID()}`, occurredAt);
        }
        await client.query(
          `INSERT INTO bench_raw_entries (account_id, kind, amount, balance_after, reason, rule_id, rule_version, source_event_id, idempotency_key, occurred_at) VALUES ${values.join(', ')}`,
          params,
        );
      }
      return options.events;
    });
  });
  out(`raw inserts: ${raw.value} rows in ${ms(raw.ms)} (${perSecond(raw.value, raw.ms)})`);
  const pipelineRate = (pipeline.value * 1000) / pipeline.ms;
  const rawRate = (raw.value * 1000) / raw.ms;
  const ratio = pipelineRate / rawRate;

  // ---- (2) redemptions under concurrent clients ----
  const api = await createApiApp(config);
  const login = await api.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench-admin', password: 'bench-password-0123' } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const authorization = `Bearer ${(JSON.parse(login.body) as { accessToken: string }).accessToken}`;
  const send = (method: 'POST' | 'GET', url: string, payload?: object) => api.inject({ method, url, headers: { authorization }, payload });
  const [city] = await sql<{ id: string }>(`SELECT id FROM units WHERE kind = 'city' LIMIT 1`);
  const reward = await send('POST', `/api/v1/points/stores/${city.id}/rewards`, { name: '洗衣液（2kg）', cost: 10, stock: 1_000_000 });
  if (reward.statusCode !== 201) throw new Error(`reward: ${reward.statusCode} ${reward.body}`);
  const rewardId = (JSON.parse(reward.body) as { id: string }).id;
  // Each owner can afford three quarters of the client's attempts: the rest are the expected refusals.
  const affordable = Math.floor((options.perClient * 3) / 4);
  const owners = (await sql<{ id: string }>(`SELECT id FROM people ORDER BY id DESC LIMIT $1`, [options.clients])).map((row) => row.id);
  for (const ownerId of owners) {
    const adjusted = await send('POST', '/api/v1/points/adjustments', { ownerType: 'person', ownerId, accountKind: 'redeemable', amount: affordable * 10, reason: '基准测试充值' });
    if (adjusted.statusCode !== 201) throw new Error(`adjustment: ${adjusted.statusCode} ${adjusted.body}`);
  }
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const redeem = await timeIt(() =>
    Promise.all(
      owners.map(async (ownerId) => {
        for (let i = 0; i < options.perClient; i++) {
          const started = process.hrtime.bigint();
          const response = await send('POST', '/api/v1/points/redemptions', { rewardId, quantity: 1, ownerType: 'person', ownerId, idempotencyKey: randomUUID() });
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          const code = response.statusCode === 201 ? '201' : `${response.statusCode} ${(JSON.parse(response.body) as { code?: string }).code ?? ''}`.trim();
          statuses[code] = (statuses[code] ?? 0) + 1;
        }
      }),
    ),
  );
  await api.close();
  const attempts = options.clients * options.perClient;
  const reserved = statuses['201'] ?? 0;
  const refused = statuses['409 points.insufficient'] ?? 0;
  const unexpected = attempts - reserved - refused;
  const [stock] = await sql<{ stock: string; reserved: string; balances: string }>(
    `SELECT (SELECT stock FROM point_rewards WHERE id = $1) AS stock,
            (SELECT count(*) FROM point_redemptions WHERE reward_id = $1) AS reserved,
            (SELECT COALESCE(sum(balance), 0) FROM point_accounts WHERE owner_type = 'person' AND owner_id = ANY ($2::uuid[]) AND kind = 'redeemable') AS balances`,
    [rewardId, owners],
  );
  const redeemLatency = summarize(latencies);
  out(`redemptions: ${attempts} attempts in ${ms(redeem.ms)} (${perSecond(attempts, redeem.ms)}), ${JSON.stringify(statuses)}`);

  // ---- (3) quarterly assessment at city scale ----
  const accounts = await sql<{ n: string }>(
    `WITH inserted AS (
       INSERT INTO point_accounts (owner_type, owner_id, kind)
       SELECT 'person', person_id, 'assessment' FROM party_members
       UNION ALL SELECT 'organization', id, 'assessment' FROM party_organizations
       ON CONFLICT DO NOTHING RETURNING 1)
     SELECT count(*) AS n FROM inserted`,
  );
  // Every entry falls inside the assessed quarter (2026Q4 in Beijing time): the worst case for the scan.
  const generate = await timeIt(() =>
    sql(
      `INSERT INTO point_entries (account_id, kind, amount, balance_after, reason, idempotency_key, occurred_at)
       SELECT a.ids[1 + g % cardinality(a.ids)], 'credit', 1 + g % 3, 1 + g % 3, '基准测试积分', 'bench:' || g,
              timestamptz '2026-09-30T16:00:00Z' + (g % 7948800) * interval '1 second'
       FROM (SELECT array_agg(id ORDER BY id) AS ids FROM point_accounts WHERE kind = 'assessment') a, generate_series(0, $1::int - 1) g`,
      [options.entries],
    ),
  );
  await sql(`VACUUM ANALYZE point_entries`);
  await sql(`VACUUM ANALYZE point_accounts`);
  out(`generated ${options.entries} entries in ${ms(generate.ms)}`);
  const [counts] = await sql<{ members: string; organizations: string; entries: string }>(
    `SELECT (SELECT count(*) FROM party_members) AS members, (SELECT count(*) FROM party_organizations) AS organizations, (SELECT count(*) FROM point_entries) AS entries`,
  );
  const context = await createSchedulerContext(config);
  const assessment = context.get(QuarterlyAssessment, { strict: false });
  const period = context.get(BusinessCalendar, { strict: false }).parse('2026Q4');
  const runs: number[] = [];
  let summary: Awaited<ReturnType<QuarterlyAssessment['assess']>> | undefined;
  for (let i = 0; i < 3; i++) {
    const run = await timeIt(() => assessment.assess(period));
    runs.push(run.ms);
    summary = run.value;
    out(`assessment ${period.key}: ${ms(run.ms)} ${JSON.stringify(run.value)}`);
  }
  await context.close();
  const assessTiming = summarize(runs);
  await flushRedis(config.redisUrl, prefix);

  const targets: PointsTargetRow[] = [
    {
      what: `Event → entry pipeline vs raw inserts (${options.events.toLocaleString('en-US')} events in outbox batches of ${options.batch})`,
      target: 'pipeline ≥ 50% of raw',
      measured: `${perSecond(pipeline.value, pipeline.ms)} vs ${perSecond(raw.value, raw.ms)} = ${(ratio * 100).toFixed(1)}%`,
      met: ratio >= 0.5,
    },
    {
      what: `Redemptions, ${options.clients} concurrent clients × ${options.perClient} attempts`,
      target: 'no errors but the expected refusals',
      measured: `${perSecond(attempts, redeem.ms)}; ${Object.entries(statuses)
        .map(([status, n]) => `${status}: ${n}`)
        .join(', ')}`,
      met: unexpected === 0 && reserved === options.clients * affordable && Number(stock.balances) === 0,
    },
    {
      what: `Quarterly assessment (${Number(counts.members).toLocaleString('en-US')} members, ${Number(counts.organizations).toLocaleString('en-US')} organizations, ${Number(counts.entries).toLocaleString('en-US')} entries)`,
      target: '< 60 s',
      measured: `median ${ms(assessTiming.medianMs)} (max ${ms(assessTiming.maxMs)}, ${assessTiming.samples} runs)`,
      met: assessTiming.maxMs < 60_000,
    },
  ];
  const section = renderPointsReport({
    date: new Date().toISOString(),
    command: `node -r ./tools/register.js tools/bench/points.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
    machine,
    load,
    data: [
      `City generated by \`seed-city --scale ${options.scale}\` (seed 1) in ${ms(seed.durationMs)} into a fresh database \`linli_bench_points\` (migrated with \`migrate()\`).`,
      `Pipeline: one rule (\`${EVENT_TYPE}\`, 10 redeemable points per hour, role volunteer, valid 24 months); each event has one volunteer (a distinct person) and quantity 2.`,
      `Redemptions: one reward at the city's store (cost 10, stock 1,000,000); ${options.clients} people credited ${affordable * 10} points each through \`POST /adjustments\`, so each can reserve ${affordable} of its client's ${options.perClient} attempts.`,
      `Assessment: an assessment account for every member and organization (${Number(accounts[0].n).toLocaleString('en-US')}), ${options.entries.toLocaleString('en-US')} entries generated with one set-based INSERT (generate_series, ${ms(generate.ms)}), all inside 2026Q4, then VACUUM ANALYZE.`,
    ],
    targets,
    details: [
      `Pipeline: ${pipeline.value.toLocaleString('en-US')} entries in ${ms(pipeline.ms)}, timed from the first outbox commit until the last entry exists (outbox → relay → BullMQ \`events-points\` → the \`points\` subscriber: processed-event claim, rule match, caps, account lock, entry, lot, outcome, \`points.earned\` notification job).`,
      `Raw PostgreSQL: ${raw.value.toLocaleString('en-US')} rows in ${ms(raw.ms)}: multi-row INSERTs of ${options.batch} rows into \`bench_raw_entries\` (\`LIKE point_entries INCLUDING ALL\`: same columns, constraints and indexes, no foreign keys), one statement per batch, autocommit, one connection.`,
      `Redemptions: ${attempts.toLocaleString('en-US')} attempts in ${ms(redeem.ms)}; latency median ${ms(redeemLatency.medianMs)}, p95 ${ms(redeemLatency.p95Ms)}; ${stock.reserved} redemptions recorded, stock left ${Number(stock.stock).toLocaleString('en-US')}, owners' balances left ${stock.balances} (expected 0); unexpected answers: ${unexpected}.`,
      `Assessment runs: ${runs.map((run) => ms(run)).join(', ')} (each recomputes the draft wholly: delete, score, tier, rank, flag, insert, then notify the secretaries of ineffective organizations); last result ${JSON.stringify(summary)}.`,
    ],
    notes: [
      `The pipeline does far more per event than the raw insert (it also claims the event, reads the rule, sums caps, locks and updates the account, writes the lot and the outcome and queues a notification), and the scheduler shares this process and its CPU with the benchmark's publisher, on ${machine.cpus} CPUs shared with PostgreSQL and Redis.`,
      `Why the pipeline misses its target: every event is its own BullMQ job and its own transaction of a dozen or so statements (the \`points\` subscriber runs with the kernel's default concurrency of 4), while the raw side writes 500 rows per statement; per-event processing cannot come near 50% of batched inserts. Reaching it needs the subscriber to take events in batches and apply the rules set-based per batch (a change in the kernel's event delivery and in \`ApplyPointRulesUseCase\`, outside this benchmark).`,
      `Other work was running on the machine during the measurement (other engineers' tests and builds in the same checkout): load average ${load} at the start, ${loadavg()
        .map((n) => n.toFixed(2))
        .join(', ')} at the end.`,
      `With the default tier thresholds and about 47 points per owner in the quarter, every owner lands below standard, so every organization is flagged and its secretary notified (one \`notifications\` job each, no notifier running): the assessment times include queueing those jobs.`,
      `Requests go through Fastify's \`inject\` (the whole Nest pipeline: JWT guard with its account lookup, scope check, validation, serialization), with ${options.clients} clients each awaiting its previous answer.`,
    ],
  });
  const file = join(__dirname, 'RESULTS.md');
  writeFileSync(file, withPointsSection(readFileSync(file, 'utf8'), section));
  out(`wrote ${file}`);
  if (!options.keep) await dropDatabase(options.databaseUrl);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
