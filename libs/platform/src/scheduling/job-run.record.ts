import { JobRunStatus } from './job-run.entity';

/** A `job_runs` row as the runner and the CLI report it. */
export interface JobRunRecord {
  id: string;
  job: string;
  periodKey: string;
  status: JobRunStatus;
  attempts: number;
  forced: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  heartbeatAt: Date;
  result: unknown;
  error: string | null;
}

/** What `JobRunner.run` did: `executed` is false when the period was already done or is running elsewhere. */
export interface JobRunReport {
  executed: boolean;
  run: JobRunRecord;
}

export interface JobRunRow {
  id: string;
  job: string;
  period_key: string;
  status: JobRunStatus;
  attempts: number;
  forced: boolean;
  started_at: Date;
  finished_at: Date | null;
  heartbeat_at: Date;
  result: unknown;
  error: string | null;
}

export function toJobRunRecord(row: JobRunRow): JobRunRecord {
  return {
    id: row.id,
    job: row.job,
    periodKey: row.period_key,
    status: row.status,
    attempts: row.attempts,
    forced: row.forced,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    heartbeatAt: row.heartbeat_at,
    result: row.result,
    error: row.error,
  };
}
