import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { BullConfig } from './bull-config';
import { closeBullmq } from './close-bullmq';
import { DomainEvent } from './domain-event';
import { LinliConfig } from '../config/linli-config';
import {
  assertJobId,
  eventDeliveryJobId,
  EventJobName,
  JOB_QUEUE,
  JobName,
  JobPayloads,
  notificationJobId,
  SendNotificationJob,
} from './job-names';
import { eventQueueName } from './queue-names';

type QueuedJobName = Exclude<JobName, EventJobName>;

/** A batch job carries up to 500 events: completed ones are kept for a day as others are, but at most 1,000 of them. */
const COMPLETED_BATCHES_KEPT = { age: 24 * 3600, count: 1000 };

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
      jobs.map((job) => ({
        name: JobName.SendNotification,
        data: job,
        opts: { jobId: notificationJobId(job.dedupeKey), attempts: this.config.notifyMaxAttempts, ...options },
      })),
    );
  }

  /**
   * Used by the outbox relay: the events for one subscriber, `batchSize` per job, in one round trip.
   * A job of one event is `deliver-event` (job id `event-<uuid>`), a larger one `deliver-events`
   * (job id from the event ids, see `eventDeliveryJobId`).
   */
  async deliverEvents(subscriber: string, events: DomainEvent[], batchSize = 1): Promise<void> {
    if (events.length === 0) return;
    const jobs = [];
    for (let start = 0; start < events.length; start += batchSize) {
      const chunk = events.slice(start, start + batchSize);
      const jobId = eventDeliveryJobId(chunk.map((event) => event.id));
      jobs.push(
        chunk.length === 1
          ? { name: JobName.DeliverEvent, data: chunk[0], opts: { jobId } }
          : {
              name: JobName.DeliverEvents,
              data: { events: chunk },
              opts: { jobId, removeOnComplete: COMPLETED_BATCHES_KEPT },
            },
      );
    }
    await this.get(eventQueueName(subscriber)).addBulk(jobs);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => closeBullmq(q).catch(() => undefined)));
    this.queues.clear();
  }
}
