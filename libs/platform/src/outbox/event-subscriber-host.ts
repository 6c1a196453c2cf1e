import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { BullConfig } from '../messaging/bull-config';
import { closeBullmq } from '../messaging/close-bullmq';
import { DomainEvent } from '../messaging/domain-event';
import { JobName } from '../messaging/job-names';
import { EventDelivery } from './event-delivery.service';
import { EventSubscriberRegistry, RegisteredSubscriber } from './event-subscriber.registry';
import { OutboxRelayOptions } from './outbox-relay.options';

/**
 * Runs one BullMQ worker per `@EventSubscriber` on its queue `events-<name>`. Kept beside
 * `JobWorkerHost` because subscriber queues are declared by name at run time, not per method.
 */
@Injectable()
export class EventSubscriberHost implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventSubscriberHost.name);
  private readonly workers: Worker[] = [];

  constructor(
    private readonly registry: EventSubscriberRegistry,
    private readonly delivery: EventDelivery,
    private readonly bull: BullConfig,
    @Optional() private readonly options: OutboxRelayOptions = new OutboxRelayOptions(),
  ) {}

  onApplicationBootstrap(): void {
    if (!this.options.background) return;
    for (const subscriber of this.registry.all()) {
      const worker = new Worker(subscriber.queue, (job) => this.process(subscriber, job), this.bull.workerOptions({ concurrency: subscriber.concurrency }));
      worker.on('error', (error) => this.logger.warn({ queue: subscriber.queue, err: error }, 'subscriber worker connection error'));
      worker.on('failed', (job, error) =>
        this.logger.warn({ subscriber: subscriber.name, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'event handling failed'),
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

  private async process(subscriber: RegisteredSubscriber, job: Job): Promise<string> {
    if (job.name !== JobName.DeliverEvent) throw new UnrecoverableError(`queue "${subscriber.queue}" carries only "${JobName.DeliverEvent}" jobs, got "${job.name}"`);
    const event = job.data as Partial<DomainEvent> | undefined;
    if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') {
      throw new UnrecoverableError(`job ${job.id} on "${subscriber.queue}" does not carry a domain event`);
    }
    return this.delivery.deliver(subscriber.name, event as DomainEvent);
  }
}
