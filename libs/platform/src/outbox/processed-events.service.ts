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
    assertInTransaction(manager, 'ProcessedEvents.claim');
    const rows: unknown[] = await manager.query(
      `INSERT INTO processed_events (subscriber, event_id, processed_at) VALUES ($1, $2, $3)
       ON CONFLICT (subscriber, event_id) DO NOTHING
       RETURNING event_id`,
      [subscriber, eventId, this.clock.now()],
    );
    return rows.length === 1;
  }
}
