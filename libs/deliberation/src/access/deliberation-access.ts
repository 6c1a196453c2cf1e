import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopeService,
  SqlCondition,
  unitPathCondition,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationCode, DeliberationException } from '../deliberation.exception';

/** Who the caller is as a resident: their person and where they live. */
export interface ResidentIdentity {
  personId: string;
  residencePath: string;
}

/**
 * Who may see and act on deliberation's records, all located at a unit (a community, grid, complex
 * or building). Staff act with a deliberation permission in the unit's scope. A resident (an
 * account linked to a person) acts within their own units: on records at the unit they live in or
 * at any unit above it (a building resident takes part in the complex's, the grid's and the
 * community's deliberation, not in the next building's). Anything else answers 404.
 */
@Injectable()
export class DeliberationAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
  ) {}

  /** The caller's resident identity, or undefined for an account acting for no person. */
  async resident(user: AuthenticatedUser, manager?: EntityManager): Promise<ResidentIdentity | undefined> {
    if (!user.personId) return undefined;
    const person = (await this.directory.people.byIds([user.personId], manager)).get(user.personId);
    return person ? { personId: person.id, residencePath: person.residencePath } : undefined;
  }

  /** Whether a resident living at `residencePath` takes part in a record at `unitPath`. */
  static livesWithin(residencePath: string, unitPath: string): boolean {
    return isWithin(residencePath, unitPath);
  }

  /** Staff with `permission` in scope, or a resident living within the unit. */
  async canSee(user: AuthenticatedUser, unitPath: string, permission = Permission.DeliberationRead): Promise<boolean> {
    if (this.scope.canReach(user, permission, unitPath)) return true;
    const resident = await this.resident(user);
    return resident !== undefined && DeliberationAccess.livesWithin(resident.residencePath, unitPath);
  }

  /** 404 (naming `what`, e.g. `该议题`) unless `canSee`. */
  async assertCanSee(user: AuthenticatedUser, unitPath: string, what: string): Promise<void> {
    if (!(await this.canSee(user, unitPath))) throw new NotFoundProblem(what);
  }

  /**
   * The resident acting on a record at `unitPath`: 403 `deliberation.person-not-linked` for an
   * account acting for no person; 404 (naming `what`) when they do not live within the unit and
   * the caller has no read scope there either (staff who may see it get 403 `deliberation.residents-only`).
   */
  async residentWithin(
    user: AuthenticatedUser,
    unitPath: string,
    what: string,
    manager?: EntityManager,
  ): Promise<ResidentIdentity> {
    const resident = await this.resident(user, manager);
    if (resident && DeliberationAccess.livesWithin(resident.residencePath, unitPath)) return resident;
    if (!this.scope.canReach(user, Permission.DeliberationRead, unitPath)) throw new NotFoundProblem(what);
    if (!resident) throw new DeliberationException(DeliberationCode.PersonNotLinked);
    throw new DeliberationException(DeliberationCode.ResidentsOnly);
  }

  /**
   * SQL condition on `column` (a record's `unit_path`) for lists: in the caller's `permission`
   * scope, or (for a resident) at their home unit or any unit above it. Parameters are named.
   */
  async visibility(
    user: AuthenticatedUser,
    column: string,
    permission = Permission.DeliberationRead,
  ): Promise<SqlCondition> {
    const staff = this.scope.scopeFilter(user, permission);
    if (staff === 'all') return { sql: 'TRUE', params: {} };
    const parts: string[] = [];
    const params: Record<string, string> = {};
    if (staff.length > 0) {
      const inScope = unitPathCondition(column, staff, 'staff');
      parts.push(inScope.sql);
      Object.assign(params, inScope.params);
    }
    const resident = await this.resident(user);
    if (resident) {
      params.residentPath = resident.residencePath;
      parts.push(`(${column} = :residentPath OR starts_with(:residentPath, ${column} || '.'))`);
    }
    return parts.length > 0 ? { sql: `(${parts.join(' OR ')})`, params } : { sql: 'FALSE', params: {} };
  }
}
