import { Injectable } from '@nestjs/common';
import { DomainEvent, queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { PendingResolution } from './point-pending-resolution.entity';
import { resolutionKey, scalarKeyValue } from './rule-matching';

/** The keys an event resolves, as a confirmation or a voiding of pending points. */
export interface EventResolutions {
  confirmKeys: string[];
  rejectKeys: string[];
}

/**
 * Pending points and the events that resolve them, whatever order they are delivered in:
 *
 * - `resolvedBy` tells which keys an event resolves, from the rules (any version) that name its type
 *   as `pendingUntil` or `pendingRejectedBy`;
 * - `lock` serializes, per key, an earning event and its resolving event (transaction-scoped advisory
 *   locks, taken before any account lock), so that one of them always sees the other;
 * - `record` keeps a resolving event, and `earliestSince` finds the first one at or after an earning,
 *   so that points earned by an event delivered late are confirmed or voided on arrival.
 */
@Injectable()
export class PendingResolutions {
  async resolvedBy(manager: EntityManager, event: DomainEvent): Promise<EventResolutions> {
    return (await this.resolvedByEach(manager, [event])).get(event.id) as EventResolutions;
  }

  /** `resolvedBy` for several events (by event id), with one query for the lot. */
  async resolvedByEach(manager: EntityManager, events: DomainEvent[]): Promise<Map<string, EventResolutions>> {
    const rows =
      events.length === 0
        ? []
        : await queryRows<{ pending_key: string; pending_until: string; pending_rejected_by: string | null }>(
            manager,
            `SELECT DISTINCT pending_key, pending_until, pending_rejected_by FROM point_rule_versions
              WHERE pending_key IS NOT NULL AND (pending_until = ANY($1::varchar[]) OR pending_rejected_by = ANY($1::varchar[]))`,
            [[...new Set(events.map((event) => event.type))]],
          );
    const byEvent = new Map<string, EventResolutions>();
    for (const event of events) {
      const resolutions: EventResolutions = { confirmKeys: [], rejectKeys: [] };
      for (const row of rows) {
        const confirms = row.pending_until === event.type;
        if (!confirms && row.pending_rejected_by !== event.type) continue;
        const value = scalarKeyValue(event.data?.[row.pending_key]);
        if (value === null) continue;
        const key = resolutionKey(event.type, row.pending_key, value);
        const list = confirms ? resolutions.confirmKeys : resolutions.rejectKeys;
        if (!list.includes(key)) list.push(key);
      }
      byEvent.set(event.id, resolutions);
    }
    return byEvent;
  }

  async lock(manager: EntityManager, keys: string[]): Promise<void> {
    for (const key of [...new Set(keys)].sort())
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  async record(manager: EntityManager, event: DomainEvent, resolutions: EventResolutions): Promise<void> {
    const keys = [
      ...resolutions.confirmKeys.map((key) => [key, 'confirmed'] as const),
      ...resolutions.rejectKeys.map((key) => [key, 'rejected'] as const),
    ];
    if (keys.length === 0) return;
    await manager.query(
      `INSERT INTO point_pending_resolutions (resolution_key, event_id, resolution, occurred_at)
       SELECT k.key, $3, k.resolution, $4 FROM unnest($1::varchar[], $2::varchar[]) AS k(key, resolution)
       ON CONFLICT DO NOTHING`,
      [keys.map(([key]) => key), keys.map(([, resolution]) => resolution), event.id, new Date(event.occurredAt)],
    );
  }

  /** The first resolution of any of `keys` that happened at or after `earnedAt`, if one was seen. */
  async earliestSince(manager: EntityManager, keys: string[], earnedAt: Date): Promise<PendingResolution | null> {
    if (keys.length === 0) return null;
    const [first] = await queryRows<{ resolution: PendingResolution }>(
      manager,
      `SELECT resolution FROM point_pending_resolutions
        WHERE resolution_key = ANY($1::varchar[]) AND occurred_at >= $2
        ORDER BY occurred_at, created_at LIMIT 1`,
      [keys, earnedAt],
    );
    return first?.resolution ?? null;
  }
}
