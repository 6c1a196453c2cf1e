import { SetMetadata } from '@nestjs/common';
import { ScheduledMethod } from './schedule-context';
import { ScheduledOptions, validateScheduledOptions } from './scheduled.options';

export const SCHEDULED = 'linli:scheduled';

/**
 * Declares a method of a provider as a scheduled job. The scheduler registers it as a BullMQ job
 * scheduler (cron, time zone) and records every run in `job_runs`, one per (name, period).
 *
 * @example
 * @Scheduled({ name: 'organization.structure-check', cron: '0 3 1 * *', period: 'month', periodOffset: 'previous' })
 * async check({ period }: ScheduleContext): Promise<{ units: number }> { … }
 */
export function Scheduled(options: ScheduledOptions) {
  validateScheduledOptions(options);
  return <T extends ScheduledMethod>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    SetMetadata(SCHEDULED, { ...options })(target, key, descriptor);
  };
}
