import { Period } from '../clock/business-calendar';

/** What a `@Scheduled` method receives. */
export interface ScheduleContext {
  /** The business period this run covers (`2026Q4`, `2026-11`…), in the business time zone. */
  period: Period;
  /** Id of the `job_runs` row. */
  runId: string;
  /** The period had already succeeded and is being recomputed on request. */
  force: boolean;
  /** 1 for the first execution of this (job, period), 2 for the retry after a failure, … */
  attempt: number;
}

/**
 * A `@Scheduled` method: does the period's work (idempotently: a run that dies half-way is retried)
 * and returns a small JSON summary that is stored in `job_runs.result`.
 */
export type ScheduledMethod = (context: ScheduleContext) => Promise<unknown>;
