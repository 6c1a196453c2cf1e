import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-names';

export const ON_JOB = 'linli:on-job';

export interface OnJobOptions {
  name: JobName;
  /** Queue the handler consumes; a `QueueName` or an `eventQueueName(...)`. */
  queue: string;
  /** Jobs of this queue processed at once by one process. */
  concurrency?: number;
}

/**
 * Declares a job handler where the logic lives. The app's `JobWorkerHost` finds it at boot, runs a
 * BullMQ worker for its queue and fails the boot if a consumed queue has a job with no handler.
 */
export const OnJob = (options: OnJobOptions): MethodDecorator => SetMetadata(ON_JOB, options);
