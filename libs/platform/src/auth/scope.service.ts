import { Injectable } from '@nestjs/common';
import { NotFoundProblem } from '../errors/common-problems';
import { AuthenticatedUser } from './authenticated-user';
import { Permission, roleHas } from './permissions';
import { UnitDirectoryRegistry } from './unit-directory.registry';
import { narrowScope, scopeCovers, scopeOf, SqlCondition, UnitScope, unitPathCondition } from './unit-scope';

/**
 * Scope checks for domain code. Out of scope answers 404 (`NotFoundProblem`), exactly like a
 * missing record, so that existence does not leak.
 */
@Injectable()
export class ScopeService {
  constructor(private readonly units: UnitDirectoryRegistry) {}

  /** The subtrees where the caller holds `permission`: 'all', or paths (empty = nowhere). For query filtering. */
  scopeFilter(user: AuthenticatedUser, permission: Permission): UnitScope {
    return scopeOf(user.grants.filter((grant) => roleHas(grant.role, permission)).map((grant) => grant.unitPath));
  }

  /** Whether the caller holds `permission` at `unitPath` (null = a deployment-wide record). */
  canReach(user: AuthenticatedUser, permission: Permission, unitPath: string | null): boolean {
    return scopeCovers(this.scopeFilter(user, permission), unitPath);
  }

  /** Throws 404 unless the caller holds `permission` at `unitPath`. */
  assertCanReach(user: AuthenticatedUser, permission: Permission, unitPath: string | null, what?: string): void {
    if (!this.canReach(user, permission, unitPath)) throw new NotFoundProblem(what);
  }

  /** SQL condition restricting a path column to the caller's scope (see `unitPathCondition`). */
  condition(column: string, user: AuthenticatedUser, permission: Permission, name = 'scope'): SqlCondition {
    return unitPathCondition(column, this.scopeFilter(user, permission), name);
  }

  /**
   * The scope to filter by when a request names a unit (`?unitId=`): that unit's subtree if the
   * caller reaches it; 404 if the unit is unknown or out of scope; the caller's whole scope without one.
   */
  async scopeFilterAt(user: AuthenticatedUser, permission: Permission, unitId: string | undefined): Promise<UnitScope> {
    const scope = this.scopeFilter(user, permission);
    if (unitId === undefined) return scope;
    const path = await this.units.resolvePath(unitId);
    if (path === undefined || !scopeCovers(scope, path)) throw new NotFoundProblem('该单位');
    return narrowScope(scope, path);
  }

  /** The path of a unit the caller must reach with `permission`; 404 when unknown or out of scope. */
  async reachableUnitPath(user: AuthenticatedUser, permission: Permission, unitId: string): Promise<string> {
    const path = await this.units.resolvePath(unitId);
    if (path === undefined || !this.canReach(user, permission, path)) throw new NotFoundProblem('该单位');
    return path;
  }

  /** The path of a known unit; 404 when the directory does not know it. */
  async unitPath(unitId: string): Promise<string> {
    const path = await this.units.resolvePath(unitId);
    if (path === undefined) throw new NotFoundProblem('该单位');
    return path;
  }
}
