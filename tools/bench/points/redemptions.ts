import { randomUUID } from 'node:crypto';
import { createApiApp } from '@linli/composition';
import { out } from '../lib/bench-cli';
import { benchAuthorization } from '../lib/bench-setup';
import { loadAverage } from '../lib/machine';
import { ms, perSecond, PointsPartReport } from '../lib/points-report';
import { summarize, timeIt } from '../lib/timing';
import { RunContext } from './run-context';

// ---- (2) redemptions under concurrent clients ----
export async function measureRedemptions(ctx: RunContext): Promise<PointsPartReport> {
  const { options, config, sql } = ctx;
  const loadAtStart = loadAverage();
  const api = await createApiApp(config);
  const authorization = await benchAuthorization(api);
  const send = (method: 'POST' | 'GET', url: string, payload?: object) =>
    api.inject({ method, url, headers: { authorization }, payload });
  const [city] = await sql<{ id: string }>(`SELECT id FROM units WHERE kind = 'city' LIMIT 1`);
  const reward = await send('POST', `/api/v1/points/stores/${city.id}/rewards`, {
    name: '洗衣液（2kg）',
    cost: 10,
    stock: 1_000_000,
  });
  if (reward.statusCode !== 201) throw new Error(`reward: ${reward.statusCode} ${reward.body}`);
  const rewardId = (JSON.parse(reward.body) as { id: string }).id;
  // Each owner can afford three quarters of the client's attempts: the rest are the expected refusals.
  const affordable = Math.floor((options.perClient * 3) / 4);
  const owners = (await sql<{ id: string }>(`SELECT id FROM people ORDER BY id DESC LIMIT $1`, [options.clients])).map(
    (row) => row.id,
  );
  for (const ownerId of owners) {
    const adjusted = await send('POST', '/api/v1/points/adjustments', {
      ownerType: 'person',
      ownerId,
      accountKind: 'redeemable',
      amount: affordable * 10,
      reason: '基准测试充值',
    });
    if (adjusted.statusCode !== 201) throw new Error(`adjustment: ${adjusted.statusCode} ${adjusted.body}`);
  }
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const redeem = await timeIt(() =>
    Promise.all(
      owners.map(async (ownerId) => {
        for (let i = 0; i < options.perClient; i++) {
          const started = process.hrtime.bigint();
          const response = await send('POST', '/api/v1/points/redemptions', {
            rewardId,
            quantity: 1,
            ownerType: 'person',
            ownerId,
            idempotencyKey: randomUUID(),
          });
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
          const code =
            response.statusCode === 201
              ? '201'
              : `${response.statusCode} ${(JSON.parse(response.body) as { code?: string }).code ?? ''}`.trim();
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
  out(
    `redemptions: ${attempts} attempts in ${ms(redeem.ms)} (${perSecond(attempts, redeem.ms)}), ${JSON.stringify(statuses)}`,
  );
  return {
    part: 'redemptions',
    machine: ctx.machine,
    date: new Date().toISOString(),
    command: ctx.command,
    load: { start: loadAtStart, end: loadAverage() },
    targets: [
      {
        what: `Redemptions, ${options.clients} concurrent clients × ${options.perClient} attempts`,
        target: 'no errors but the expected refusals',
        measured: `${perSecond(attempts, redeem.ms)}; ${Object.entries(statuses)
          .map(([status, n]) => `${status}: ${n}`)
          .join(', ')}`,
        met: unexpected === 0 && reserved === options.clients * affordable && Number(stock.balances) === 0,
      },
    ],
    data: [
      ctx.seedLine,
      `One reward at the city's store (cost 10, stock 1,000,000); ${options.clients} people credited ${affordable * 10} points each through \`POST /adjustments\`, so each can reserve ${affordable} of its client's ${options.perClient} attempts.`,
    ],
    details: [
      `${attempts.toLocaleString('en-US')} attempts in ${ms(redeem.ms)}; latency median ${ms(redeemLatency.medianMs)}, p95 ${ms(redeemLatency.p95Ms)}; ${stock.reserved} redemptions recorded, stock left ${Number(stock.stock).toLocaleString('en-US')}, owners' balances left ${stock.balances} (expected 0); unexpected answers: ${unexpected}.`,
    ],
    notes: [
      `Requests go through Fastify's \`inject\` (the whole Nest pipeline: JWT guard with its account lookup, scope check, validation, serialization), with ${options.clients} clients each awaiting its previous answer.`,
    ],
  };
}
