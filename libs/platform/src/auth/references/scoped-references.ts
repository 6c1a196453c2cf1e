import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundProblem } from '../../errors/common-problems';
import { AuthenticatedUser } from '../authenticated-user';
import { Permission } from '../permissions';
import { ScopeService } from '../scope.service';
import { References } from './reference-resolver';
import { ReferenceResolvers } from './reference-resolvers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The unit path of every id checked, by kind then id. */
export type ResolvedReferences = Map<string, Map<string, string | null>>;

/**
 * The one way a request's ids (path, query or body) are checked: each resolves through its kind's
 * resolver and must lie within the caller's scope for `permission`, else 404 `not-found`, exactly
 * as for a missing record, so that existence outside the scope does not leak.
 */
@Injectable()
export class ScopedReferences {
  constructor(
    private readonly resolvers: ReferenceResolvers,
    private readonly scope: ScopeService,
  ) {}

  /**
   * Checks every id of `references` (one round trip per kind) and answers their paths. Throws
   * `NotFoundProblem` naming the first kind with an unknown or unreachable id.
   */
  async reach(
    user: AuthenticatedUser,
    permission: Permission,
    references: References,
    manager?: EntityManager,
  ): Promise<ResolvedReferences> {
    const resolved: ResolvedReferences = new Map();
    for (const [kind, value] of Object.entries(references)) {
      if (value === undefined || value === null) continue;
      const ids = [...new Set(typeof value === 'string' ? [value] : value)];
      if (ids.length === 0) continue;
      const resolver = this.resolvers.get(kind);
      // A malformed id names nothing: 404 here, so resolvers only ever see well-formed UUIDs.
      if (!ids.every((id) => UUID.test(id))) throw new NotFoundProblem(resolver.displayName);
      const paths = await resolver.pathsOf(ids, manager);
      for (const id of ids) {
        if (!paths.has(id) || !this.scope.canReach(user, permission, paths.get(id) ?? null)) {
          throw new NotFoundProblem(resolver.displayName);
        }
      }
      resolved.set(kind, new Map(ids.map((id) => [id, paths.get(id) ?? null])));
    }
    return resolved;
  }

  /** `reach` for one id; answers its path. */
  async reachOne(
    user: AuthenticatedUser,
    permission: Permission,
    kind: string,
    id: string,
    manager?: EntityManager,
  ): Promise<string | null> {
    return (await this.reach(user, permission, { [kind]: id }, manager)).get(kind)?.get(id) ?? null;
  }
}
