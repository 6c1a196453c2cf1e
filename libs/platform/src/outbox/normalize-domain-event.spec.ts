import { NewDomainEvent } from '../messaging/domain-event';
import { InvalidDomainEventError } from './invalid-domain-event.error';
import { normalizeDomainEvent } from './normalize-domain-event';

const now = new Date('2026-11-22T02:00:00Z');
const defaults = { now, newId: () => '00000000-0000-4000-8000-000000000001' };
const person = '6f1c2a4e-4b7a-4a57-9b8e-0c3d2f1e5a77';

describe('normalizeDomainEvent', () => {
  it('fills id, occurredAt, actors, quantity and unit when the publisher leaves them out', () => {
    expect(normalizeDomainEvent({ type: 'volunteers.service.verified', data: { hours: 2 } }, defaults)).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      type: 'volunteers.service.verified',
      occurredAt: '2026-11-22T02:00:00.000Z',
      unitId: null,
      actors: [],
      quantity: null,
      data: { hours: 2 },
    });
  });

  it('keeps what the publisher gave, normalizing the instant to ISO 8601 UTC', () => {
    const event = normalizeDomainEvent(
      {
        id: 'AAAAAAAA-0000-4000-8000-000000000002',
        type: 'deliberation.topic.resolved',
        occurredAt: '2026-11-22T10:00:00+08:00',
        unitId: person,
        actors: [{ personId: person, role: 'proposer' }],
        quantity: 1.5,
        data: {},
      },
      defaults,
    );
    expect(event.id).toBe('aaaaaaaa-0000-4000-8000-000000000002');
    expect(event.occurredAt).toBe('2026-11-22T02:00:00.000Z');
    expect(event.actors).toEqual([{ personId: person, role: 'proposer' }]);
    expect(event.quantity).toBe(1.5);
  });

  it('returns data as subscribers will receive it (a JSON round trip)', () => {
    const event = normalizeDomainEvent(
      { type: 'points.entry.recorded', data: { at: new Date('2026-01-01T00:00:00Z'), skipped: undefined } },
      defaults,
    );
    expect(event.data).toEqual({ at: '2026-01-01T00:00:00.000Z' });
  });

  it.each([
    ['an upper-case type', { type: 'Volunteers.Service.Verified', data: {} }],
    ['a type without a dot', { type: 'verified', data: {} }],
    ['a type with a colon', { type: 'volunteers:service.verified', data: {} }],
    ['a type that is too long', { type: `a.${'b'.repeat(130)}`, data: {} }],
    ['an id that is not a UUID', { id: 'event-1', type: 'a.b.happened', data: {} }],
    ['an unparseable occurredAt', { type: 'a.b.happened', occurredAt: 'yesterday', data: {} }],
    ['an actor without person or organization', { type: 'a.b.happened', actors: [{ role: 'volunteer' }], data: {} }],
    ['an actor without a role', { type: 'a.b.happened', actors: [{ personId: person }], data: {} }],
    ['a non-finite quantity', { type: 'a.b.happened', quantity: Number.NaN, data: {} }],
    ['data that is an array', { type: 'a.b.happened', data: [] }],
    ['data that is not JSON', { type: 'a.b.happened', data: { big: BigInt(1) } }],
    ['a unit id that is not a UUID', { type: 'a.b.happened', unitId: 'unit-1', data: {} }],
  ])('refuses %s', (_, event) => {
    expect(() => normalizeDomainEvent(event as unknown as NewDomainEvent, defaults)).toThrow(InvalidDomainEventError);
  });
});
