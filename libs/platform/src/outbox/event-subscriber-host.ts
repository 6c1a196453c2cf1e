import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { BullConfig } from '../messaging/bull-config';
import { closeBullmq } from '../messaging/close-bullmq';
import { DomainEvent } from '../messaging/domain-event';
import { DeliverEventsJob, JobName } from '../messaging/job-names';
import { JobQueue } from '../messaging/job-queue.service';
import { EventDelivery } from './event-delivery.service';
import { EventSubscriberRegistry, RegisteredSubscriber } from './event-subscriber.registry';
import { OutboxRelayOptions } from './outbox-relay.options';

function isDomainEvent(value: unknown): value is DomainEvent {
  const event = value as Partial<DomainEvent> | null | undefined;
  return !!event && typeof event.id === 'string' && typeof event.type === 'string';
}

/** What a `deliver-events` job returns (kept by BullMQ for inspection). */
export interface DeliveredBatch {
  /** Applied in one transaction by the subscriber's `handleBatch` (false: one by one). */
  batched: boolean;
  applied: number;
  duplicate: number;
  ignored: number;
  /** Events that failed on their own and were queued again as one job each. */
  retriedAlone: string[];
}

/**
 * Runs one BullMQ worker per `@EventSubscriber` on its queue `events-<name>`. Kept beside
 * `JobWorkerHost` because subscriber queues are declared by name at run time, not per method.
 *
 * A `deliver-event` job carries one event; its failure fails the job and BullMQ retries it. A
 * `deliver-events` job carries a batch (`EventDelivery.deliverBatch`); an event of it that fails on
 * its own transaction is queued again as its own `deliver-event` job, so that it is retried, and
 * finally fails, alone while the rest of the batch completes.
 */
@Injectable()
export class EventSubscriberHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventSubscriberHost.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly delivery: EventDelivery,
    private readonly bull: BullConfig,
    private readonly jobQueue: JobQueue,
    @Optional() private readonly options: OutboxRelayOptions = new OutboxRelayOptions(),
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.background) return;
    for (const subscriber of this.registry.all()) {
      const worker = new Worker(
        subscriber.queue,
        (job) => this.process(subscriber, job),
        this.bull.workerOptions({ concurrency: subscriber.concurrency }),
      );
      worker.on('error', (error) =>
        this.logger.warn({ queue: subscriber.queue, err: error }, 'subscriber worker connection error'),
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { subscriber: subscriber.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'event handling failed',
        ),
      );
      this.workers.push(worker);
    }
  }

  /** Queues consumed by this process. */
  consumedQueues(): string[] {
    return this.workers.map((w) => w.name);
  }

  async onModuleDestroy(): Promise<void> {
    // Worker.close() lets the events in flight finish while the database is still open.
    await Promise.all(this.workers.map((w) => closeBullmq(w)));
    this.workers.length = 0;
  }

  private async process(subscriber: RegisteredSubscriber, job: Job): Promise<string | DeliveredBatch> {
    if (job.name === JobName.DeliverEvent) {
      if (!isDomainEvent(job.data))
        throw new UnrecoverableError(`job ${job.id} on "${subscriber.queue}" does not carry a domain event`);
      return this.delivery.deliver(subscriber.name, job.data);
    }
    if (job.name === JobName.DeliverEvents) {
      const events = (job.data as Partial<DeliverEventsJob> | undefined)?.events;
      if (!Array.isArray(events) || events.length === 0 || !events.every(isDomainEvent)) {
        throw new UnrecoverableError(`job ${job.id} on "${subscriber.queue}" does not carry a list of domain events`);
      }
      return this.processBatch(subscriber, job, events);
    }
    throw new UnrecoverableError(
      `queue "${subscriber.queue}" carries only "${JobName.DeliverEvent}" and "${JobName.DeliverEvents}" jobs, got "${job.name}"`,
    );
  }

  private async processBatch(
    subscriber: RegisteredSubscriber,
    job: Job,
    events: DomainEvent[],
  ): Promise<DeliveredBatch> {
    const report = await this.delivery.deliverBatch(subscriber.name, events);
    for (const { event, error } of report.failed) {
      this.logger.warn(
        { subscriber: subscriber.name, jobId: job.id, eventId: event.id, err: error },
        'event failed in a batch; queued again on its own',
      );
    }
    // If this enqueue fails the job fails, and its retry applies nothing twice (processed_events).
    await this.jobQueue.deliverEvents(
      subscriber.name,
      report.failed.map((failure) => failure.event),
    );
    return {
      batched: report.batched,
      applied: report.applied,
      duplicate: report.duplicate,
      ignored: report.ignored,
      retriedAlone: report.failed.map((failure) => failure.event.id),
    };
  }
}
