import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

export interface MemberStanding {
  partyMember: boolean;
  /** A party member whose member-kind dual registration (双报到) at the community is in force. */
  dualRegistered: boolean;
}

const IN_FORCE = `d.kind = 'member' AND d.ended_at IS NULL AND d.period_start <= $2::date AND (d.period_end IS NULL OR d.period_end >= $2::date)`;

/**
 * Party membership and dual registration of a person. The organization module exports neither
 * (its public API has units and people only), so this reads its tables `party_members` and
 * `dual_registrations` read-only. `onDate` is a business-calendar date (`YYYY-MM-DD`).
 */
@Injectable()
export class MemberRegistrationsReader {
  async standing(manager: EntityManager, personId: string, communityUnitId: string | null, onDate: string): Promise<MemberStanding> {
    const [row] = await queryRows<{ party_member: boolean; dual_registered: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM party_members m WHERE m.person_id = $1) AS party_member,
              EXISTS (SELECT 1 FROM party_members m JOIN dual_registrations d ON d.member_id = m.id
                       WHERE m.person_id = $1 AND d.community_unit_id = $3 AND ${IN_FORCE}) AS dual_registered`,
      [personId, onDate, communityUnitId],
    );
    return { partyMember: row.party_member, dualRegistered: row.dual_registered };
  }

  /** Paths of the communities where the person is dual-registered as a member, in force on `onDate`. */
  async communityPaths(manager: EntityManager, personId: string, onDate: string): Promise<string[]> {
    const rows = await queryRows<{ community_path: string }>(
      manager,
      `SELECT DISTINCT d.community_path FROM party_members m JOIN dual_registrations d ON d.member_id = m.id WHERE m.person_id = $1 AND ${IN_FORCE}`,
      [personId, onDate],
    );
    return rows.map((row) => row.community_path);
  }
}
