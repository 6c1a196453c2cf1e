import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { Clock } from '../clock/clock';
import { JobName, RunScheduleJob } from '../messaging/job-names';
import { OnJob } from '../messaging/on-job.decorator';
import { QueueName } from '../messaging/queue-names';
import { InvalidPeriodError } from './invalid-period.error';
import { JobRunner } from './job-runner.service';
import { UnknownScheduleError } from './unknown-schedule.error';

export interface RunScheduleSummary {
  job: string;
  period: string;
  status: string;
  attempts: number;
  executed: boolean;
}

/** Consumes `run-schedule` jobs (fired by the BullMQ job schedulers, or queued by hand) through `JobRunner`. */
@Injectable()
export class RunScheduleHandler {
  constructor(
    private readonly runner: JobRunner,
    private readonly clock: Clock,
  ) {}

  @OnJob({ name: JobName.RunSchedule, queue: QueueName.Schedules, concurrency: 2 })
  async handle(payload: RunScheduleJob, job: Job): Promise<RunScheduleSummary> {
    // A job scheduler's job carries its due time; a hand-queued job its enqueue time. Both are
    // stable across BullMQ retries, so a retry near a period boundary keeps its period.
    const firedAt =
      typeof job.opts.prevMillis === 'number'
        ? new Date(job.opts.prevMillis)
        : job.timestamp
          ? new Date(job.timestamp)
          : this.clock.now();
    let report;
    try {
      report = await this.runner.run({
        schedule: payload.schedule,
        period: payload.period,
        force: payload.force,
        firedAt,
      });
    } catch (error) {
      if (error instanceof UnknownScheduleError || error instanceof InvalidPeriodError)
        throw new UnrecoverableError(error.message);
      throw error;
    }
    const { run, executed } = report;
    if (run.status === 'failed')
      throw new Error(`"${run.job}" for ${run.periodKey} failed (attempt ${run.attempts}): ${run.error}`);
    // Running in another process: check again later (by then it finished, or its heartbeat is stale and this retry takes over).
    if (run.status === 'running' && !executed)
      throw new Error(`"${run.job}" for ${run.periodKey} is running in another process`);
    return { job: run.job, period: run.periodKey, status: run.status, attempts: run.attempts, executed };
  }
}
