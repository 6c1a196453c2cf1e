import { EntityManager } from 'typeorm';
import { OrganizationKind } from '../party-organizations/organization-kind';
import { PartyOrganizationEntity } from '../party-organizations/party-organization.entity';

export interface LockedOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  unit_id: string;
  unit_path: string;
}

/**
 * The member counts of an organization, changed with conditional UPDATEs in the caller's
 * transaction (never read-modify-write): a count can neither drift under concurrency nor go below
 * zero. Callers lock the organizations they change in id order when they change more than one.
 */
export class OrganizationMemberCounts {
  constructor(private readonly manager: EntityManager) {}

  /** Locks the organizations whose counts will change, in id order (the one lock order, so transfers cannot deadlock). */
  lock(organizationIds: string[]): Promise<LockedOrganization[]> {
    return this.manager.query(
      `SELECT id, kind, name, unit_id, unit_path FROM party_organizations WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
      [organizationIds],
    );
  }

  /** One more member (full or probationary); false when the organization does not exist. */
  async add(organizationId: string, full: boolean): Promise<boolean> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PartyOrganizationEntity)
      .set({ memberCount: () => 'member_count + 1', fullMemberCount: () => `full_member_count + ${full ? 1 : 0}` })
      .where('id = :organizationId', { organizationId })
      .execute();
    return result.affected === 1;
  }

  /** One member fewer; throws when the counts are not what the member rows say (a bug, never a user error). */
  async remove(organizationId: string, full: boolean): Promise<void> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PartyOrganizationEntity)
      .set({ memberCount: () => 'member_count - 1', fullMemberCount: () => `full_member_count - ${full ? 1 : 0}` })
      .where('id = :organizationId AND member_count >= 1 AND full_member_count >= :full', {
        organizationId,
        full: full ? 1 : 0,
      })
      .execute();
    if (result.affected !== 1) throw new Error(`member counts of party organization ${organizationId} are out of step`);
  }

  /** A probationary member became full. */
  async promote(organizationId: string): Promise<void> {
    const result = await this.manager
      .createQueryBuilder()
      .update(PartyOrganizationEntity)
      .set({ fullMemberCount: () => 'full_member_count + 1' })
      .where('id = :organizationId AND full_member_count < member_count', { organizationId })
      .execute();
    if (result.affected !== 1) throw new Error(`member counts of party organization ${organizationId} are out of step`);
  }
}
