/**
 * Every queue Linli uses. WARNING: these values are stored in Redis keys; never rename one once
 * released, or queued jobs are stranded.
 */
export enum QueueName {
  Notifications = 'notifications',
  Schedules = 'schedules',
}

/**
 * Each event subscriber gets its own queue, `events-<subscriber>`; subscriber names are constants
 * owned by the subscribing domain and, like queue names, never change once released.
 */
export function eventQueueName(subscriber: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(subscriber)) throw new Error(`invalid subscriber name "${subscriber}"`);
  return `events-${subscriber}`;
}
