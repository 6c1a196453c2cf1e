import { Injectable } from '@nestjs/common';
import { ORGANIZATION_KINDS } from '../party-organizations/organization-kind';
import { DirectoryOrganization } from './directory-types';
import { OrganizationDirectory } from './organization-directory';
import { AccountsDirectory } from '@linli/platform';

/** The community party organization: anchored at the community itself, the highest kind first (党委 before 党支部). */
function communityOrganization(
  organizations: DirectoryOrganization[],
  communityId: string,
): DirectoryOrganization | undefined {
  return organizations
    .filter((organization) => organization.unitId === communityId && organization.secretaryPersonId !== null)
    .sort(
      (a, b) => ORGANIZATION_KINDS.indexOf(a.kind) - ORGANIZATION_KINDS.indexOf(b.kind) || a.id.localeCompare(b.id),
    )[0];
}

/**
 * Who answers for a community: the secretary (书记) of its community party organization, by the
 * account linked to them. A community whose party organization has no secretary with an account
 * falls back to the nearest holders of the `secretary` role at or above it (the staff secretaries).
 * Part of organization's directory (deliberation's overdue milestones and property governance's
 * rectifications both notify them). Batch-wise: a handful of directory calls per batch (one `organizations.within` per distinct
 * community), never one per row.
 */
@Injectable()
export class CommunitySecretaries {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly accounts: AccountsDirectory,
  ) {}

  /** unit path → the user ids of the secretaries of its community (paths above community level are absent). */
  async of(unitPaths: string[]): Promise<Map<string, string[]>> {
    const communityOf = await this.directory.units.enclosing(unitPaths, 'community');
    const communities = [...new Map([...communityOf.values()].map((unit) => [unit.id, unit])).values()];
    const organizations = await Promise.all(
      communities.map((community) => this.directory.organizations.within(community.path)),
    );
    const secretaryOf = new Map<string, string>();
    communities.forEach((community, i) => {
      const organization = communityOrganization(organizations[i], community.id);
      if (organization?.secretaryPersonId) secretaryOf.set(community.id, organization.secretaryPersonId);
    });
    const people = await this.directory.people.byIds([...secretaryOf.values()]);
    const byCommunity = new Map<string, string[]>();
    for (const community of communities) {
      const userId = people.get(secretaryOf.get(community.id) ?? '')?.userId;
      if (userId) byCommunity.set(community.id, [userId]);
    }
    const without = communities.filter((community) => !byCommunity.has(community.id));
    const staff = await this.accounts.nearestRoleHolders(
      'secretary',
      without.map((community) => community.path),
    );
    for (const community of without) byCommunity.set(community.id, staff.get(community.path) ?? []);

    const result = new Map<string, string[]>();
    for (const [path, community] of communityOf) result.set(path, byCommunity.get(community.id) ?? []);
    return result;
  }
}
