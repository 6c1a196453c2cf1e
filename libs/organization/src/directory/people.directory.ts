import { Injectable } from '@nestjs/common';
import {
  AccountsDirectory,
  AuthenticatedUser,
  descendantsPattern,
  NotFoundProblem,
  Permission,
  queryRows,
  ScopeService,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { MemberCategory, MemberStatus } from '../members/member-category';
import { DirectoryMembership, DirectoryPerson } from './directory-types';
import { knownIds } from './known-ids';

interface PersonRow {
  id: string;
  name: string;
  residence_unit_id: string;
  residence_path: string;
  birth_date: string | null;
}

interface MemberRow {
  person_id: string;
  member_id: string;
  organization_id: string;
  status: MemberStatus;
  category: MemberCategory;
  residence_path: string;
  counts_for: string[];
}

/** Dual registrations of members in force on $2 (a business-calendar date). */
const MEMBER_REGISTRATION_IN_FORCE = `d.kind = 'member' AND d.ended_at IS NULL AND d.period_start <= $2::date AND (d.period_end IS NULL OR d.period_end >= $2::date)`;

/** A person's household: their residence unit and household code, or the person alone without a code. */
const HOUSEHOLD_KEY = `residence_unit_id::text || '/' || COALESCE('h:' || household_code, 'p:' || id::text)`;

/** The people-and-members half of organization's directory (see `OrganizationDirectory`). */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly accounts: AccountsDirectory,
  ) {}

  /** id → person (name, residence, birth date, linked account); unknown ids are absent. Personal data (phone, ID number) is never here. */
  async byIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, DirectoryPerson>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<PersonRow>(
      manager,
      `SELECT id, name, residence_unit_id, residence_path, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM people WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    const accounts = await this.accounts.accountsOfPeople(
      rows.map((row) => row.id),
      manager,
    );
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          residenceUnitId: row.residence_unit_id,
          residencePath: row.residence_path,
          birthDate: row.birth_date,
          userId: accounts.get(row.id) ?? null,
        },
      ]),
    );
  }

  /** id → residence path, for scope checks: one statement, without `byIds`' account lookup (unknown ids are absent). */
  async residencePaths(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<{ id: string; residence_path: string }>(
      manager,
      'SELECT id, residence_path FROM people WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((row) => [row.id, row.residence_path]));
  }

  /** id → name, for lists that show who (unknown ids are absent). */
  async names(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(
      manager,
      'SELECT id, name FROM people WHERE id = ANY($1::uuid[])',
      [unique],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** The ids among `candidates` of people whose name starts with `prefix` (for a name filter over another domain's rows). */
  async withNamePrefix(
    prefix: string,
    candidates: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const unique = knownIds(candidates);
    if (unique.length === 0) return new Set();
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM people WHERE id = ANY($1::uuid[]) AND starts_with(name, $2)`,
      [unique, prefix],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The person if the caller holds `permission` where they reside; 404 when unknown or out of scope alike. */
  async reachable(
    user: AuthenticatedUser,
    permission: Permission,
    id: string,
    manager?: EntityManager,
  ): Promise<DirectoryPerson> {
    const person = (await this.byIds([id], manager)).get(id);
    if (!person || !this.scope.canReach(user, permission, person.residencePath)) throw new NotFoundProblem('该人员');
    return person;
  }

  /**
   * personId → party membership (people who are not members are absent), with the organizations
   * their contributions count for on `onDate` (`YYYY-MM-DD`): their own and, for a member with a
   * dual registration in force whose workplace institution has a party organization, that one too.
   */
  async memberships(
    personIds: string[],
    onDate: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, DirectoryMembership>> {
    const unique = knownIds(personIds);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<MemberRow>(
      manager,
      `SELECT m.person_id, m.id AS member_id, m.organization_id, m.status, m.category, m.residence_path,
              ARRAY(SELECT DISTINCT o FROM unnest(array_append(
                 ARRAY(SELECT i.party_organization_id FROM dual_registrations d JOIN institutions i ON i.id = d.institution_id
                        WHERE d.member_id = m.id AND i.party_organization_id IS NOT NULL AND ${MEMBER_REGISTRATION_IN_FORCE}),
                 m.organization_id)) AS o ORDER BY o)::text[] AS counts_for
         FROM party_members m WHERE m.person_id = ANY($1::uuid[])`,
      [unique, onDate],
    );
    return new Map(rows.map((row) => [row.person_id, toMembership(row)]));
  }

  /** The party members residing in the subtree at `path` (for assessments over a region), by person id. `countsFor` holds their own organization only. */
  async membersWithin(path: string, manager: EntityManager = this.dataSource.manager): Promise<DirectoryMembership[]> {
    const rows = await queryRows<MemberRow>(
      manager,
      `SELECT m.person_id, m.id AS member_id, m.organization_id, m.status, m.category, m.residence_path, ARRAY[m.organization_id]::text[] AS counts_for
         FROM party_members m WHERE m.residence_path = $1 OR m.residence_path LIKE $2 ORDER BY m.person_id`,
      [path, descendantsPattern(path)],
    );
    return rows.map(toMembership);
  }

  /**
   * The ids of the people residing in the subtrees at `paths` (a caller's scope), sorted: for a
   * filter over another domain's rows of people, such as a leaderboard of a region.
   */
  async residentsWithin(paths: string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return [];
    const conditions = unique.map((_, i) => `residence_path = $${2 * i + 1} OR residence_path LIKE $${2 * i + 2}`);
    const rows = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM people WHERE ${conditions.join(' OR ')} ORDER BY id`,
      unique.flatMap((path) => [path, descendantsPattern(path)]),
    );
    return rows.map((row) => row.id);
  }

  /**
   * The electoral roll of the subtree at `path`: the people residing there, sorted by person id,
   * with their household. Where the birth date is known, only those of age (18) on `adultOn`
   * (`YYYY-MM-DD`) are on it; a person whose birth date is unknown is on it.
   */
  async electorate(
    path: string,
    adultOn: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DirectoryElector[]> {
    const rows = await queryRows<{ person_id: string; household_key: string }>(
      manager,
      `SELECT id AS person_id, ${HOUSEHOLD_KEY} AS household_key
         FROM people
        WHERE (residence_path = $1 OR residence_path LIKE $2)
          AND (birth_date IS NULL OR birth_date <= ($3::date - interval '18 years'))
        ORDER BY id`,
      [path, descendantsPattern(path), adultOn],
    );
    return rows.map((row) => ({ personId: row.person_id, householdKey: row.household_key }));
  }

  /** personId → household key (see `electorate`); unknown ids are absent. */
  async households(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const unique = knownIds(ids);
    if (unique.length === 0) return new Map();
    const rows = await queryRows<{ id: string; household_key: string }>(
      manager,
      `SELECT id, ${HOUSEHOLD_KEY} AS household_key
         FROM people WHERE id = ANY($1::uuid[])`,
      [unique],
    );
    return new Map(rows.map((row) => [row.id, row.household_key]));
  }
}

/** One voter of an electoral roll: the person and the household they belong to. */
export interface DirectoryElector {
  personId: string;
  /** Equal for people of one household: their residence unit and household code (a person without a code is their own household). */
  householdKey: string;
}

function toMembership(row: MemberRow): DirectoryMembership {
  return {
    personId: row.person_id,
    memberId: row.member_id,
    organizationId: row.organization_id,
    status: row.status,
    category: row.category,
    residencePath: row.residence_path,
    countsFor: row.counts_for,
  };
}
