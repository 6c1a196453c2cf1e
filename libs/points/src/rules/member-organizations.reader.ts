import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

/** A person's name and the party organizations their contributions also count for. */
export interface MemberOrganizations {
  personName: string;
  organizationIds: string[];
}

/**
 * For double points (双积分): the party organization of each member, and for a member with an active
 * dual registration at a workplace institution, that institution's party organization too. The
 * organization module does not export memberships or dual registrations, so this reads its tables
 * (`party_members`, `people`, `dual_registrations`, `institutions`) in one query. `onDate` (a
 * business-calendar date) decides which dual registrations are in force.
 */
@Injectable()
export class MemberOrganizationsReader {
  async of(manager: EntityManager, personIds: string[], onDate: string): Promise<Map<string, MemberOrganizations>> {
    if (personIds.length === 0) return new Map();
    const rows = await queryRows<{ person_id: string; person_name: string; organization_id: string }>(
      manager,
      `SELECT m.person_id, p.name AS person_name, m.organization_id
         FROM party_members m JOIN people p ON p.id = m.person_id
        WHERE m.person_id = ANY($1::uuid[])
       UNION
       SELECT m.person_id, p.name, i.party_organization_id
         FROM party_members m
         JOIN people p ON p.id = m.person_id
         JOIN dual_registrations d ON d.member_id = m.id AND d.kind = 'member' AND d.ended_at IS NULL
                                  AND d.period_start <= $2::date AND (d.period_end IS NULL OR d.period_end >= $2::date)
         JOIN institutions i ON i.id = d.institution_id
        WHERE m.person_id = ANY($1::uuid[]) AND i.party_organization_id IS NOT NULL`,
      [[...new Set(personIds)], onDate],
    );
    const result = new Map<string, MemberOrganizations>();
    for (const row of rows) {
      const entry = result.get(row.person_id) ?? { personName: row.person_name, organizationIds: [] };
      if (!entry.organizationIds.includes(row.organization_id)) entry.organizationIds.push(row.organization_id);
      result.set(row.person_id, entry);
    }
    for (const entry of result.values()) entry.organizationIds.sort();
    return result;
  }
}
