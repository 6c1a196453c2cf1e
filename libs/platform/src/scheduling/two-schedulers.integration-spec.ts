import { Injectable, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Job } from 'bullmq';
import { bootScheduler, resetState, waitFor, withTestDb } from '@linli/testing';
import { JobName } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { QueueName } from '../messaging/queue-names';
import { JobRunner } from './job-runner.service';
import { ScheduleContext } from './schedule-context';
import { Scheduled } from './scheduled.decorator';

const executions: { job: string; period: string }[] = [];

@Injectable()
class SharedSchedules {
  @Scheduled({ name: 'test.structure-check', cron: '0 3 1 * *', period: 'month', periodOffset: 'previous' })
  async check({ period }: ScheduleContext): Promise<{ checked: string }> {
    executions.push({ job: 'test.structure-check', period: period.key });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { checked: period.key };
  }

  // Fires every second; one run per year, so every firing after the first is a recorded no-op.
  @Scheduled({ name: 'test.every-second', cron: '* * * * * *', period: 'year' })
  async tick({ period }: ScheduleContext): Promise<{ year: string }> {
    executions.push({ job: 'test.every-second', period: period.key });
    return { year: period.key };
  }
}

@Module({ providers: [SharedSchedules] })
class SharedSchedulesModule {}

function runRows(job: string): Promise<{ period_key: string; status: string; attempts: number }[]> {
  return withTestDb(
    async (db) =>
      (await db.query(`SELECT period_key, status, attempts FROM job_runs WHERE job = $1 ORDER BY period_key`, [job]))
        .rows,
  );
}

describe('two scheduler processes', () => {
  let first: NestFastifyApplication;
  let second: NestFastifyApplication;

  beforeAll(async () => {
    await resetState();
    [first, second] = await Promise.all([
      bootScheduler({ modules: [SharedSchedulesModule] }),
      bootScheduler({ modules: [SharedSchedulesModule] }),
    ]);
  });
  afterAll(async () => {
    // The every-second job scheduler outlives the apps in Redis; later specs of this worker must not see it fire.
    await first.get(JobQueue).get(QueueName.Schedules).removeJobScheduler('test.every-second');
    await Promise.all([first.close(), second.close()]);
  });

  it('produce one recorded run and one execution when both run the same job and period at once', async () => {
    const reports = await Promise.all(
      [first, second, first, second].map((app) =>
        app.get(JobRunner).run({ schedule: 'test.structure-check', period: '2026-10' }),
      ),
    );
    expect(reports.filter((r) => r.executed)).toHaveLength(1);
    expect(executions.filter((e) => e.job === 'test.structure-check' && e.period === '2026-10')).toHaveLength(1);
    expect(await runRows('test.structure-check')).toEqual([
      { period_key: '2026-10', status: 'succeeded', attempts: 1 },
    ]);
  });

  it('produce one run when each consumes its own trigger for the same period', async () => {
    const queue = first.get(JobQueue).get(QueueName.Schedules);
    const jobIds = ['a', 'b', 'c', 'd'].map((suffix) => `trigger-structure-check-2026-09-${suffix}`);
    await Promise.all(
      jobIds.map((jobId) =>
        first
          .get(JobQueue)
          .queue(JobName.RunSchedule, { schedule: 'test.structure-check', period: '2026-09' }, { jobId }),
      ),
    );
    // A trigger that finds the run in progress in the other process is retried by BullMQ, then finds it done.
    await waitFor(
      async () =>
        (await Promise.all(jobIds.map(async (id) => (await queue.getJob(id))?.getState()))).every(
          (state) => state === 'completed',
        ),
      {
        what: 'all four triggers',
      },
    );
    expect(executions.filter((e) => e.period === '2026-09')).toHaveLength(1);
    expect((await runRows('test.structure-check')).find((r) => r.period_key === '2026-09')).toEqual({
      period_key: '2026-09',
      status: 'succeeded',
      attempts: 1,
    });
  });

  it('produce one run per period from the job scheduler both registered, however often it fires', async () => {
    const queue = first.get(JobQueue).get(QueueName.Schedules);
    const firings = async (): Promise<Job[]> =>
      (await queue.getJobs(['completed'], 0, -1)).filter(
        (job) => job.name === JobName.RunSchedule && job.data.schedule === 'test.every-second',
      );
    await waitFor(async () => (await firings()).length >= 3, { what: 'three firings' });
    expect((await queue.getJobSchedulers()).filter((s) => s.key === 'test.every-second')).toHaveLength(1);
    const ticks = executions.filter((e) => e.job === 'test.every-second');
    expect(ticks).toHaveLength(1);
    expect(await runRows('test.every-second')).toEqual([
      { period_key: ticks[0].period, status: 'succeeded', attempts: 1 },
    ]);
    expect((await firings()).map((job) => job.returnvalue.executed).filter(Boolean)).toHaveLength(1);
  });
});
