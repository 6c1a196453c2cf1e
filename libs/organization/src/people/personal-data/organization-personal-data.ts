import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  BusinessCalendar,
  ErasureReport,
  IdentityHold,
  IdentityHolds,
  PersonalDataContext,
  PersonalDataErasers,
  PersonalDataExporters,
  PiiCrypto,
  pseudonymFor,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { PersonPersonalDataRepository } from './person-personal-data.repository';

const DOMAIN = 'organization';

/**
 * Organization's part of the kernel's personal-data operations, registered in `onModuleInit`:
 *
 * - **export** (`GET /me/data`): the person record with the person's own phone and ID number
 *   decrypted, the residence, the party membership with its transfers and dual registrations,
 *   officer posts and staff roles;
 * - **identity holds** (anonymisation refused while any): a party membership
 *   (`organization.party-member`), an officer post in force (`organization.officer-post`), a staff
 *   role not ended (`organization.staff-role`);
 * - **erasure**: the people row keeps its id, residence and household code (户号: it names a flat,
 *   not a person, and household counts read it); name → pseudonym, phone, ID number, gender, birth
 *   date and import key cleared.
 */
@Injectable()
export class OrganizationPersonalData implements OnModuleInit {
  constructor(
    private readonly exporters: PersonalDataExporters,
    private readonly holds: IdentityHolds,
    private readonly erasers: PersonalDataErasers,
    private readonly repository: PersonPersonalDataRepository,
    private readonly crypto: PiiCrypto,
    private readonly calendar: BusinessCalendar,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.exporters.register({ domain: DOMAIN, exportPerson: (id, context) => this.exportPerson(id, context) });
    this.holds.register({ domain: DOMAIN, holdsOf: (id, context) => this.holdsOf(id, context) });
    this.erasers.register({
      domain: DOMAIN,
      erasePerson: (id, context) => this.erasePerson(id, context),
      isErased: (id, manager) => this.repository.isErased(manager ?? this.dataSource.manager, id, pseudonymFor(id)),
    });
  }

  async exportPerson(personId: string, { manager }: PersonalDataContext): Promise<Record<string, unknown>> {
    const person = await this.repository.person(manager, personId);
    if (!person) return { person: null };
    const [memberships, transfers, officerPosts, staffRoles, dualRegistrations] = [
      await this.repository.memberships(manager, personId),
      await this.repository.transfers(manager, personId),
      await this.repository.officerPosts(manager, personId),
      await this.repository.staffRoles(manager, personId),
      await this.repository.dualRegistrations(manager, personId),
    ];
    const membership = memberships[0];
    return {
      person: {
        id: person.id,
        name: person.name,
        gender: person.gender,
        birthDate: person.birth_date,
        phone: person.phone_cipher === null ? null : this.crypto.decrypt(person.phone_cipher),
        idNumber: person.id_number_cipher === null ? null : this.crypto.decrypt(person.id_number_cipher),
        externalId: person.external_id,
        householdCode: person.household_code,
        residence: { unitId: person.residence_unit_id, name: person.residence_name, kind: person.residence_kind },
        createdAt: person.created_at.toISOString(),
        updatedAt: person.updated_at.toISOString(),
      },
      partyMembership: membership
        ? {
            organizationId: membership.organization_id,
            organizationName: membership.organization_name,
            category: membership.category,
            status: membership.status,
            joinedAt: membership.joined_at,
            transfers: transfers.map((t) => ({
              fromOrganizationId: t.from_organization_id,
              fromOrganizationName: t.from_organization_name,
              toOrganizationId: t.to_organization_id,
              toOrganizationName: t.to_organization_name,
              transferredAt: t.transferred_at.toISOString(),
              reason: t.reason,
            })),
            dualRegistrations: dualRegistrations.map((d) => ({
              communityUnitId: d.community_unit_id,
              communityName: d.community_name,
              periodStart: d.period_start,
              periodEnd: d.period_end,
              commitments: d.commitments,
              endedAt: d.ended_at?.toISOString() ?? null,
            })),
          }
        : null,
      officerPosts: officerPosts.map((o) => ({
        organizationId: o.organization_id,
        organizationName: o.organization_name,
        role: o.role,
        termStart: o.term_start,
        termEnd: o.term_end,
        endedAt: o.ended_at?.toISOString() ?? null,
      })),
      staffRoles: staffRoles.map((s) => ({
        role: s.role,
        unitId: s.unit_id,
        unitName: s.unit_name,
        startedAt: s.started_at.toISOString(),
        endedAt: s.ended_at?.toISOString() ?? null,
      })),
    };
  }

  async holdsOf(personId: string, { manager, now }: PersonalDataContext): Promise<IdentityHold[]> {
    const counts = await this.repository.holdCounts(manager, personId, this.calendar.localDate(now));
    return [
      { code: 'organization.party-member', detail: '是在册党员（请先办理组织关系转出）', count: counts.party_member },
      {
        code: 'organization.officer-post',
        detail: `担任 ${counts.officer_posts} 个班子职务`,
        count: counts.officer_posts,
      },
      {
        code: 'organization.staff-role',
        detail: `担任 ${counts.staff_roles} 个社区工作岗位`,
        count: counts.staff_roles,
      },
    ].filter((hold) => hold.count > 0);
  }

  async erasePerson(
    personId: string,
    { manager, pseudonym }: PersonalDataContext & { pseudonym: string },
  ): Promise<ErasureReport> {
    const residence = await this.repository.erase(manager, personId, pseudonym);
    if (!residence) return { erased: [] };
    return {
      erased: ['name', 'phone', 'idNumber', 'gender', 'birthDate', 'externalId'],
      unit: { unitId: residence.residence_unit_id, unitPath: residence.residence_path },
    };
  }
}
