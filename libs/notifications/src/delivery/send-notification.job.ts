import { Injectable, Logger } from '@nestjs/common';
import { JobName, LinliConfig, OnJob, QueueName } from '@linli/platform';
import { Job, UnrecoverableError } from 'bullmq';
import { SendNotificationCommand } from './usecases/send-notification.command';
import { SendNotification, SendNotificationReport } from './usecases/send-notification.usecase';

/**
 * The notifier's consumer of `send-notification` jobs. Attempts are capped at
 * `NOTIFY_MAX_ATTEMPTS` here, whatever the producer asked for (BullMQ's default is 5): on the last
 * allowed attempt failures are recorded as dead and the job is failed for good.
 */
@Injectable()
export class SendNotificationJobHandler {
  private readonly logger = new Logger(SendNotificationJobHandler.name);

  constructor(
    private readonly sendNotification: SendNotification,
    private readonly config: LinliConfig,
  ) {}

  @OnJob({ name: JobName.SendNotification, queue: QueueName.Notifications })
  async handle(payload: unknown, job: Job): Promise<SendNotificationReport> {
    const attempt = job.attemptsMade + 1;
    const allowed = Math.min(job.opts.attempts ?? 1, this.config.notifyMaxAttempts);
    const final = attempt >= allowed;
    try {
      return await this.sendNotification.execute(SendNotificationCommand.parse(payload), { attempt, final });
    } catch (error) {
      if (SendNotification.isPermanent(error)) {
        this.logger.error({ jobId: job.id, err: (error as Error).message }, 'notification job cannot be delivered');
        throw new UnrecoverableError((error as Error).message);
      }
      // Stop BullMQ from retrying past our own cap (the job may have been queued with more attempts).
      if (final) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  }
}
