import { Injectable, Logger } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { BusinessCalendar, Period } from '../clock/business-calendar';
import { Clock } from '../clock/clock';
import { MetricsRegistry } from '../ops/metrics-registry';
import { JobRunRecord, JobRunReport, JobRunRow, toJobRunRecord } from './job-run.record';
import { ScheduleRegistry, RegisteredSchedule } from './schedule.registry';
import { resolveSchedulePeriod } from './schedule-period';

export interface RunRequest {
  /** The schedule's name. */
  schedule: string;
  /** Period key (`2026Q4`, `2026-11`, `2026-11-22`, `2026`); default: from `firedAt`. */
  period?: string;
  /** When the run was due (the BullMQ firing time); default: the clock's now. */
  firedAt?: Date;
  /** Recompute a period that already succeeded. */
  force?: boolean;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 4000);
}

/**
 * Runs a schedule for one period, recorded in `job_runs` (unique on job and period). One atomic
 * statement claims the run, so concurrent callers (two scheduler processes, the CLI) produce one
 * execution: a new period runs; a failed one is retried; a running one is left alone unless its
 * heartbeat is stale (its process died); a succeeded one is a no-op unless `force`.
 * Shared by the BullMQ handler and `npm run job`.
 */
@Injectable()
export class JobRunner {
  static readonly HEARTBEAT_MS = 15_000;
  /** A running row whose heartbeat is older than this is taken over. */
  static readonly STALE_AFTER_MS = 120_000;

  private readonly logger = new Logger(JobRunner.name);
  private readonly outcomes: Counter<'job' | 'outcome'>;
  private readonly durations: Histogram<'job'>;

  constructor(
    private readonly registry: ScheduleRegistry,
    private readonly dataSource: DataSource,
    private readonly calendar: BusinessCalendar,
    private readonly clock: Clock,
    metrics: MetricsRegistry,
  ) {
    this.outcomes = metrics.counter(
      'linli_schedule_runs_total',
      'Scheduled job runs, by job and outcome (succeeded, failed, skipped)',
      ['job', 'outcome'],
    );
    this.durations = metrics.histogram(
      'linli_schedule_run_duration_seconds',
      'Duration of executed scheduled job runs',
      ['job'],
      [0.1, 1, 5, 15, 60, 300, 900, 3600],
    );
  }

  /** The period a run of `schedule` would cover (throws `UnknownScheduleError` / `InvalidPeriodError`). */
  periodFor(request: Omit<RunRequest, 'force'>): Period {
    const schedule = this.registry.get(request.schedule);
    return resolveSchedulePeriod(this.calendar, schedule, {
      period: request.period,
      firedAt: request.firedAt ?? this.clock.now(),
    });
  }

  async run(request: RunRequest): Promise<JobRunReport> {
    const schedule = this.registry.get(request.schedule);
    const period = resolveSchedulePeriod(this.calendar, schedule, {
      period: request.period,
      firedAt: request.firedAt ?? this.clock.now(),
    });
    const force = request.force ?? false;
    const claimed = await this.claim(schedule.name, period.key, force);
    if (!claimed) {
      const current = await this.find(schedule.name, period.key);
      this.outcomes.inc({ job: schedule.name, outcome: 'skipped' });
      if (!current) throw new Error(`job_runs row of "${schedule.name}" ${period.key} vanished`);
      return { executed: false, run: current };
    }
    return { executed: true, run: await this.execute(schedule, period, claimed, force) };
  }

  /** The recorded run of a job for a period, if any. */
  async find(job: string, periodKey: string): Promise<JobRunRecord | undefined> {
    const rows: JobRunRow[] = await this.dataSource.query(`SELECT * FROM job_runs WHERE job = $1 AND period_key = $2`, [
      job,
      periodKey,
    ]);
    return rows[0] ? toJobRunRecord(rows[0]) : undefined;
  }

  private async claim(job: string, periodKey: string, force: boolean): Promise<JobRunRecord | undefined> {
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - JobRunner.STALE_AFTER_MS);
    const rows: JobRunRow[] = await this.dataSource.query(
      `INSERT INTO job_runs AS r (job, period_key, status, attempts, forced, started_at, heartbeat_at)
       VALUES ($1, $2, 'running', 1, false, $3, $3)
       ON CONFLICT (job, period_key) DO UPDATE
          SET status = 'running',
              attempts = r.attempts + 1,
              forced = CASE WHEN r.status = 'succeeded' THEN true ELSE r.forced END,
              started_at = EXCLUDED.started_at,
              heartbeat_at = EXCLUDED.heartbeat_at,
              finished_at = NULL,
              result = NULL,
              error = NULL
        WHERE r.status = 'failed'
           OR (r.status = 'running' AND r.heartbeat_at < $4)
           OR ($5::boolean AND r.status = 'succeeded')
       RETURNING r.*`,
      [job, periodKey, now, staleBefore, force],
    );
    return rows[0] ? toJobRunRecord(rows[0]) : undefined;
  }

  private async execute(
    schedule: RegisteredSchedule,
    period: Period,
    run: JobRunRecord,
    force: boolean,
  ): Promise<JobRunRecord> {
    this.logger.log({ job: schedule.name, period: period.key, attempt: run.attempts, force }, 'scheduled run started');
    const startedAt = Date.now();
    const heartbeat = setInterval(() => void this.beat(run), JobRunner.HEARTBEAT_MS);
    heartbeat.unref();
    let status: 'succeeded' | 'failed';
    let result: string | null = null;
    let error: string | null = null;
    try {
      const value = await schedule.invoke({ period, runId: run.id, force, attempt: run.attempts });
      result = JSON.stringify(value ?? null) ?? null;
      status = 'succeeded';
    } catch (failure) {
      status = 'failed';
      error = errorText(failure);
      this.logger.error(
        { job: schedule.name, period: period.key, attempt: run.attempts, err: failure },
        'scheduled run failed',
      );
    } finally {
      clearInterval(heartbeat);
    }
    this.durations.observe({ job: schedule.name }, (Date.now() - startedAt) / 1000);
    this.outcomes.inc({ job: schedule.name, outcome: status });
    const finishedAt = this.clock.now();
    const rows: JobRunRow[] = await this.dataSource.query(
      `WITH finished AS (
         UPDATE job_runs SET status = $3, finished_at = $4, heartbeat_at = $4, result = $5::jsonb, error = $6
          WHERE id = $1 AND attempts = $2 AND status = 'running'
          RETURNING *)
       SELECT * FROM finished`,
      [run.id, run.attempts, status, finishedAt, result, error],
    );
    if (!rows[0]) {
      this.logger.warn(
        { job: schedule.name, period: period.key, attempt: run.attempts },
        'run was taken over by another process after its heartbeat went stale',
      );
      return (await this.find(schedule.name, period.key)) ?? run;
    }
    const record = toJobRunRecord(rows[0]);
    if (status === 'succeeded')
      this.logger.log({ job: schedule.name, period: period.key, attempt: run.attempts }, 'scheduled run succeeded');
    return record;
  }

  private async beat(run: JobRunRecord): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE job_runs SET heartbeat_at = $3 WHERE id = $1 AND attempts = $2 AND status = 'running'`,
        [run.id, run.attempts, this.clock.now()],
      );
    } catch (error) {
      this.logger.warn({ job: run.job, period: run.periodKey, err: error }, 'could not refresh the run heartbeat');
    }
  }
}
