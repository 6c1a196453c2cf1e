import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { BullConfig } from './bull-config';
import { JOB_QUEUE, JobName } from './job-names';
import { ON_JOB, OnJobOptions } from './on-job.decorator';
import { closeBullmq } from './close-bullmq';
import { JobMetrics } from './job-metrics';

type Handler = (payload: unknown, job: Job) => Promise<unknown>;

/**
 * Runs one BullMQ worker per queue that has handlers in this app. Boot fails if two handlers claim
 * one job, or if a consumed queue has a job name with no handler.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobWorkerHost.name);
  private readonly workers: Worker[] = [];
  private readonly handlers = new Map<string, Map<string, Handler>>();
  private readonly concurrency = new Map<string, number>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly bull: BullConfig,
    private readonly metrics: JobMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.discover();
    this.checkEveryJobHasAHandler();
    for (const [queue, handlers] of this.handlers) {
      const worker = new Worker(
        queue,
        (job) => this.dispatch(queue, handlers, job),
        this.bull.workerOptions({ concurrency: this.concurrency.get(queue) ?? 4 }),
      );
      worker.on('error', (error) => this.logger.warn({ queue, err: error }, 'worker connection error'));
      worker.on('completed', (job) => this.metrics.record(queue, job.name, 'completed'));
      worker.on('failed', (job, error) => {
        this.metrics.record(queue, job?.name ?? 'unknown', 'failed');
        this.logger.warn({ queue, jobId: job?.id, attempt: job?.attemptsMade, err: error }, 'job failed');
      });
      this.workers.push(worker);
    }
    this.logger.log(`consuming ${[...this.handlers.keys()].join(', ') || 'no queues'}`);
  }

  /** Queues with a worker in this process. */
  consumedQueues(): string[] {
    return [...this.handlers.keys()];
  }

  async onApplicationShutdown(): Promise<void> {
    // Worker.close() waits for in-flight jobs to finish: graceful shutdown.
    await Promise.all(this.workers.map((w) => closeBullmq(w)));
    this.workers.length = 0;
  }

  private discover(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || wrapper.isAlias) continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const options = this.reflector.get<OnJobOptions | undefined>(ON_JOB, prototype[method]);
        if (!options) continue;
        const queueHandlers = this.handlers.get(options.queue) ?? new Map<string, Handler>();
        if (queueHandlers.has(options.name)) {
          throw new Error(`two handlers for job "${options.name}" on queue "${options.queue}"`);
        }
        queueHandlers.set(options.name, (payload, job) => (instance[method] as Handler).call(instance, payload, job));
        this.handlers.set(options.queue, queueHandlers);
        if (options.concurrency) this.concurrency.set(options.queue, options.concurrency);
      }
    }
  }

  private checkEveryJobHasAHandler(): void {
    for (const [name, queue] of Object.entries(JOB_QUEUE)) {
      const handlers = this.handlers.get(queue);
      if (handlers && !handlers.has(name))
        throw new Error(`queue "${queue}" is consumed here but job "${name}" has no @OnJob handler`);
    }
    for (const [queue, handlers] of this.handlers) {
      if (queue.startsWith('events-') && !handlers.has(JobName.DeliverEvent)) {
        throw new Error(`event queue "${queue}" has no handler for "${JobName.DeliverEvent}"`);
      }
    }
  }

  private async dispatch(queue: string, handlers: Map<string, Handler>, job: Job): Promise<unknown> {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`no handler for job "${job.name}" on queue "${queue}"`);
    return handler(job.data, job);
  }
}
