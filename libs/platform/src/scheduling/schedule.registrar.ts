import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { JobName } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { QueueName } from '../messaging/queue-names';
import { ScheduleRegistry } from './schedule.registry';
import { SchedulingOptions } from './scheduling.options';

/**
 * Options of every `run-schedule` job. The retries outlast `JobRunner.STALE_AFTER_MS` (30 + 60 +
 * 120 s): a run whose process died is taken over by a retry of its job, not left `running`.
 */
export const RUN_SCHEDULE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 30_000 },
  removeOnComplete: { age: 30 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

/**
 * Registers every schedule as a BullMQ job scheduler on the `schedules` queue at boot (an upsert:
 * every scheduler process may do it, there is still one scheduler per name). If Redis is away the
 * registration is retried in the background; boot waits for Redis a few seconds at most.
 */
@Injectable()
export class ScheduleRegistrar implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly RETRY_MS = 5_000;
  static readonly BOOT_WAIT_MS = 3_000;

  private readonly logger = new Logger(ScheduleRegistrar.name);
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly registry: ScheduleRegistry,
    private readonly jobQueue: JobQueue,
    @Optional() private readonly options: SchedulingOptions = new SchedulingOptions(),
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.background || this.registry.all().length === 0) return;
    // Usually done before boot completes; with Redis away it goes on in the background.
    const attempt = this.registerOrRetry();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      attempt,
      new Promise<void>((resolve) => (timer = setTimeout(resolve, ScheduleRegistrar.BOOT_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  /** Upserts every schedule's job scheduler; resolves once all are registered. */
  async register(): Promise<void> {
    const queue = this.jobQueue.get(QueueName.Schedules);
    for (const schedule of this.registry.all()) {
      await queue.upsertJobScheduler(
        schedule.name,
        { pattern: schedule.cron, tz: schedule.timeZone },
        {
          name: JobName.RunSchedule,
          data: { schedule: schedule.name },
          opts: RUN_SCHEDULE_JOB_OPTIONS,
        },
      );
    }
    this.logger.log(`registered ${this.registry.all().length} schedule(s): ${this.registry.names().join(', ')}`);
  }

  private async registerOrRetry(): Promise<void> {
    try {
      await this.register();
    } catch (error) {
      if (this.stopped) return;
      this.logger.warn(
        { err: error, retryInMs: ScheduleRegistrar.RETRY_MS },
        'could not register the schedules with BullMQ; retrying',
      );
      this.retry = setTimeout(() => void this.registerOrRetry(), ScheduleRegistrar.RETRY_MS);
    }
  }
}
