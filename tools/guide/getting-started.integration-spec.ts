import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { components, createLinliClient, login } from '@linli/client';
import { LinliConfig } from '@linli/platform';
import {
  currentRun,
  currentWorker,
  databaseUrlFor,
  TEST_ADMIN,
  templateDatabaseName,
  testConfig,
  testQueuePrefix,
  testVariables,
  withAdminClient,
} from '@linli/testing';
import { AppProcess, freePort, spawnApp, waitHealthy } from '../bench/lib/app-processes';
import { dropDatabase, flushRedis } from '../bench/lib/database';
import { seedCity } from '../seed-city/src';
import { seedDemoPointRules } from '../start/seed-demo-point-rules';
import { seedDemoVolunteers } from '../start/seed-demo-volunteers';
import {
  GETTING_STARTED,
  GuideRun,
  prepareGuide,
  PreparedGuide,
  ROOT,
  runGuide,
  typecheckGuide,
} from './guide-process';
import { extractSnippets } from './guide-snippets';

type Schemas = components['schemas'];

/** The guide's variables this spec reads after the walk (the report's `values`). */
interface WalkValues {
  resident: Schemas['PersonDto'];
  entries: Schemas['PointEntryDto'][];
  account: Schemas['PointsAccountViewDto'];
  notices: Schemas['NotificationDto'][];
  reward: Schemas['RewardDto'];
  redemption: Schemas['RedemptionDto'];
  accountAfter: Schemas['PointsAccountViewDto'];
  community: Schemas['UnitHitDto'];
  check: Schemas['StructureCheckPageDto'];
}

/**
 * `npm start`'s demo database (tools/start/start.ts): the seed-city demo district, the default points
 * rules and the demo volunteers, on a database cloned from the run's migrated template. The demo
 * deliberation and property records (DEMO_RECORDS) are left out: the walk reads neither, and the
 * property records alone take about 12 s.
 */
async function seedDemoDatabase(config: LinliConfig): Promise<void> {
  await seedCity({ databaseUrl: config.databaseUrl, scale: 'demo', seed: 1, piiKey: config.piiKey });
  await seedDemoPointRules(config.databaseUrl);
  await seedDemoVolunteers(config.databaseUrl);
}

const timing = (line: string) => process.env.GUIDE_TIMING && process.stderr.write(`${line}\n`);

describe(GETTING_STARTED, () => {
  const database = `linli_test_${currentRun()}_guide_w${currentWorker()}`;
  const overrides = { DATABASE_URL: databaseUrlFor(database), QUEUE_PREFIX: `${testQueuePrefix()}-guide` };
  const config = testConfig(overrides);
  const env = Object.fromEntries(
    Object.entries(testVariables(overrides)).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const apps: AppProcess[] = [];
  let guide: PreparedGuide | undefined;

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    guide?.remove();
    await dropDatabase(config.databaseUrl);
    await flushRedis(config.redisUrl, config.queuePrefix);
  });

  it("runs the guide's snippets in order against a booted stack: points arrive, the notice is in the inbox, the reward's stock falls", async () => {
    const started = Date.now();
    const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    await withAdminClient((client) =>
      client.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDatabaseName(currentRun())}"`),
    );
    guide = prepareGuide();
    const [apiPort, schedulerPort, notifierPort] = [await freePort(), await freePort(), await freePort()];
    apps.push(
      spawnApp('api', 'api', env, apiPort),
      spawnApp('scheduler', 'scheduler', env, schedulerPort),
      spawnApp('notifier', 'notifier', env, notifierPort),
    );
    // The apps boot while the district is seeded: the api's first start needs no unit, and the walk
    // begins only once both are done, on the same database npm start would have prepared.
    const [typecheck] = await Promise.all([
      typecheckGuide(guide),
      seedDemoDatabase(config).then(() => timing(`seeded at ${since()}`)),
      waitHealthy(apps).then(() => timing(`apps healthy at ${since()}`)),
    ]);
    expect(typecheck.output).toBe('');

    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const run: GuideRun = await runGuide(guide, {
      env: { LINLI_URL: baseUrl, LINLI_ADMIN_USERNAME: TEST_ADMIN.username, LINLI_ADMIN_PASSWORD: TEST_ADMIN.password },
      timeoutMs: 90_000,
    });
    timing(`walked at ${since()}`);
    // On a failure, the diff shows the step, its line in the document and everything the walk printed.
    expect({
      exitCode: run.exitCode,
      failure: run.report?.failure,
      output: run.exitCode ? run.output : undefined,
    }).toEqual({ exitCode: 0 });

    // Every snippet of the document ran, in order, and passed.
    const snippets = extractSnippets(readFileSync(join(ROOT, GETTING_STARTED), 'utf8'));
    expect(run.report?.steps.map((step) => [step.step, step.title, step.status])).toEqual(
      snippets.map((snippet) => [snippet.step, snippet.title, 'passed']),
    );
    expect(run.output).toContain(`▶ 1. Log in   (${GETTING_STARTED}:`);

    // What the newcomer saw, checked again through the typed client as the administrator.
    const values = run.report?.values as unknown as WalkValues;
    const admin = createLinliClient({ baseUrl });
    await login(admin, TEST_ADMIN.username, TEST_ADMIN.password);
    const owner = { ownerType: 'person' as const, ownerId: values.resident.id };

    // The points arrived: the default rules pay 20 for the micro-wish, 5 for attending and 10 an hour of service.
    expect(values.entries.map((entry) => [entry.reason, entry.amount]).sort()).toEqual(
      [
        ['参加活动「邻里清洁日」获得积分', 5],
        ['参加志愿服务「邻里清洁日」获得积分', 20],
        ['完成微心愿「帮忙修一下厨房的灯」获得积分', 20],
      ].sort(),
    );
    expect(values.account.redeemable).toMatchObject({ balance: 45, pending: 0 });
    // The notice of each credit is in the volunteer's inbox.
    for (const entry of values.entries)
      expect(values.notices).toContainEqual(
        expect.objectContaining({ title: '积分到账', body: `您获得了 ${entry.amount} 积分：${entry.reason}` }),
      );
    // The redemption spent the reward's cost, was handed over, and the stock fell by one.
    expect(values.redemption).toMatchObject({ status: 'reserved', quantity: 1, points: values.reward.cost });
    const account = (await admin.GET('/api/v1/points/accounts/{ownerType}/{ownerId}', { params: { path: owner } }))
      .data;
    expect(account?.redeemable.balance).toBe(45 - values.reward.cost);
    expect(values.accountAfter.redeemable.balance).toBe(45 - values.reward.cost);
    const redemption = (
      await admin.GET('/api/v1/points/redemptions/{id}', { params: { path: { id: values.redemption.id } } })
    ).data;
    expect(redemption?.status).toBe('fulfilled');
    const rewards = (
      await admin.GET('/api/v1/points/stores/{unitId}/rewards', { params: { path: { unitId: values.community.id } } })
    ).data;
    expect(rewards?.items.find((reward) => reward.id === values.reward.id)?.stock).toBe(values.reward.stock - 1);
    // The structure check found what the demo district is seeded to show.
    expect(Object.values(values.check.totals).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    timing(`done at ${since()}`);
    // The demo district's seed (~15 s) and three app boots dominate; the walk itself takes a few seconds.
  }, 150_000);
});
