import { Granularity } from '../clock/business-calendar';

export type PeriodOffset = 'current' | 'previous';

export interface ScheduledOptions {
  /**
   * Stable name, dotted lower-case (`organization.structure-check`): the key of `job_runs.job`, of the
   * BullMQ job scheduler and of `npm run job -- <name>`. Never rename one once released.
   */
  name: string;
  /** Cron pattern, 5 fields (or 6 with seconds first), e.g. `0 3 1 * *` = 03:00 on the 1st of each month. */
  cron: string;
  /** Zone the cron pattern is read in; defaults to the business time zone (`BUSINESS_TIME_ZONE`). */
  timeZone?: string;
  /** The business period one run covers. */
  period: Granularity;
  /** Which period a firing runs for: the one it falls in (default) or the one just before. */
  periodOffset?: PeriodOffset;
}

const NAME_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const CRON_FIELD = /^[0-9A-Za-z*?/,#-]+$/;
const GRANULARITIES: readonly Granularity[] = ['minute', 'hour', 'day', 'week', 'month', 'quarter', 'year'];
export const SCHEDULE_NAME_MAX_LENGTH = 100;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Rejects a malformed `@Scheduled` declaration when its class is loaded (BullMQ checks the cron grammar in depth at registration). */
export function validateScheduledOptions(options: ScheduledOptions): void {
  const name = options?.name;
  if (typeof name !== 'string' || name.length > SCHEDULE_NAME_MAX_LENGTH || !NAME_PATTERN.test(name)) {
    throw new Error(
      `@Scheduled name ${JSON.stringify(name)} must be dotted lower-case words of at most ${SCHEDULE_NAME_MAX_LENGTH} characters, e.g. "organization.structure-check"`,
    );
  }
  const fields = typeof options.cron === 'string' ? options.cron.trim().split(/\s+/) : [];
  if ((fields.length !== 5 && fields.length !== 6) || !fields.every((f) => CRON_FIELD.test(f))) {
    throw new Error(
      `@Scheduled "${name}": cron ${JSON.stringify(options.cron)} must have 5 fields (or 6 with seconds)`,
    );
  }
  if (options.timeZone !== undefined && !isTimeZone(options.timeZone))
    throw new Error(`@Scheduled "${name}": unknown time zone "${options.timeZone}"`);
  if (!GRANULARITIES.includes(options.period))
    throw new Error(`@Scheduled "${name}": period must be one of ${GRANULARITIES.join(', ')}`);
  if (options.periodOffset !== undefined && options.periodOffset !== 'current' && options.periodOffset !== 'previous') {
    throw new Error(`@Scheduled "${name}": periodOffset must be "current" or "previous"`);
  }
}
