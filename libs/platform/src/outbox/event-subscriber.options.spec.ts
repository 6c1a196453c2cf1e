import { validateEventSubscriberOptions } from './event-subscriber.options';
import { subscriberAccepts } from './event-subscriber.registry';

describe('event subscriber declarations', () => {
  it('accepts an explicit type list or every type', () => {
    expect(() => validateEventSubscriberOptions({ name: 'points', types: '*' })).not.toThrow();
    expect(() =>
      validateEventSubscriberOptions({
        name: 'volunteer-stats',
        types: ['volunteers.service.verified'],
        concurrency: 8,
      }),
    ).not.toThrow();
    expect(() => validateEventSubscriberOptions({ name: 'points', types: '*', batchSize: 500 })).not.toThrow();
  });

  it.each([
    ['a name with upper case', { name: 'Points', types: '*' as const }],
    ['a name with a colon', { name: 'points:main', types: '*' as const }],
    ['a name longer than 64 characters', { name: `p${'x'.repeat(64)}`, types: '*' as const }],
    ['an empty type list', { name: 'points', types: [] }],
    ['a malformed type', { name: 'points', types: ['VolunteerVerified'] }],
    ['a type listed twice', { name: 'points', types: ['a.b.happened', 'a.b.happened'] }],
    ['a concurrency of zero', { name: 'points', types: '*' as const, concurrency: 0 }],
    ['a batch larger than the relay ever takes', { name: 'points', types: '*' as const, batchSize: 501 }],
    ['a fractional batch size', { name: 'points', types: '*' as const, batchSize: 2.5 }],
  ])('refuses %s', (_, options) => {
    expect(() => validateEventSubscriberOptions(options)).toThrow();
  });

  it('matches a type against the list, or everything for "*"', () => {
    expect(subscriberAccepts({ types: '*' }, 'any.thing.happened')).toBe(true);
    expect(subscriberAccepts({ types: new Set(['a.b.happened']) }, 'a.b.happened')).toBe(true);
    expect(subscriberAccepts({ types: new Set(['a.b.happened']) }, 'a.c.happened')).toBe(false);
  });
});
