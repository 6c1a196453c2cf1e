import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { assertInTransaction } from './assert-in-transaction';

/**
 * The idempotency key of event subscribers. `claim` inserts (subscriber, event id) in the caller's
 * transaction and answers whether this subscriber is seeing the event for the first time. A
 * concurrent duplicate waits on the key and then gets `false`; if the first transaction rolls back,
 * the duplicate claims it instead.
 */
@Injectable()
export class ProcessedEvents {
  constructor(private readonly clock: Clock) {}

  async claim(manager: EntityManager, subscriber: string, eventId: string): Promise<boolean> {
    return (await this.claimMany(manager, subscriber, [eventId])).has(eventId);
  }

  /**
   * Claims several events in one statement and answers those seen for the first time. Keys are
   * inserted in one order (by event id), so two overlapping batches wait on each other instead of
   * deadlocking.
   */
  async claimMany(manager: EntityManager, subscriber: string, eventIds: string[]): Promise<Set<string>> {
    assertInTransaction(manager, 'ProcessedEvents.claim');
    if (eventIds.length === 0) return new Set();
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO processed_events (subscriber, event_id, processed_at)
       SELECT $1, e.id, $3 FROM (SELECT DISTINCT id FROM unnest($2::uuid[]) AS u(id)) e ORDER BY e.id
       ON CONFLICT (subscriber, event_id) DO NOTHING
       RETURNING event_id`,
      [subscriber, eventIds, this.clock.now()],
    );
    return new Set(rows.map((row) => row.event_id));
  }
}
