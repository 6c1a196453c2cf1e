import { Injectable, Module } from '@nestjs/common';
import Redis from 'ioredis';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  currentRun,
  currentWorker,
  databaseUrlFor,
  resetState,
  testConfig,
  testQueuePrefix,
  withTestDb,
  workerDatabaseName,
} from '@linli/testing';
import { Scheduled, ScheduleContext } from '@linli/platform';
import { runJobCommand } from './run-job-command';

const attemptsSeen: number[] = [];

@Injectable()
class CliSchedules {
  @Scheduled({ name: 'test.cli-report', cron: '0 2 1 * *', period: 'month', periodOffset: 'previous' })
  async report({ period, attempt }: ScheduleContext): Promise<{ month: string; attempt: number }> {
    attemptsSeen.push(attempt);
    return { month: period.key, attempt };
  }

  @Scheduled({ name: 'test.cli-broken', cron: '0 2 * * *', period: 'day' })
  async broken(): Promise<never> {
    throw new Error('the upstream register is offline');
  }
}

@Module({ providers: [CliSchedules] })
class CliSchedulesModule {}

async function cli(
  argv: string[],
  env?: NodeJS.ProcessEnv,
  config = testConfig({ LINLI_MODULES: '' }),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runJobCommand(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...(env ? { env } : { config }),
    extraModules: [CliSchedulesModule],
  });
  return { code, stdout, stderr };
}

describe('npm run job', () => {
  beforeAll(() => resetState());

  it('runs one job for one period and prints the run record', async () => {
    const { code, stdout } = await cli(['test.cli-report', '--period', '2026-10']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      job: 'test.cli-report',
      period: '2026-10',
      status: 'succeeded',
      attempts: 1,
      executed: true,
      result: { month: '2026-10', attempt: 1 },
      error: null,
    });
  });

  it('does nothing for a period that already succeeded, and recomputes it with --force', async () => {
    const again = await cli(['test.cli-report', '--period', '2026-10']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ executed: false, attempts: 1 });
    expect(again.stderr).toContain('--force');

    const forced = await cli(['test.cli-report', '--period', '2026-10', '--force']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({
      executed: true,
      attempts: 2,
      forced: true,
      result: { attempt: 2 },
    });
    expect(attemptsSeen).toEqual([1, 2]);
  });

  it('exits non-zero with the recorded error when the job fails', async () => {
    const { code, stdout } = await cli(['test.cli-broken', '--period', '2026-11-22']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: expect.stringContaining('the upstream register is offline'),
    });
  });

  it('refuses an unknown job, listing the known ones', async () => {
    const { code, stderr } = await cli(['test.no-such-job', '--period', '2026-10']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown job "test.no-such-job"');
    expect(stderr).toContain('outbox.cleanup, test.cli-broken, test.cli-report');
  });

  it('refuses a period of the wrong kind and malformed arguments', async () => {
    expect((await cli(['test.cli-report', '--period', '2026Q3'])).code).toBe(2);
    const unknownFlag = await cli(['test.cli-report', '--perod', '2026-10']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain('usage: npm run job');
  });

  it('lists the registered schedules of the enabled modules', async () => {
    const { code, stdout } = await cli(['--list'], undefined, testConfig({ LINLI_MODULES: 'organization' }));
    expect(code).toBe(0);
    const schedules = JSON.parse(stdout) as { name: string; cron: string; timeZone: string; period: string }[];
    expect(schedules.map((s) => s.name)).toEqual([
      'organization.structure-check',
      'outbox.cleanup',
      'test.cli-broken',
      'test.cli-report',
    ]);
    const kernelOnly = JSON.parse((await cli(['--list'], undefined, testConfig({ LINLI_MODULES: '' }))).stdout) as {
      name: string;
    }[];
    expect(kernelOnly.map((s) => s.name)).toEqual(['outbox.cleanup', 'test.cli-broken', 'test.cli-report']);
    expect(schedules.find((s) => s.name === 'test.cli-report')).toMatchObject({
      cron: '0 2 1 * *',
      timeZone: 'Asia/Shanghai',
      period: 'month',
      periodOffset: 'previous',
    });
  });

  it('stops on invalid configuration with the message the apps print', async () => {
    const { code, stderr } = await cli(['--list'], {
      REDIS_URL: 'http://not-redis',
      LINLI_LOCAL_DIR: '/tmp/linli-job-cli-test',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain('REDIS_URL must be a redis:// or rediss:// URL');
  });

  it('starts no background work: no job schedulers registered, no outbox relayed', async () => {
    await withTestDb((db) =>
      db.query(`INSERT INTO outbox_events (type, occurred_at, data) VALUES ('test.cli.happened', now(), '{}')`),
    );
    await cli(['test.cli-report', '--period', '2026-09']);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      expect(await redis.exists(`{${testQueuePrefix()}}:schedules:repeat`)).toBe(0);
    } finally {
      redis.disconnect();
    }
    const unrelayed = await withTestDb(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE relayed_at IS NULL`)).rows[0].n,
    );
    expect(unrelayed).toBe(1);
  });
});

describe('the run-job.cli.ts script', () => {
  const root = join(__dirname, '..', '..', '..', '..');
  const run = promisify(execFile);

  it('boots the scheduler composition and lists its schedules', async () => {
    await resetState();
    const { stdout } = await run(
      process.execPath,
      ['-r', join(root, 'tools/register.js'), join(root, 'apps/scheduler/src/run-job.cli.ts'), '--list'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: databaseUrlFor(workerDatabaseName(currentRun(), currentWorker())),
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_PREFIX: testQueuePrefix(),
          LINLI_LOCAL_DIR: `/tmp/linli-test-${currentRun()}`,
          LINLI_ADMIN_PASSWORD: 'admin-password-123',
        },
      },
    );
    expect((JSON.parse(stdout) as { name: string }[]).map((s) => s.name)).toContain('outbox.cleanup');
  });
});
