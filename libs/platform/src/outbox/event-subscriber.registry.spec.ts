import { Injectable, Module, Type } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { DomainEvent } from '../messaging/domain-event';
import { JobName } from '../messaging/job-names';
import { OnJob } from '../messaging/on-job.decorator';
import { DomainEventHandler } from './domain-event-handler';
import { EventSubscriber } from './event-subscriber.decorator';
import { DEFAULT_EVENT_BATCH_SIZE } from './event-subscriber.options';
import { EventSubscriberRegistry } from './event-subscriber.registry';

@EventSubscriber({ name: 'stats', types: ['volunteers.service.verified'] })
class StatsSubscriber implements DomainEventHandler {
  async handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    await manager.query('SELECT $1', [event.id]);
  }
}

@EventSubscriber({ name: 'ledger', types: '*' })
class BatchSubscriber implements DomainEventHandler {
  async handle(): Promise<void> {
    // not called here
  }

  async handleBatch(): Promise<void> {
    // not called here
  }
}

@EventSubscriber({ name: 'stats', types: '*' })
class OtherStatsSubscriber implements DomainEventHandler {
  async handle(): Promise<void> {
    // never called: the boot fails first
  }
}

@EventSubscriber({ name: 'broken', types: '*' })
class NoHandleSubscriber {}

@Injectable()
class StrayEventsHandler {
  @OnJob({ name: JobName.DeliverEvent, queue: 'events-stats' })
  async consume(): Promise<void> {
    // never called: the boot fails first
  }
}

async function boot(...providers: Type[]): Promise<EventSubscriberRegistry> {
  @Module({ imports: [DiscoveryModule], providers: [EventSubscriberRegistry, ...providers] })
  class TestModule {}
  const context = await NestFactory.createApplicationContext(TestModule, { logger: false, abortOnError: false });
  const registry = context.get(EventSubscriberRegistry);
  await context.close();
  return registry;
}

describe('EventSubscriberRegistry', () => {
  it('finds each @EventSubscriber provider with its queue and filter', async () => {
    const registry = await boot(StatsSubscriber);
    const [stats] = registry.all();
    expect(stats.name).toBe('stats');
    expect(stats.queue).toBe('events-stats');
    expect(stats.types).toEqual(new Set(['volunteers.service.verified']));
    expect(stats.handler).toBeInstanceOf(StatsSubscriber);
    expect(stats.batchSize).toBe(1);
  });

  it('gives a subscriber that applies batches several events per job, one per job otherwise', async () => {
    const registry = await boot(StatsSubscriber, BatchSubscriber);
    expect(registry.get('ledger').batchSize).toBe(DEFAULT_EVENT_BATCH_SIZE);
    expect(registry.get('stats').batchSize).toBe(1);
  });

  it('fails the boot when two subscribers share a name', async () => {
    await expect(boot(StatsSubscriber, OtherStatsSubscriber)).rejects.toThrow(
      /two event subscribers are named "stats"/,
    );
  });

  it('fails the boot when a subscriber has no handle method', async () => {
    await expect(boot(NoHandleSubscriber)).rejects.toThrow(/handle\(event, manager\)/);
  });

  it("fails the boot when an @OnJob handler also consumes a subscriber's queue", async () => {
    await expect(boot(StatsSubscriber, StrayEventsHandler)).rejects.toThrow(
      /queue "events-stats" belongs to @EventSubscriber "stats"/,
    );
  });

  it('refuses a malformed declaration as soon as the class is declared', () => {
    expect(() => EventSubscriber({ name: 'Bad Name', types: '*' })).toThrow(/invalid subscriber name/);
  });
});
