import { INestApplicationContext } from '@nestjs/common';
import { EventSubscriberHost, JobQueue, JobWorkerHost } from '@linli/platform';
import { withTestDb } from './test-database';
import { waitFor } from './wait-for';

function tryGet<T>(app: INestApplicationContext, token: new (...args: never[]) => T): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

/** Queues with a worker in this app: its job queues and its event subscribers' queues. */
function consumedQueues(app: INestApplicationContext): string[] {
  return [
    ...(tryGet(app, JobWorkerHost)?.consumedQueues() ?? []),
    ...(tryGet(app, EventSubscriberHost)?.consumedQueues() ?? []),
  ];
}

/**
 * Waits until the worker apps have nothing left to do: no unrelayed outbox event and no waiting,
 * active or retry-delayed job on any queue they consume. Pass every worker app of the test (scheduler,
 * notifier); the check repeats until two consecutive looks find everything idle, since one job may
 * enqueue another.
 */
export async function drain(workers: INestApplicationContext[], options: { timeoutMs?: number } = {}): Promise<void> {
  const producer = workers[0]?.get(JobQueue, { strict: false });
  if (!producer) return;
  const queues = [...new Set(workers.flatMap(consumedQueues))];
  const idle = async (): Promise<boolean> => {
    const unrelayed = await withTestDb(async (client) =>
      Number((await client.query('SELECT count(*) FROM outbox_events WHERE relayed_at IS NULL')).rows[0].count),
    );
    if (unrelayed > 0) return false;
    for (const name of queues) {
      const queue = producer.get(name);
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      if (Object.values(counts).some((n) => n > 0)) return false;
      // A job scheduler always keeps its next firing as a delayed job; only other delayed jobs (retries) are pending work.
      if ((await queue.getDelayed()).some((job) => !job.repeatJobKey)) return false;
    }
    return true;
  };
  let streak = 0;
  await waitFor(async () => ((await idle()) ? ++streak >= 2 : ((streak = 0), false)), {
    timeoutMs: options.timeoutMs ?? 20000,
    what: 'queues to drain',
  });
}
