import { DemandRow } from './demand-rows';

/** The claimant as an event actor (role 'claimant'): the person, or the organization that claimed. */
export function claimantActor(
  row: Pick<DemandRow, 'claimant_person_id' | 'claimant_organization_id'>,
): { personId: string; role: string } | { organizationId: string; role: string } {
  if (row.claimant_person_id) return { personId: row.claimant_person_id, role: 'claimant' };
  return { organizationId: row.claimant_organization_id as string, role: 'claimant' };
}
