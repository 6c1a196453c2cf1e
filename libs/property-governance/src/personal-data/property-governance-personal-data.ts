import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  exportRows,
  IdentityHold,
  IdentityHolds,
  PersonalDataContext,
  PersonalDataErasers,
  PersonalDataExporters,
  queryRows,
} from '@linli/platform';

const DOMAIN = 'property-governance';

/**
 * Property governance's part of the kernel's personal-data operations, on its own tables only:
 *
 * - **export**: the exclusive parts the person owns or owned (building, number, area, from, to), the
 *   ballots cast for their head (decision title, channel, when: never the choice), owners'
 *   committee memberships and the seats they held;
 * - **identity holds**: an active owners' committee membership (`property.committee-member`), an
 *   active seat (`property.seat`);
 * - **erasure**: nothing to erase. Property governance keeps no free text written by the person:
 *   ownership rows are property records (民法典 登记), ballots and rolls are the record of the
 *   owners' joint decisions, and both must keep adding up; the person's name lives in organization.
 */
@Injectable()
export class PropertyGovernancePersonalData implements OnModuleInit {
  constructor(
    private readonly exporters: PersonalDataExporters,
    private readonly holds: IdentityHolds,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.exporters.register({ domain: DOMAIN, exportPerson: (id, context) => this.exportPerson(id, context) });
    this.holds.register({ domain: DOMAIN, holdsOf: (id, context) => this.holdsOf(id, context) });
    this.erasers.register({ domain: DOMAIN, erasePerson: () => Promise.resolve({ erased: [] }) });
  }

  async exportPerson(personId: string, { manager }: PersonalDataContext): Promise<Record<string, unknown>> {
    return {
      parts: await exportRows(
        manager,
        `SELECT p.id AS part_id, p.complex_id, p.building, p.number, p.area_m2::text AS area_m2, p.area_source,
                o.started_on::text AS started_on, o.ended_on::text AS ended_on
           FROM property_part_owners o JOIN property_parts p ON p.id = o.part_id
          WHERE o.person_id = $1 ORDER BY o.started_on, p.building, p.number`,
        [personId],
      ),
      ballotsCast: await exportRows(
        manager,
        `SELECT b.decision_id, d.title AS decision_title, b.channel, b.cast_at
           FROM property_ballots b JOIN property_decisions d ON d.id = b.decision_id
          WHERE b.owner_person_id = $1 ORDER BY b.cast_at, b.decision_id`,
        [personId],
      ),
      committeeMemberships: await exportRows(
        manager,
        `SELECT m.committee_id, c.complex_id, m.joined_on::text AS joined_on, m.left_on::text AS left_on
           FROM property_committee_members m JOIN property_committees c ON c.id = m.committee_id
          WHERE m.person_id = $1 ORDER BY m.joined_on, m.committee_id`,
        [personId],
      ),
      seats: await exportRows(
        manager,
        `SELECT id, complex_id, body, role, started_on::text AS started_on, ended_on::text AS ended_on
           FROM property_seats WHERE person_id = $1 ORDER BY started_on, id`,
        [personId],
      ),
    };
  }

  async holdsOf(personId: string, { manager }: PersonalDataContext): Promise<IdentityHold[]> {
    const [counts] = await queryRows<Record<string, number>>(
      manager,
      `SELECT
         (SELECT count(*)::int FROM property_committee_members m JOIN property_committees c ON c.id = m.committee_id
           WHERE m.person_id = $1 AND m.left_on IS NULL AND c.status = 'active') AS members,
         (SELECT count(*)::int FROM property_seats WHERE person_id = $1 AND ended_on IS NULL) AS seats`,
      [personId],
    );
    return [
      {
        code: 'property.committee-member',
        detail: `是 ${counts.members} 个业主委员会的委员`,
        count: counts.members,
      },
      { code: 'property.seat', detail: `担任 ${counts.seats} 个物业治理席位`, count: counts.seats },
    ].filter((hold) => hold.count > 0);
  }
}
