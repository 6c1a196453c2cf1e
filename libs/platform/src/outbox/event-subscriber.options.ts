import { eventQueueName } from '../messaging/queue-names';
import { isEventType } from './event-type';

export interface EventSubscriberOptions {
  /**
   * Stable name owned by the subscribing domain (`points`, `volunteers-stats`). Its queue is
   * `events-<name>` and its processed markers are keyed by it: never rename one once released.
   */
  name: string;
  /** The event types to receive, or `'*'` for every event (the handler then ignores types it does not know). */
  types: '*' | readonly string[];
  /** Jobs of this subscriber handled at once by one scheduler process (default 4). */
  concurrency?: number;
  /**
   * Events per job, 1 to `MAX_EVENT_BATCH_SIZE`. Default: for a subscriber with `handleBatch`, all
   * the events of one relayed batch (one job and one transaction for them), else 1 (one job and one
   * transaction per event, `concurrency` events at once).
   */
  batchSize?: number;
}

export const SUBSCRIBER_NAME_MAX_LENGTH = 64;
/** The most outbox rows the relay takes at a time; a larger batch would never fill. */
export const MAX_EVENT_BATCH_SIZE = 500;
export const DEFAULT_EVENT_BATCH_SIZE = MAX_EVENT_BATCH_SIZE;

/** Rejects a malformed subscriber declaration when its class is loaded, long before an event arrives. */
export function validateEventSubscriberOptions(options: EventSubscriberOptions): void {
  const name = options?.name;
  if (typeof name !== 'string' || name.length > SUBSCRIBER_NAME_MAX_LENGTH) {
    throw new Error(`@EventSubscriber name must be a string of at most ${SUBSCRIBER_NAME_MAX_LENGTH} characters`);
  }
  eventQueueName(name);
  const types = options.types;
  if (types !== '*') {
    if (!Array.isArray(types) || types.length === 0)
      throw new Error(`@EventSubscriber "${name}": types must be '*' or a non-empty list of event types`);
    for (const type of types) {
      if (!isEventType(type))
        throw new Error(
          `@EventSubscriber "${name}": ${JSON.stringify(type)} is not an event type (dotted lower-case, e.g. "volunteers.service.verified")`,
        );
    }
    if (new Set(types).size !== types.length)
      throw new Error(`@EventSubscriber "${name}": types lists an event type twice`);
  }
  const concurrency = options.concurrency;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 100)) {
    throw new Error(`@EventSubscriber "${name}": concurrency must be a whole number from 1 to 100`);
  }
  const batchSize = options.batchSize;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_EVENT_BATCH_SIZE)) {
    throw new Error(`@EventSubscriber "${name}": batchSize must be a whole number from 1 to ${MAX_EVENT_BATCH_SIZE}`);
  }
}
