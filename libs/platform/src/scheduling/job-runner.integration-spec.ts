import { Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootScheduler, resetState, waitFor, withTestDb } from '@linli/testing';
import { JobName } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { QueueName } from '../messaging/queue-names';
import { InvalidPeriodError } from './invalid-period.error';
import { JobRunner } from './job-runner.service';
import { ScheduleContext } from './schedule-context';
import { Scheduled } from './scheduled.decorator';
import { UnknownScheduleError } from './unknown-schedule.error';

interface Execution {
  job: string;
  period: string;
  attempt: number;
  force: boolean;
}

const executions: Execution[] = [];
const failFirstAttempt = new Set<string>();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
class TestSchedules {
  @Scheduled({
    name: 'test.quarterly-assessment',
    cron: '30 0 1 1,4,7,10 *',
    period: 'quarter',
    periodOffset: 'previous',
  })
  async assess(context: ScheduleContext): Promise<{ assessed: string; attempt: number }> {
    return this.record('test.quarterly-assessment', context);
  }

  @Scheduled({ name: 'test.monthly-report', cron: '0 3 1 * *', period: 'month' })
  async report(context: ScheduleContext): Promise<{ assessed: string; attempt: number }> {
    return this.record('test.monthly-report', context);
  }

  @Scheduled({ name: 'test.daily-digest', cron: '0 1 * * *', period: 'day' })
  async digest(context: ScheduleContext): Promise<{ assessed: string; attempt: number }> {
    return this.record('test.daily-digest', context);
  }

  private async record(
    job: string,
    { period, attempt, force }: ScheduleContext,
  ): Promise<{ assessed: string; attempt: number }> {
    executions.push({ job, period: period.key, attempt, force });
    // Widens the window in which concurrent callers could sneak in a second execution.
    await pause(30);
    if (failFirstAttempt.has(`${job}/${period.key}`) && attempt === 1)
      throw new Error('the source system did not answer');
    return { assessed: period.key, attempt };
  }
}

@Module({ providers: [TestSchedules] })
class TestSchedulesModule {}

const executionsOf = (job: string, period: string) => executions.filter((e) => e.job === job && e.period === period);

function runRows(
  job: string,
): Promise<
  { period_key: string; status: string; attempts: number; forced: boolean; result: unknown; error: string | null }[]
> {
  return withTestDb(
    async (db) =>
      (
        await db.query(
          `SELECT period_key, status, attempts, forced, result, error FROM job_runs WHERE job = $1 ORDER BY period_key`,
          [job],
        )
      ).rows,
  );
}

describe('JobRunner', () => {
  let app: NestFastifyApplication;
  let runner: JobRunner;

  beforeAll(async () => {
    await resetState();
    app = await bootScheduler({ modules: [TestSchedulesModule] });
    runner = app.get(JobRunner);
  });
  afterAll(() => app.close());

  it('executes once and records one run when ten callers run the same job and period at once', async () => {
    const reports = await Promise.all(
      Array.from({ length: 10 }, () => runner.run({ schedule: 'test.monthly-report', period: '2026-10' })),
    );
    expect(executionsOf('test.monthly-report', '2026-10')).toHaveLength(1);
    expect(reports.filter((r) => r.executed)).toHaveLength(1);
    expect(await runRows('test.monthly-report')).toEqual([
      {
        period_key: '2026-10',
        status: 'succeeded',
        attempts: 1,
        forced: false,
        result: { assessed: '2026-10', attempt: 1 },
        error: null,
      },
    ]);
  });

  it('treats a second run of a succeeded period as a no-op', async () => {
    await runner.run({ schedule: 'test.monthly-report', period: '2026-09' });
    const again = await runner.run({ schedule: 'test.monthly-report', period: '2026-09' });
    expect(again.executed).toBe(false);
    expect(again.run.status).toBe('succeeded');
    expect(executionsOf('test.monthly-report', '2026-09')).toHaveLength(1);
  });

  it('recomputes a succeeded period when forced', async () => {
    await runner.run({ schedule: 'test.monthly-report', period: '2026-08' });
    const forced = await runner.run({ schedule: 'test.monthly-report', period: '2026-08', force: true });
    expect(forced.executed).toBe(true);
    expect(forced.run).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      forced: true,
      result: { assessed: '2026-08', attempt: 2 },
    });
    expect(executionsOf('test.monthly-report', '2026-08').map((e) => e.force)).toEqual([false, true]);
  });

  it('records a failed run with its error, and retries it to success with attempts = 2', async () => {
    failFirstAttempt.add('test.monthly-report/2026-07');
    const first = await runner.run({ schedule: 'test.monthly-report', period: '2026-07' });
    expect(first.run).toMatchObject({ status: 'failed', attempts: 1, result: null });
    expect(first.run.error).toContain('the source system did not answer');
    expect(first.run.finishedAt).toBeInstanceOf(Date);

    const retry = await runner.run({ schedule: 'test.monthly-report', period: '2026-07' });
    expect(retry.executed).toBe(true);
    expect(retry.run).toMatchObject({ status: 'succeeded', attempts: 2, error: null, forced: false });
  });

  it('leaves a run alone while its process is alive, and takes it over once its heartbeat is stale', async () => {
    await withTestDb((db) =>
      db.query(
        `INSERT INTO job_runs (job, period_key, status, attempts, started_at, heartbeat_at) VALUES
           ('test.monthly-report', '2026-06', 'running', 1, now(), now()),
           ('test.monthly-report', '2026-05', 'running', 1, now() - interval '1 hour', now() - interval '10 minutes')`,
      ),
    );
    const alive = await runner.run({ schedule: 'test.monthly-report', period: '2026-06' });
    expect(alive).toMatchObject({ executed: false, run: { status: 'running', attempts: 1 } });
    const forcedWhileRunning = await runner.run({ schedule: 'test.monthly-report', period: '2026-06', force: true });
    expect(forcedWhileRunning.executed).toBe(false);

    const dead = await runner.run({ schedule: 'test.monthly-report', period: '2026-05' });
    expect(dead).toMatchObject({ executed: true, run: { status: 'succeeded', attempts: 2 } });
  });

  it('computes period keys in the Beijing calendar from the firing time', async () => {
    // 2027-01-01 00:30 in Beijing, still 2026-12-31 in UTC.
    const quarterly = await runner.run({
      schedule: 'test.quarterly-assessment',
      firedAt: new Date('2026-12-31T16:30:00Z'),
    });
    expect(quarterly.run.periodKey).toBe('2026Q4');
    const daily = await runner.run({ schedule: 'test.daily-digest', firedAt: new Date('2026-11-30T17:00:00Z') });
    expect(daily.run.periodKey).toBe('2026-12-01');
    expect(runner.periodFor({ schedule: 'test.monthly-report', firedAt: new Date('2026-11-30T16:00:00Z') }).key).toBe(
      '2026-12',
    );
  });

  it('refuses an unknown schedule, naming the known ones, and a period of the wrong kind', async () => {
    await expect(runner.run({ schedule: 'test.no-such-job', period: '2026-01' })).rejects.toThrow(UnknownScheduleError);
    await expect(runner.run({ schedule: 'test.no-such-job', period: '2026-01' })).rejects.toThrow(
      /known schedules: .*test\.monthly-report/,
    );
    await expect(runner.run({ schedule: 'test.monthly-report', period: '2026Q1' })).rejects.toThrow(InvalidPeriodError);
    expect(
      await withTestDb(
        async (db) =>
          (
            await db.query(
              `SELECT count(*)::int AS n FROM job_runs WHERE job = 'test.no-such-job' OR period_key = '2026Q1'`,
            )
          ).rows[0].n,
      ),
    ).toBe(0);
  });
});

describe('scheduled runs through BullMQ', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    app = await bootScheduler({ modules: [TestSchedulesModule] });
  });
  afterAll(() => app.close());

  it('registers every schedule as a BullMQ job scheduler in its time zone', async () => {
    const schedulers = await app.get(JobQueue).get(QueueName.Schedules).getJobSchedulers();
    const byName = new Map(schedulers.map((s) => [s.key, s]));
    expect(byName.get('test.quarterly-assessment')).toMatchObject({
      pattern: '30 0 1 1,4,7,10 *',
      tz: 'Asia/Shanghai',
      name: JobName.RunSchedule,
    });
    expect(byName.get('outbox.cleanup')).toMatchObject({ pattern: '20 4 * * *', tz: 'Asia/Shanghai' });
  });

  it('retries a failed run through BullMQ until it succeeds, recording attempts = 2', async () => {
    failFirstAttempt.add('test.monthly-report/2026-04');
    await app
      .get(JobQueue)
      .queue(
        JobName.RunSchedule,
        { schedule: 'test.monthly-report', period: '2026-04' },
        { jobId: 'run-test-monthly-report-2026-04' },
      );
    await waitFor(
      async () =>
        (await runRows('test.monthly-report')).find((r) => r.period_key === '2026-04' && r.status === 'succeeded'),
      {
        what: 'the retried run',
      },
    );
    expect((await runRows('test.monthly-report')).find((r) => r.period_key === '2026-04')).toMatchObject({
      attempts: 2,
      error: null,
    });
    expect(executionsOf('test.monthly-report', '2026-04').map((e) => e.attempt)).toEqual([1, 2]);
  });

  it('fails a job for an unknown schedule at once, without retries', async () => {
    const queue = app.get(JobQueue).get(QueueName.Schedules);
    await app
      .get(JobQueue)
      .queue(JobName.RunSchedule, { schedule: 'test.retired-job' }, { jobId: 'run-test-retired-job' });
    await waitFor(async () => (await queue.getJob('run-test-retired-job'))?.finishedOn, { what: 'the failed job' });
    const job = await queue.getJob('run-test-retired-job');
    expect(job?.attemptsMade).toBe(1);
    expect(job?.failedReason).toContain('unknown schedule "test.retired-job"');
  });
});
