import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { DomainEvent, NewDomainEvent } from '../messaging/domain-event';
import { assertInTransaction } from './assert-in-transaction';
import { normalizeDomainEvent } from './normalize-domain-event';

/**
 * Publishes domain events in the caller's transaction: the events commit with the state change
 * that caused them, or not at all. The relay (scheduler) later moves committed events to BullMQ.
 */
@Injectable()
export class Outbox {
  constructor(private readonly clock: Clock) {}

  publish<T extends object>(manager: EntityManager, event: NewDomainEvent<T>): Promise<DomainEvent<T>>;
  publish<T extends object>(manager: EntityManager, events: NewDomainEvent<T>[]): Promise<DomainEvent<T>[]>;
  async publish<T extends object>(
    manager: EntityManager,
    input: NewDomainEvent<T> | NewDomainEvent<T>[],
  ): Promise<DomainEvent<T> | DomainEvent<T>[]> {
    assertInTransaction(manager, 'Outbox.publish');
    const now = this.clock.now();
    const list = Array.isArray(input) ? input : [input];
    const events = list.map((event) => normalizeDomainEvent(event as NewDomainEvent, { now, newId: randomUUID }));
    if (events.length > 0) {
      // One statement for any number of events, with a single parameter (no bind-parameter limit).
      await manager.query(
        `INSERT INTO outbox_events (id, type, occurred_at, unit_id, actors, quantity, data)
         SELECT e.id, e.type, e.occurred_at, e.unit_id, e.actors, e.quantity, e.data
           FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, type text, occurred_at timestamptz, unit_id uuid, actors jsonb, quantity numeric, data jsonb)`,
        [
          JSON.stringify(
            events.map((e) => ({
              id: e.id,
              type: e.type,
              occurred_at: e.occurredAt,
              unit_id: e.unitId,
              actors: e.actors,
              quantity: e.quantity,
              data: e.data,
            })),
          ),
        ],
      );
    }
    return Array.isArray(input) ? (events as DomainEvent<T>[]) : (events[0] as DomainEvent<T>);
  }
}
