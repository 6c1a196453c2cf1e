import { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainEvent, EventActor, EventDelivery, NewDomainEvent, Outbox, TransactionRunner } from '@linli/platform';
import { ConsistencyReport, PointsConsistency } from '@linli/points';
import { withTestDb } from '../test-database';

export interface PointRuleFixture {
  code: string;
  eventType: string;
  name?: string;
  points?: number;
  per?: 'occurrence' | 'quantity';
  accountKind?: 'redeemable' | 'assessment';
  actorRoles?: string[];
  filters?: Record<string, string | number | boolean>;
  caps?: { day?: number; month?: number; year?: number };
  validityMonths?: number | null;
  unitId?: string | null;
  activeFrom?: string | null;
  activeTo?: string | null;
  creditOrganization?: boolean;
  pendingUntil?: string | null;
  pendingRejectedBy?: string | null;
  pendingKey?: string | null;
}

/**
 * Inserts a points rule (version 1) straight into the database; defaults: `参加活动`, 5 redeemable
 * points per occurrence, every actor, no caps, no expiry, deployment-wide.
 */
export function createPointRule(spec: PointRuleFixture): Promise<{ id: string; code: string }> {
  return withTestDb(async (client) => {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      'INSERT INTO point_rules (code, current_version) VALUES ($1, 1) RETURNING id',
      [spec.code],
    );
    await client.query(
      `INSERT INTO point_rule_versions (rule_id, version, name, event_type, filters, actor_roles, account_kind, points, per, caps, validity_months, unit_id,
                                        active_from, active_to, credit_organization, pending_until, pending_rejected_by, pending_key)
       VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        rows[0].id,
        spec.name ?? '参加活动',
        spec.eventType,
        JSON.stringify(spec.filters ?? {}),
        spec.actorRoles ?? [],
        spec.accountKind ?? 'redeemable',
        spec.points ?? 5,
        spec.per ?? 'occurrence',
        JSON.stringify(spec.caps ?? {}),
        spec.validityMonths ?? null,
        spec.unitId ?? null,
        spec.activeFrom ?? null,
        spec.activeTo ?? null,
        spec.creditOrganization ?? false,
        spec.pendingUntil ?? null,
        spec.pendingRejectedBy ?? null,
        spec.pendingKey ?? null,
      ],
    );
    await client.query('COMMIT');
    return { id: rows[0].id, code: spec.code };
  });
}

/** A complete event envelope (as subscribers receive it): `pointsEvent('test.activity.attended', { actors: [{ personId, role: 'volunteer' }] })`. */
export function pointsEvent(
  type: string,
  overrides: Partial<Omit<DomainEvent, 'type'>> & { actors?: EventActor[] } = {},
): DomainEvent {
  return {
    id: overrides.id ?? randomUUID(),
    type,
    occurredAt: overrides.occurredAt ?? '2026-11-22T02:00:00.000Z',
    unitId: overrides.unitId ?? null,
    actors: overrides.actors ?? [],
    quantity: overrides.quantity ?? null,
    data: overrides.data ?? {},
  };
}

/** Runs the `points` subscriber on an event through the kernel's delivery (claim + handler in one transaction), as the scheduler's worker does. */
export function deliverToPoints(
  scheduler: INestApplicationContext,
  event: DomainEvent,
): Promise<'applied' | 'duplicate' | 'ignored'> {
  return scheduler.get(EventDelivery, { strict: false }).deliver('points', event);
}

/** Publishes events through the outbox in one transaction of `app` (the relay of a booted scheduler then carries them). */
export function publishEvents(app: INestApplicationContext, events: NewDomainEvent[]): Promise<DomainEvent[]> {
  const outbox = app.get(Outbox, { strict: false });
  return app.get(TransactionRunner, { strict: false }).run((manager) => outbox.publish(manager, events));
}

export interface PointAccountRow {
  id: string;
  balance: number;
  pending: number;
}

/** An owner's account of one kind as stored, or null when none exists. */
export function pointAccount(
  owner: { type: 'person' | 'organization'; id: string },
  kind: 'redeemable' | 'assessment' = 'redeemable',
): Promise<PointAccountRow | null> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ id: string; balance: string; pending: string }>(
      'SELECT id, balance, pending FROM point_accounts WHERE owner_type = $1 AND owner_id = $2 AND kind = $3',
      [owner.type, owner.id, kind],
    );
    return rows[0] ? { id: rows[0].id, balance: Number(rows[0].balance), pending: Number(rows[0].pending) } : null;
  });
}

export interface PointEntryRow {
  id: string;
  kind: string;
  amount: number;
  balanceAfter: number;
  reason: string;
  ruleId: string | null;
  ruleVersion: number | null;
  sourceEventId: string | null;
  occurredAt: Date;
}

/** An owner's entries of one kind, oldest first. */
export function pointEntries(
  owner: { type: 'person' | 'organization'; id: string },
  kind: 'redeemable' | 'assessment' = 'redeemable',
): Promise<PointEntryRow[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query(
      `SELECT e.id, e.kind, e.amount, e.balance_after, e.reason, e.rule_id, e.rule_version, e.source_event_id, e.occurred_at
         FROM point_entries e JOIN point_accounts a ON a.id = e.account_id
        WHERE a.owner_type = $1 AND a.owner_id = $2 AND a.kind = $3 ORDER BY e.seq`,
      [owner.type, owner.id, kind],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      amount: Number(r.amount),
      balanceAfter: Number(r.balance_after),
      reason: r.reason,
      ruleId: r.rule_id,
      ruleVersion: r.rule_version,
      sourceEventId: r.source_event_id,
      occurredAt: r.occurred_at,
    }));
  });
}

/** The ledger's consistency check (sum of entries = balance = available lots, for every account). */
export function pointsConsistency(app: INestApplicationContext): Promise<ConsistencyReport> {
  return app.get(PointsConsistency, { strict: false }).check();
}

/** A notification requested through the kernel's `NotificationOutbox` (relayed or not), as stored. */
export interface RequestedNotification {
  templateKey: string;
  recipient: { personId?: string; userId?: string };
  data: Record<string, unknown>;
  dedupeKey: string;
}

/** Every notification requested so far (`notification_requests`), oldest first; `templateKey` narrows them. */
export function requestedNotifications(templateKey?: string): Promise<RequestedNotification[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ job: RequestedNotification }>(
      `SELECT job FROM notification_requests WHERE $1::text IS NULL OR job->>'templateKey' = $1 ORDER BY seq`,
      [templateKey ?? null],
    );
    return rows.map((row) => row.job);
  });
}
