import { deliberationDomain } from '@linli/deliberation';
import { organizationDomain } from '@linli/organization';
import { pointsDomain } from '@linli/points';
import { propertyGovernanceDomain } from '@linli/property-governance';
import { casesDomain } from '@linli/cases';
import { DomainDefinition } from '@linli/platform';
import { volunteersDomain } from '@linli/volunteers';

/**
 * Every domain module this build ships, in dependency order. `LINLI_MODULES` picks from these.
 * Adding a domain: export its `DomainDefinition` from the lib and list it here (docs/adding-a-module.md).
 */
export const DOMAIN_CATALOG: readonly DomainDefinition[] = [
  organizationDomain,
  pointsDomain,
  volunteersDomain,
  deliberationDomain,
  propertyGovernanceDomain,
  casesDomain,
];

export const KNOWN_MODULES: readonly string[] = DOMAIN_CATALOG.map((d) => d.name);

export function enabledDomains(modules: readonly string[]): DomainDefinition[] {
  return DOMAIN_CATALOG.filter((d) => modules.includes(d.name));
}
