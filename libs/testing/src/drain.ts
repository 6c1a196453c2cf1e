import { INestApplicationContext } from '@nestjs/common';
import { EventSubscriberHost, JobQueue, JobWorkerHost, NotificationRelay } from '@linli/platform';
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
 * Waits until the worker apps have nothing left to do: no unrelayed outbox event, no unqueued
 * notification request (`NotificationOutbox`) and no waiting, active or retry-delayed job on any
 * queue they consume. Pass every worker app of the test (scheduler, notifier); the check repeats until
 * two consecutive looks find everything idle, since one job may enqueue another. Each look first runs
 * the notification relay of the apps that have one (the scheduler), so notifications requested just
 * before are in the notifications queue when the notifier's queue is looked at.
 */
export async function drain(workers: INestApplicationContext[], options: { timeoutMs?: number } = {}): Promise<void> {
  const producer = workers[0]?.get(JobQueue, { strict: false });
  if (!producer) return;
  const queues = [...new Set(workers.flatMap(consumedQueues))];
  const notificationRelays = workers
    .map((app) => tryGet(app, NotificationRelay))
    .filter((relay): relay is NotificationRelay => relay !== undefined);
  const idle = async (): Promise<boolean> => {
    // A relay that fails (Redis away) leaves its rows unrelayed, which the count below sees.
    for (const relay of notificationRelays) await relay.relayOnce().catch(() => 0);
    const unrelayed = await withTestDb(async (client) =>
      Number(
        (
          await client.query(
            `SELECT (SELECT count(*) FROM outbox_events WHERE relayed_at IS NULL)
                  + (SELECT count(*) FROM notification_requests WHERE relayed_at IS NULL) AS count`,
          )
        ).rows[0].count,
      ),
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
