import { createHash } from 'node:crypto';
import { DomainEvent } from './domain-event';
import { QueueName } from './queue-names';

/** Every job name; values are stored in Redis, never rename one once released. */
export enum JobName {
  SendNotification = 'send-notification',
  RunSchedule = 'run-schedule',
  DeliverEvent = 'deliver-event',
  DeliverEvents = 'deliver-events',
}

/** Who a notification is for: a user account, or a person (reaches the person's linked user). */
export interface NotificationRecipient {
  userId?: string;
  personId?: string;
}

export interface SendNotificationJob {
  recipient: NotificationRecipient;
  /** Key of a registered template, e.g. `points.earned`. */
  templateKey: string;
  data: Record<string, unknown>;
  /** Same key, same notification: a retried or replayed job never delivers twice per channel. */
  dedupeKey: string;
  /** Channels to use; defaults to every enabled channel. */
  channels?: string[];
}

export interface RunScheduleJob {
  schedule: string;
  /** Period key to run for; computed from the firing time when absent. */
  period?: string;
  /** Recompute a period that already succeeded. */
  force?: boolean;
}

/** Several events for one subscriber, applied in one transaction when the subscriber can (`handleBatch`). */
export interface DeliverEventsJob {
  events: DomainEvent[];
}

/** Payload type per job name: `JobQueue.queue(JobName.X, payload)` type-checks the payload. */
export interface JobPayloads {
  [JobName.SendNotification]: SendNotificationJob;
  [JobName.RunSchedule]: RunScheduleJob;
  [JobName.DeliverEvent]: DomainEvent;
  [JobName.DeliverEvents]: DeliverEventsJob;
}

/** Jobs that go to each subscriber's own queue (see `eventQueueName`) instead of a fixed one. */
export type EventJobName = JobName.DeliverEvent | JobName.DeliverEvents;

/** The queue each job goes to. */
export const JOB_QUEUE: Record<Exclude<JobName, EventJobName>, QueueName> = {
  [JobName.SendNotification]: QueueName.Notifications,
  [JobName.RunSchedule]: QueueName.Schedules,
};

/** BullMQ job ids must be free of `:`. */
export function assertJobId(jobId: string): string {
  if (jobId.includes(':')) throw new Error(`job id "${jobId}" must not contain ":"`);
  return jobId;
}

/**
 * BullMQ job id of an event delivery: `event-<uuid>` for one event, `events-<sha1 of the ids>` for a
 * batch. The same events relayed again (a relay that died before marking them) get the same id and
 * BullMQ ignores the copy while it keeps the first job; `processed_events` catches the rest.
 */
export function eventDeliveryJobId(eventIds: string[]): string {
  if (eventIds.length === 1) return `event-${eventIds[0]}`;
  return `events-${createHash('sha1').update(eventIds.join(','), 'utf8').digest('hex')}`;
}

/** BullMQ job id of a notification: derived from its dedupe key (which may contain ":"), so a re-queue is ignored while the job is kept. */
export function notificationJobId(dedupeKey: string): string {
  return `notify-${createHash('sha1').update(dedupeKey, 'utf8').digest('hex')}`;
}
