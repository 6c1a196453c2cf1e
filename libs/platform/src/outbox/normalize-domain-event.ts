import { DomainEvent, EventActor, NewDomainEvent } from '../messaging/domain-event';
import { EVENT_TYPE_MAX_LENGTH, isEventType } from './event-type';
import { InvalidDomainEventError } from './invalid-domain-event.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function uuidOrNull(value: unknown, field: string, type: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !UUID.test(value))
    throw new InvalidDomainEventError(`event "${type}": ${field} must be a UUID, got ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

function normalizeActor(actor: unknown, index: number, type: string): EventActor {
  if (!isPlainObject(actor)) throw new InvalidDomainEventError(`event "${type}": actors[${index}] must be an object`);
  const role = actor.role;
  if (typeof role !== 'string' || !/^[a-z][a-z0-9_-]{0,63}$/.test(role)) {
    throw new InvalidDomainEventError(
      `event "${type}": actors[${index}].role must be a lower-case word (e.g. "volunteer")`,
    );
  }
  const personId = uuidOrNull(actor.personId, `actors[${index}].personId`, type);
  const organizationId = uuidOrNull(actor.organizationId, `actors[${index}].organizationId`, type);
  if (!personId && !organizationId)
    throw new InvalidDomainEventError(`event "${type}": actors[${index}] needs a personId or an organizationId`);
  return { ...(personId ? { personId } : {}), ...(organizationId ? { organizationId } : {}), role };
}

/**
 * Checks a publisher's event against the envelope and completes it: a new id and `occurredAt` = now
 * when absent, empty actors, null quantity and unit. `data` is returned as it will be stored and
 * delivered (a JSON round trip), so what the publisher gets back is what subscribers receive.
 */
export function normalizeDomainEvent(event: NewDomainEvent, defaults: { now: Date; newId: () => string }): DomainEvent {
  if (!isPlainObject(event)) throw new InvalidDomainEventError('an event must be an object');
  const type = event.type;
  if (!isEventType(type)) {
    throw new InvalidDomainEventError(
      `event type ${JSON.stringify(type)} must be dotted lower-case segments of at most ${EVENT_TYPE_MAX_LENGTH} characters, e.g. "volunteers.service.verified"`,
    );
  }
  const id = event.id === undefined ? defaults.newId() : uuidOrNull(event.id, 'id', type);
  if (!id) throw new InvalidDomainEventError(`event "${type}": id must be a UUID`);

  let occurredAt = defaults.now;
  if (event.occurredAt !== undefined) {
    occurredAt = new Date(event.occurredAt as string | Date);
    if (Number.isNaN(occurredAt.getTime()))
      throw new InvalidDomainEventError(`event "${type}": occurredAt must be an ISO 8601 instant`);
  }

  if (event.actors !== undefined && !Array.isArray(event.actors))
    throw new InvalidDomainEventError(`event "${type}": actors must be an array`);
  const actors = (event.actors ?? []).map((actor, index) => normalizeActor(actor, index, type));

  const quantity = event.quantity ?? null;
  if (quantity !== null && (typeof quantity !== 'number' || !Number.isFinite(quantity))) {
    throw new InvalidDomainEventError(`event "${type}": quantity must be a finite number or null`);
  }

  if (!isPlainObject(event.data)) throw new InvalidDomainEventError(`event "${type}": data must be a plain object`);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidDomainEventError(`event "${type}": data must be JSON-serializable (${(error as Error).message})`);
  }

  return {
    id,
    type,
    occurredAt: occurredAt.toISOString(),
    unitId: uuidOrNull(event.unitId, 'unitId', type),
    actors,
    quantity,
    data,
  };
}
