import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  hasPermission,
  NotFoundProblem,
  Permission,
  queryRows,
  ScopeService,
  SqlCondition,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PropertyCode, PropertyException } from '../property.exception';

/** A residential complex (小区) as property governance locates its records. */
export interface ComplexRef {
  id: string;
  path: string;
  name: string;
}

/**
 * Who may see and act on property governance's records, all located at a complex. Staff act with a
 * property permission in the complex's scope. An owner (an account linked to a person who owns an
 * exclusive part of the complex, wherever they live) sees the complex's decisions, committee,
 * company and published scores, and acts for their own parts. Anything else answers 404.
 */
@Injectable()
export class PropertyAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
  ) {}

  /** The complex if the caller holds `permission` there: 404 unknown or out of scope, 400 `property.not-a-complex`. */
  async complex(
    user: AuthenticatedUser,
    permission: Permission,
    complexId: string,
    manager?: EntityManager,
  ): Promise<ComplexRef> {
    const unit = (await this.directory.units.byIds([complexId], manager)).get(complexId);
    if (!unit || !this.scope.canReach(user, permission, unit.path)) throw new NotFoundProblem('该小区');
    if (unit.kind !== 'complex') throw new PropertyException(PropertyCode.NotAComplex);
    return { id: unit.id, path: unit.path, name: unit.name };
  }

  /** The paths of the complexes where `personId` owns an exclusive part now. */
  async ownedComplexPaths(personId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await queryRows<{ unit_path: string }>(
      manager,
      `SELECT DISTINCT p.unit_path FROM property_part_owners o JOIN property_parts p ON p.id = o.part_id
        WHERE o.person_id = $1 AND o.ended_on IS NULL`,
      [personId],
    );
    return rows.map((row) => row.unit_path);
  }

  /** Which of `personIds` own an exclusive part of the complex now. */
  async ownersAmong(
    complexId: string,
    personIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `SELECT DISTINCT o.person_id FROM property_part_owners o JOIN property_parts p ON p.id = o.part_id
        WHERE p.complex_id = $1 AND o.ended_on IS NULL AND o.person_id = ANY($2::uuid[])`,
      [complexId, personIds],
    );
    return new Set(rows.map((row) => row.person_id));
  }

  /** Whether the caller's person owns a part of the complex at `complexPath` now. */
  async isOwner(user: AuthenticatedUser, complexPath: string, manager?: EntityManager): Promise<boolean> {
    return user.personId !== null && (await this.ownedComplexPaths(user.personId, manager)).includes(complexPath);
  }

  /** Staff with `permission` at the complex, or an owner of it; 404 (naming `what`) otherwise. */
  async assertCanSee(
    user: AuthenticatedUser,
    complexPath: string,
    what: string,
    permission = Permission.PropertyRead,
  ): Promise<void> {
    if (this.scope.canReach(user, permission, complexPath)) return;
    if (await this.isOwner(user, complexPath)) return;
    throw new NotFoundProblem(what);
  }

  /**
   * The owner acting for their own part at the complex: 403 `property.person-not-linked` without a
   * linked person; 403 `property.not-an-owner` for someone who may see the complex but owns nothing
   * there; 404 for anyone else.
   */
  async ownerWithin(
    user: AuthenticatedUser,
    complexPath: string,
    what: string,
    manager?: EntityManager,
  ): Promise<string> {
    if (user.personId && (await this.isOwner(user, complexPath, manager))) return user.personId;
    if (!this.scope.canReach(user, Permission.PropertyRead, complexPath)) throw new NotFoundProblem(what);
    if (!user.personId) throw new PropertyException(PropertyCode.PersonNotLinked);
    throw new PropertyException(PropertyCode.NotAnOwner);
  }

  /** SQL condition on `column` (a record's `unit_path`) for lists: staff scope, or a complex the caller owns a part of. */
  async visibility(
    user: AuthenticatedUser,
    column: string,
    permission = Permission.PropertyRead,
  ): Promise<SqlCondition> {
    const staff = this.scope.scopeFilter(user, permission);
    if (staff === 'all') return { sql: 'TRUE', params: {} };
    const owned = user.personId ? await this.ownedComplexPaths(user.personId) : [];
    const inScope = unitPathCondition(column, staff, 'staff');
    if (owned.length === 0) return inScope;
    const params: Record<string, string> = { ...inScope.params };
    const ownedParts = owned.map((path, i) => {
      params[`owned${i}`] = path;
      return `${column} = :owned${i}`;
    });
    return { sql: `(${inScope.sql} OR ${ownedParts.join(' OR ')})`, params };
  }

  /** Staff holding any property permission may name a company (a deployment-wide record) in a body. */
  static mayNameCompanies(user: AuthenticatedUser): boolean {
    return hasPermission(user, Permission.PropertyRead) || hasPermission(user, Permission.PropertyManage);
  }
}
