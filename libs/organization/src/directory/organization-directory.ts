import { Injectable } from '@nestjs/common';
import { OrganizationsDirectory } from './organizations.directory';
import { PeopleDirectory } from './people.directory';
import { UnitsDirectory } from './units.directory';

/**
 * Organization's directory: the only way another domain learns organization's data. Narrow, typed
 * and batch-first: every method takes many keys and answers in one round trip, so no caller loops;
 * each accepts the caller's `EntityManager` to read inside its transaction. Writes stay in
 * organization's services.
 *
 * - `units`: units by id or path, ancestors, the community (street, district) of a path, descendants by kind, scope-checked and anchored reads;
 * - `people`: people (name, residence, linked account), names, scope-checked reads, memberships and the organizations that count for a member;
 * - `organizations`: party organizations (kind, anchor, coverage, secretary), institutions, dual registrations in force, staff roles.
 */
@Injectable()
export class OrganizationDirectory {
  constructor(
    readonly units: UnitsDirectory,
    readonly people: PeopleDirectory,
    readonly organizations: OrganizationsDirectory,
  ) {}
}
