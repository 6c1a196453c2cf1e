import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SendNotificationJob } from '../messaging/job-names';
import { assertInTransaction } from './assert-in-transaction';
import { normalizeNotificationRequest } from './normalize-notification-request';

/**
 * Notify on commit: a domain requests notifications in its own transaction; they are written to
 * `notification_requests` with the caller's `EntityManager` and reach the `notifications` queue
 * only through the relay (scheduler), after the transaction committed. Nothing here talks to Redis,
 * so a request neither fails when Redis is down nor survives a rollback.
 */
@Injectable()
export class NotificationOutbox {
  /**
   * Writes the notifications in the caller's transaction, in one statement for any number. A dedupe
   * key already requested (earlier, or earlier in the same list) is ignored: the first request wins.
   */
  async request(manager: EntityManager, jobs: SendNotificationJob[]): Promise<void> {
    assertInTransaction(manager, 'NotificationOutbox.request');
    const normalized = jobs.map(normalizeNotificationRequest);
    if (normalized.length === 0) return;
    // Sorted by dedupe key: concurrent requests of the same keys wait on each other in one order, never deadlock.
    await manager.query(
      `INSERT INTO notification_requests (dedupe_key, job)
       SELECT r.job->>'dedupeKey', r.job
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(job, n)
        ORDER BY r.job->>'dedupeKey' COLLATE "C", r.n
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [JSON.stringify(normalized)],
    );
  }

  /** `request` for one notification. */
  requestOne(manager: EntityManager, job: SendNotificationJob): Promise<void> {
    return this.request(manager, [job]);
  }
}
