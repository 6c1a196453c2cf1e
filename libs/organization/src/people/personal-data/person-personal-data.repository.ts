import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { EntityManager } from 'typeorm';

export interface PersonRow {
  id: string;
  name: string;
  phone_cipher: string | null;
  id_number_cipher: string | null;
  gender: string | null;
  birth_date: string | null;
  external_id: string | null;
  household_code: string | null;
  residence_unit_id: string;
  residence_path: string;
  residence_name: string;
  residence_kind: string;
  created_at: Date;
  updated_at: Date;
}

export interface MembershipRow {
  id: string;
  organization_id: string;
  organization_name: string;
  category: string;
  status: string;
  joined_at: string;
}

export interface TransferRow {
  from_organization_id: string;
  from_organization_name: string;
  to_organization_id: string;
  to_organization_name: string;
  transferred_at: Date;
  reason: string | null;
}

export interface OfficerRow {
  organization_id: string;
  organization_name: string;
  role: string;
  term_start: string;
  term_end: string | null;
  ended_at: Date | null;
}

export interface StaffRoleRow {
  role: string;
  unit_id: string;
  unit_name: string;
  started_at: Date;
  ended_at: Date | null;
}

export interface DualRegistrationRow {
  community_unit_id: string;
  community_name: string;
  period_start: string;
  period_end: string | null;
  commitments: string | null;
  ended_at: Date | null;
}

export interface OrganizationHoldCounts {
  party_member: number;
  officer_posts: number;
  staff_roles: number;
}

/**
 * The SQL of a person's own data in organization's tables: the export's reads, the identity holds
 * and the anonymisation's erasure. Every statement takes the caller's manager (one transaction).
 */
@Injectable()
export class PersonPersonalDataRepository {
  async person(manager: EntityManager, personId: string): Promise<PersonRow | undefined> {
    const [row] = await queryRows<PersonRow>(
      manager,
      `SELECT p.id, p.name, p.phone_cipher, p.id_number_cipher, p.gender, p.birth_date::text AS birth_date,
              p.external_id, p.household_code, p.residence_unit_id, p.residence_path, u.name AS residence_name,
              u.kind AS residence_kind, p.created_at, p.updated_at
         FROM people p JOIN units u ON u.id = p.residence_unit_id
        WHERE p.id = $1`,
      [personId],
    );
    return row;
  }

  memberships(manager: EntityManager, personId: string): Promise<MembershipRow[]> {
    return queryRows<MembershipRow>(
      manager,
      `SELECT m.id, m.organization_id, o.name AS organization_name, m.category, m.status, m.joined_at::text AS joined_at
         FROM party_members m JOIN party_organizations o ON o.id = m.organization_id
        WHERE m.person_id = $1`,
      [personId],
    );
  }

  transfers(manager: EntityManager, personId: string): Promise<TransferRow[]> {
    return queryRows<TransferRow>(
      manager,
      `SELECT t.from_organization_id, f.name AS from_organization_name, t.to_organization_id,
              d.name AS to_organization_name, t.transferred_at, t.reason
         FROM member_transfers t
         JOIN party_members m ON m.id = t.member_id
         JOIN party_organizations f ON f.id = t.from_organization_id
         JOIN party_organizations d ON d.id = t.to_organization_id
        WHERE m.person_id = $1
        ORDER BY t.transferred_at, t.id`,
      [personId],
    );
  }

  officerPosts(manager: EntityManager, personId: string): Promise<OfficerRow[]> {
    return queryRows<OfficerRow>(
      manager,
      `SELECT r.organization_id, o.name AS organization_name, r.role, r.term_start::text AS term_start,
              r.term_end::text AS term_end, r.ended_at
         FROM organization_officers r JOIN party_organizations o ON o.id = r.organization_id
        WHERE r.person_id = $1
        ORDER BY r.term_start, r.id`,
      [personId],
    );
  }

  staffRoles(manager: EntityManager, personId: string): Promise<StaffRoleRow[]> {
    return queryRows<StaffRoleRow>(
      manager,
      `SELECT s.role, s.unit_id, u.name AS unit_name, s.started_at, s.ended_at
         FROM staff_roles s JOIN units u ON u.id = s.unit_id
        WHERE s.person_id = $1
        ORDER BY s.started_at, s.id`,
      [personId],
    );
  }

  dualRegistrations(manager: EntityManager, personId: string): Promise<DualRegistrationRow[]> {
    return queryRows<DualRegistrationRow>(
      manager,
      `SELECT d.community_unit_id, u.name AS community_name, d.period_start::text AS period_start,
              d.period_end::text AS period_end, d.commitments, d.ended_at
         FROM dual_registrations d
         JOIN party_members m ON m.id = d.member_id
         JOIN units u ON u.id = d.community_unit_id
        WHERE m.person_id = $1
        ORDER BY d.period_start, d.id`,
      [personId],
    );
  }

  /** What still needs the identity: a party membership, officer posts in force, staff roles not ended. */
  async holdCounts(manager: EntityManager, personId: string, today: string): Promise<OrganizationHoldCounts> {
    const [row] = await queryRows<OrganizationHoldCounts>(
      manager,
      `SELECT
         (SELECT count(*)::int FROM party_members WHERE person_id = $1) AS party_member,
         (SELECT count(*)::int FROM organization_officers
           WHERE person_id = $1 AND ended_at IS NULL AND (term_end IS NULL OR term_end >= $2::date)) AS officer_posts,
         (SELECT count(*)::int FROM staff_roles WHERE person_id = $1 AND ended_at IS NULL) AS staff_roles`,
      [personId, today],
    );
    return row;
  }

  /**
   * Erases the person's personal data in place (the row and its id stay, so every record keeps
   * pointing at it): the name becomes the pseudonym; phone, ID number (cipher, keyed hash, masked
   * copy), gender, birth date and the import key are cleared. The household code stays, like the
   * residence: it names a flat (a room number), not the person, and household counts and past
   * household votes keep reading it. Answers the residence, or undefined when there is no such person.
   */
  async erase(
    manager: EntityManager,
    personId: string,
    pseudonym: string,
  ): Promise<{ residence_unit_id: string; residence_path: string } | undefined> {
    const [row] = await queryRows<{ residence_unit_id: string; residence_path: string }>(
      manager,
      `UPDATE people
          SET name = $2, phone_cipher = NULL, phone_index = NULL, phone_masked = NULL,
              id_number_cipher = NULL, id_number_index = NULL, id_number_masked = NULL,
              gender = NULL, birth_date = NULL, external_id = NULL, updated_at = now()
        WHERE id = $1
        RETURNING residence_unit_id, residence_path`,
      [personId, pseudonym],
    );
    return row;
  }

  /** Anonymised: the name is the person's pseudonym and nothing identifying is left. */
  async isErased(manager: EntityManager, personId: string, pseudonym: string): Promise<boolean> {
    const [row] = await queryRows<{ erased: boolean }>(
      manager,
      `SELECT (name = $2 AND phone_cipher IS NULL AND id_number_cipher IS NULL) AS erased FROM people WHERE id = $1`,
      [personId, pseudonym],
    );
    return row?.erased ?? false;
  }
}
