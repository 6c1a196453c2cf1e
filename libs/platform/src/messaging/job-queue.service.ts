import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { BullConfig } from './bull-config';
import { closeBullmq } from './close-bullmq';
import { DomainEvent } from './domain-event';
import { LinliConfig } from '../config/linli-config';
import { assertJobId, JOB_QUEUE, JobName, JobPayloads, notificationJobId, SendNotificationJob } from './job-names';
import { eventQueueName } from './queue-names';

type QueuedJobName = Exclude<JobName, JobName.DeliverEvent>;

/** The kernel's typed producer. Domains inject this; nobody else creates a `Queue`. */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();

  constructor(
    private readonly bull: BullConfig,
    private readonly config: LinliConfig,
  ) {}

  /** The BullMQ queue behind a name (created on first use, closed at shutdown). */
  get(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, this.bull.queueOptions());
      // Errors surface on the awaited calls; this keeps a lost connection from crashing the process.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async queue<N extends QueuedJobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<void> {
    if (options.jobId) assertJobId(options.jobId);
    await this.get(JOB_QUEUE[name]).add(name, payload, options);
  }

  /**
   * Sends a notification through the notifier: job id from the dedupe key (a re-queue while the job
   * is kept is ignored; the notifier's delivery records catch the rest), `NOTIFY_MAX_ATTEMPTS` attempts.
   */
  notify(job: SendNotificationJob, options: Omit<JobsOptions, 'jobId'> = {}): Promise<void> {
    return this.notifyMany([job], options);
  }

  /** `notify` for several notifications in one round trip to Redis. */
  async notifyMany(jobs: SendNotificationJob[], options: Omit<JobsOptions, 'jobId'> = {}): Promise<void> {
    if (jobs.length === 0) return;
    await this.get(JOB_QUEUE[JobName.SendNotification]).addBulk(
      jobs.map((job) => ({ name: JobName.SendNotification, data: job, opts: { jobId: notificationJobId(job.dedupeKey), attempts: this.config.notifyMaxAttempts, ...options } })),
    );
  }

  /** Used by the outbox relay: one job per (subscriber, event), job id `event-<uuid>`. */
  async deliverEvents(subscriber: string, events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.get(eventQueueName(subscriber)).addBulk(
      events.map((event) => ({ name: JobName.DeliverEvent, data: event, opts: { jobId: `event-${event.id}` } })),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => closeBullmq(q).catch(() => undefined)));
    this.queues.clear();
  }
}
