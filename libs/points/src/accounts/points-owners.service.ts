import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, queryRows, ScopeService } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PointsOwner } from '../ledger/points-owner';

/** An owner and where it sits in the unit tree: a person where they reside, an organization where it is anchored. */
export interface LocatedOwner {
  owner: PointsOwner;
  unitId: string;
  unitPath: string;
}

/**
 * Finds owners in the unit tree for scope checks. The organization module's public API offers
 * neither a party-organization lookup nor a bulk person lookup, so this reads `people` and
 * `party_organizations` (their current paths: a moved subtree needs no rewrite here).
 */
@Injectable()
export class PointsOwners {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
  ) {}

  /** The owners in input order; 404 if any is unknown. */
  async locate(owners: PointsOwner[], manager: EntityManager = this.dataSource.manager): Promise<LocatedOwner[]> {
    const located = new Map<string, { unit_id: string; unit_path: string }>();
    const sources = { person: 'SELECT id, residence_unit_id AS unit_id, residence_path AS unit_path FROM people', organization: 'SELECT id, unit_id, unit_path FROM party_organizations' };
    for (const type of ['person', 'organization'] as const) {
      const ids = [...new Set(owners.filter((o) => o.type === type).map((o) => o.id))];
      if (ids.length === 0) continue;
      const rows = await queryRows<{ id: string; unit_id: string; unit_path: string }>(manager, `${sources[type]} WHERE id = ANY($1::uuid[])`, [ids]);
      for (const row of rows) located.set(`${type}:${row.id}`, row);
    }
    return owners.map((owner) => {
      const row = located.get(`${owner.type}:${owner.id}`);
      if (!row) throw new NotFoundProblem(owner.type === 'person' ? '该人员' : '该党组织');
      return { owner, unitId: row.unit_id, unitPath: row.unit_path };
    });
  }

  /** The owners if the caller holds `permission` where each of them sits; 404 for any unknown or out of scope. */
  async reachable(user: AuthenticatedUser, permission: Permission, owners: PointsOwner[], manager?: EntityManager): Promise<LocatedOwner[]> {
    const located = await this.locate(owners, manager);
    for (const { owner, unitPath } of located) this.scope.assertCanReach(user, permission, unitPath, owner.type === 'person' ? '该人员' : '该党组织');
    return located;
  }

  /** Reading an owner's points: the person themselves (their linked account), or `points.read` where the owner sits. 404 otherwise. */
  async assertReadable(user: AuthenticatedUser, owner: PointsOwner): Promise<void> {
    if (owner.type === 'person' && user.personId === owner.id) return;
    await this.reachable(user, Permission.PointsRead, [owner]);
  }
}
