import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, ForbiddenProblem, hasPermission, NotFoundProblem, Permission, queryRows, ScopeService } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DEMAND_SELECT, DemandRow } from './demand-sql';
import { linkedPersonId } from '../volunteers.exception';
import { DemandsCode, DemandsException } from './demands.exception';

/** What the caller is to one demand; decides what they may see and do. */
export interface DemandRoles {
  /** volunteers.read where the demand is. */
  staffRead: boolean;
  /** volunteers.manage where the demand is (acts on the requester's and the claimant's behalf). */
  staffManage: boolean;
  requester: boolean;
  /** The caller holds the live claim (as the claimant person, or as the user who claimed for an organization). */
  claimant: boolean;
}

export interface LoadedDemand {
  row: DemandRow;
  roles: DemandRoles;
}

function within(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

/**
 * Loads a demand for a caller and says who they are to it. Visible to staff with volunteers.read in
 * scope, to its requester, to anyone who claimed it or was invited to it, and to residents of its
 * community (so that neighbours can claim, and see it taken). Anyone else gets 404, like a missing demand.
 */
@Injectable()
export class DemandAccess {
  constructor(private readonly scope: ScopeService) {}

  async load(manager: EntityManager, user: AuthenticatedUser, id: string, options: { lock?: boolean } = {}): Promise<LoadedDemand> {
    if (options.lock) await manager.query(`SELECT id FROM volunteer_demands WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await queryRows<DemandRow>(manager, `${DEMAND_SELECT} WHERE d.id = $1`, [id]);
    if (!row) throw new NotFoundProblem('该需求');
    const roles: DemandRoles = {
      staffRead: this.scope.canReach(user, Permission.VolunteersRead, row.unit_path),
      staffManage: this.scope.canReach(user, Permission.VolunteersManage, row.unit_path),
      requester: user.personId !== null && user.personId === row.requester_person_id,
      claimant:
        row.claim_id !== null &&
        ((user.personId !== null && row.claimant_person_id === user.personId) || (row.claimant_organization_id !== null && row.claimed_by_user_id === user.userId)),
    };
    if (roles.staffRead || roles.staffManage || roles.requester || roles.claimant) return { row, roles };
    if (user.personId !== null && (await this.personSees(manager, user, row))) return { row, roles };
    throw new NotFoundProblem('该需求');
  }

  /** 403 unless the caller is the claimant or staff with volunteers.manage where the demand is. */
  assertClaimantSide(demand: LoadedDemand): void {
    if (!demand.roles.claimant && !demand.roles.staffManage) throw new DemandsException(DemandsCode.NotClaimant);
  }

  /** 403 unless the caller is the requester or staff with volunteers.manage where the demand is (acting for a resident without an account). */
  assertRequesterSide(demand: LoadedDemand): void {
    if (!demand.roles.requester && !demand.roles.staffManage) throw new DemandsException(DemandsCode.NotRequester);
  }

  /** The caller's own person; 403 `volunteers.person-not-linked` for an account without one. */
  personOf(user: AuthenticatedUser): string {
    return linkedPersonId(user);
  }

  /** Staff acting for someone else: 403 without volunteers.manage anywhere, 404 outside its scope. */
  assertManages(user: AuthenticatedUser, unitPath: string): void {
    if (!hasPermission(user, Permission.VolunteersManage)) throw new ForbiddenProblem('只有工作人员可以代他人操作');
    this.scope.assertCanReach(user, Permission.VolunteersManage, unitPath, '该需求');
  }

  /** The community path of where a person lives (null when they live above community level or nowhere known). */
  async communityOf(manager: EntityManager, personId: string): Promise<string | null> {
    const [row] = await queryRows<{ path: string }>(
      manager,
      `SELECT c.path FROM people p
         JOIN units r ON r.id = p.residence_unit_id
         JOIN units c ON c.kind = 'community' AND (r.path = c.path OR r.path LIKE c.path || '.%')
        WHERE p.id = $1
        LIMIT 1`,
      [personId],
    );
    return row?.path ?? null;
  }

  private async personSees(manager: EntityManager, user: AuthenticatedUser, row: DemandRow): Promise<boolean> {
    const [flags] = await queryRows<{ involved: boolean }>(
      manager,
      `SELECT EXISTS (SELECT 1 FROM volunteer_demand_claims WHERE demand_id = $1 AND (claimant_person_id = $2 OR claimed_by_user_id = $3))
           OR EXISTS (SELECT 1 FROM volunteer_demand_invitations WHERE demand_id = $1 AND person_id = $2) AS involved`,
      [row.id, user.personId, user.userId],
    );
    if (flags.involved) return true;
    const community = await this.communityOf(manager, user.personId as string);
    return community !== null && within(row.unit_path, community);
  }
}
