import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { eventQueueName } from '../messaging/queue-names';
import { ON_JOB, OnJobOptions } from '../messaging/on-job.decorator';
import { DomainEventHandler } from './domain-event-handler';
import { EVENT_SUBSCRIBER } from './event-subscriber.decorator';
import { DEFAULT_EVENT_BATCH_SIZE, EventSubscriberOptions } from './event-subscriber.options';

export interface RegisteredSubscriber {
  name: string;
  queue: string;
  /** `'*'` or the explicit list. */
  types: '*' | ReadonlySet<string>;
  concurrency: number;
  /** Events per job: the relay's chunk size for this subscriber's queue. */
  batchSize: number;
  handler: DomainEventHandler;
}

export function subscriberAccepts(subscriber: Pick<RegisteredSubscriber, 'types'>, type: string): boolean {
  return subscriber.types === '*' || subscriber.types.has(type);
}

/**
 * Every `@EventSubscriber` of this app, found at boot. Boot fails when two subscribers share a name,
 * a subscriber has no `handle` method, or an `@OnJob` handler also claims a subscriber's queue.
 */
@Injectable()
export class EventSubscriberRegistry implements OnModuleInit {
  private readonly logger = new Logger(EventSubscriberRegistry.name);
  private readonly subscribers = new Map<string, RegisteredSubscriber>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const onJobQueues = new Set<string>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.isAlias) continue;
      const instance = wrapper.instance as object | undefined;
      const metatype = wrapper.metatype as (new (...args: never[]) => unknown) | null | undefined;
      const declared = metatype
        ? this.reflector.get<EventSubscriberOptions | undefined>(EVENT_SUBSCRIBER, metatype)
        : undefined;
      if (declared)
        this.register(
          declared,
          wrapper.isDependencyTreeStatic() ? instance : undefined,
          metatype?.name ?? String(wrapper.token),
        );
      if (instance && typeof instance === 'object') {
        const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
        for (const method of this.scanner.getAllMethodNames(prototype)) {
          const onJob = this.reflector.get<OnJobOptions | undefined>(ON_JOB, prototype[method] as () => unknown);
          if (onJob) onJobQueues.add(onJob.queue);
        }
      }
    }
    for (const subscriber of this.subscribers.values()) {
      if (onJobQueues.has(subscriber.queue)) {
        throw new Error(
          `queue "${subscriber.queue}" belongs to @EventSubscriber "${subscriber.name}"; remove the @OnJob handler that also consumes it`,
        );
      }
    }
    if (this.subscribers.size > 0) this.logger.log(`event subscribers: ${[...this.subscribers.keys()].join(', ')}`);
  }

  all(): RegisteredSubscriber[] {
    return [...this.subscribers.values()];
  }

  get(name: string): RegisteredSubscriber {
    const subscriber = this.subscribers.get(name);
    if (!subscriber)
      throw new Error(
        `no event subscriber named "${name}" in this app (known: ${[...this.subscribers.keys()].join(', ') || 'none'})`,
      );
    return subscriber;
  }

  private register(options: EventSubscriberOptions, instance: object | undefined, className: string): void {
    if (!instance || typeof (instance as Partial<DomainEventHandler>).handle !== 'function') {
      throw new Error(
        `@EventSubscriber "${options.name}" (${className}) must be a singleton provider with a handle(event, manager) method`,
      );
    }
    const existing = this.subscribers.get(options.name);
    if (existing) throw new Error(`two event subscribers are named "${options.name}"; subscriber names must be unique`);
    const handler = instance as DomainEventHandler;
    const batched = typeof handler.handleBatch === 'function';
    this.subscribers.set(options.name, {
      name: options.name,
      queue: eventQueueName(options.name),
      types: options.types === '*' ? '*' : new Set(options.types),
      concurrency: options.concurrency ?? 4,
      batchSize: options.batchSize ?? (batched ? DEFAULT_EVENT_BATCH_SIZE : 1),
      handler,
    });
  }
}
