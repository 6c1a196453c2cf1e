import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';

/** A person's name and the party organizations their contributions also count for. */
export interface MemberOrganizations {
  personName: string;
  organizationIds: string[];
}

/**
 * For double points (双积分): the organizations each member's contributions count for on `onDate`
 * (a business-calendar date), as organization's directory answers them: the member's own party
 * organization and, with a member dual registration in force at a workplace institution, that
 * institution's party organization too. People who are not members are absent.
 */
@Injectable()
export class MemberOrganizationsReader {
  constructor(private readonly directory: OrganizationDirectory) {}

  async of(manager: EntityManager, personIds: string[], onDate: string): Promise<Map<string, MemberOrganizations>> {
    if (personIds.length === 0) return new Map();
    const memberships = await this.directory.people.memberships(personIds, onDate, manager);
    if (memberships.size === 0) return new Map();
    const names = await this.directory.people.names([...memberships.keys()], manager);
    const result = new Map<string, MemberOrganizations>();
    for (const [personId, membership] of memberships) {
      const name = names.get(personId);
      if (name === undefined) continue;
      result.set(personId, { personName: name, organizationIds: [...membership.countsFor].sort() });
    }
    return result;
  }
}
