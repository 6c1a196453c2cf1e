import { IdentityHolds } from './identity-holds';
import { PrivacyRegistryError } from './domain-registry';
import { PersonalDataContext } from './personal-data';
import { PersonalDataExporters } from './personal-data-exporters';
import { isPseudonym, pseudonymFor } from './pseudonym';

const context = { manager: {}, now: new Date('2026-11-22T02:00:00Z') } as PersonalDataContext;

describe('personal-data registries', () => {
  it('refuses a second entry for the same domain', () => {
    const exporters = new PersonalDataExporters();
    exporters.register({ domain: 'points', exportPerson: async () => ({}) });
    expect(() => exporters.register({ domain: 'points', exportPerson: async () => ({}) })).toThrow(
      PrivacyRegistryError,
    );
  });

  it('exports every domain under its name, in domain order whatever the registration order', async () => {
    const exporters = new PersonalDataExporters();
    exporters.register({ domain: 'volunteers', exportPerson: async (id) => ({ profile: id }) });
    exporters.register({ domain: 'organization', exportPerson: async (id) => ({ person: id }) });
    const parts = await exporters.exportPerson('p-1', context);
    expect(Object.keys(parts)).toEqual(['organization', 'volunteers']);
    expect(parts).toEqual({ organization: { person: 'p-1' }, volunteers: { profile: 'p-1' } });
  });

  it('collects the holds of every domain with the domain named, dropping empty ones', async () => {
    const holds = new IdentityHolds();
    holds.register({
      domain: 'points',
      holdsOf: async () => [{ code: 'points.open-reservation', detail: 'x', count: 2 }],
    });
    holds.register({
      domain: 'volunteers',
      holdsOf: async () => [{ code: 'volunteers.open-demand', detail: 'y', count: 0 }],
    });
    expect(await holds.holdsOf('p-1', context)).toEqual([
      { domain: 'points', code: 'points.open-reservation', detail: 'x', count: 2 },
    ]);
  });
});

describe('pseudonym', () => {
  it('is stable per person id, distinct across ids, and recognisable', () => {
    const id = '8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
    expect(pseudonymFor(id)).toMatch(/^已注销用户-[0-9a-f]{8}$/);
    expect(pseudonymFor(id)).toBe(pseudonymFor(id.toUpperCase()));
    expect(pseudonymFor(id)).not.toBe(pseudonymFor('00000000-0000-4000-8000-000000000000'));
    expect(isPseudonym(pseudonymFor(id))).toBe(true);
    expect(isPseudonym('王芳')).toBe(false);
  });
});
