import { Injectable, Module } from '@nestjs/common';
import { bootScheduler, resetState, waitFor } from '@linli/testing';
import { Job } from 'bullmq';
import { DomainEvent } from './domain-event';
import { JobName } from './job-names';
import { JobQueue } from './job-queue.service';
import { OnJob } from './on-job.decorator';
import { QueueName } from './queue-names';

const SLOW_QUEUE = 'events-slow-test';
const finished: string[] = [];
let started = 0;

@Injectable()
class SlowHandler {
  @OnJob({ name: JobName.DeliverEvent, queue: SLOW_QUEUE })
  async handle(event: DomainEvent): Promise<void> {
    started += 1;
    await new Promise((resolve) => setTimeout(resolve, 400));
    finished.push(event.id);
  }
}

@Module({ providers: [SlowHandler] })
class SlowModule {}

@Injectable()
class MisplacedHandler {
  @OnJob({ name: JobName.DeliverEvent, queue: QueueName.Notifications })
  async handle(): Promise<void> {
    return undefined;
  }
}

@Module({ providers: [MisplacedHandler] })
class MisplacedModule {}

@Injectable()
class DuplicateHandler {
  @OnJob({ name: JobName.DeliverEvent, queue: SLOW_QUEUE })
  async handle(_: DomainEvent, __: Job): Promise<void> {
    return undefined;
  }
}

@Module({ providers: [SlowHandler, DuplicateHandler] })
class DuplicateModule {}

const event = (id: string): DomainEvent => ({
  id,
  type: 'test.slow.happened',
  occurredAt: new Date().toISOString(),
  unitId: null,
  actors: [],
  quantity: null,
  data: {},
});

describe('JobWorkerHost', () => {
  beforeEach(() => resetState());

  it('finishes the job in flight before the app shuts down', async () => {
    const scheduler = await bootScheduler({ modules: [SlowModule] });
    const queue = scheduler.get(JobQueue);
    const id = '6f1f4b2e-0000-4000-8000-000000000001';
    await queue.deliverEvents('slow-test', [event(id)]);
    await waitFor(async () => started > 0, { what: 'the slow job to start' });
    await scheduler.close();
    expect(finished).toContain(id);
    const counts = await queue.get(SLOW_QUEUE).getJobCounts('completed', 'failed', 'active');
    await queue.onApplicationShutdown();
    expect(counts).toEqual({ completed: 1, failed: 0, active: 0 });
  });

  it('refuses to boot when a consumed queue has a job with no handler', async () => {
    await expect(bootScheduler({ modules: [MisplacedModule] })).rejects.toThrow(
      /queue "notifications" is consumed here but job "send-notification" has no @OnJob handler/,
    );
  });

  it('refuses to boot when two handlers claim one job', async () => {
    await expect(bootScheduler({ modules: [DuplicateModule] })).rejects.toThrow(
      /two handlers for job "deliver-event" on queue "events-slow-test"/,
    );
  });
});
