import { Queue, Worker } from 'bullmq';

const READY_WAIT_MS = 2000;

/**
 * Closes a BullMQ queue or worker. Closing one whose connection is still being set up (an app
 * stopped right after it started) leaves that set-up to fail later with "Connection is closed" on
 * an emitter nobody listens to any more, an uncaught error; so wait for it first (bounded, since
 * Redis may be away).
 */
export async function closeBullmq(target: Queue | Worker): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    target.waitUntilReady().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, READY_WAIT_MS))),
  ]);
  clearTimeout(timer);
  await target.close();
}
