import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopedReferences } from '@linli/platform';
import { EntityManager, QueryFailedError } from 'typeorm';
import { OrganizationKind } from './organization-kind';
import { PartyOrganizationCode, PartyOrganizationException } from './party-organizations.exception';
import { PartyOrganizationEntity } from './party-organization.entity';

export interface CoveredUnit {
  id: string;
  path: string;
}

/** Kinds under which a party group may sit. */
const PARTY_GROUP_PARENTS: readonly OrganizationKind[] = ['branch', 'joint_branch'];

/** The structural rules of party organizations (DOMAIN.md §2), shared by creation and change. */
@Injectable()
export class PartyOrganizationRules {
  constructor(private readonly references: ScopedReferences) {}

  /** The covered units with their paths; 404 when one is unknown or outside the caller's organizations.manage scope. Outside any transaction. */
  async coveredUnits(user: AuthenticatedUser, unitIds: string[]): Promise<CoveredUnit[]> {
    const paths = (await this.references.reach(user, Permission.OrganizationsManage, { unit: unitIds })).get('unit');
    return [...new Set(unitIds)].map((id) => ({ id, path: paths?.get(id) as string }));
  }

  coverage(kind: OrganizationKind, covered: CoveredUnit[]): void {
    if (kind === 'joint_branch' && covered.length < 2)
      throw new PartyOrganizationException(PartyOrganizationCode.JointBranchCoverage);
  }

  /**
   * A new parent must exist within the caller's organizations.read scope (404) and must not be the
   * organization itself or below it. Whatever the parent, it must not be a party group, and a party
   * group's parent must be a branch or joint branch. A kept parent (kind change only) is checked
   * for the kind rules but not for the caller's scope: it may sit above the caller's units.
   */
  async parent(
    manager: EntityManager,
    user: AuthenticatedUser,
    change: { kind: OrganizationKind; parentId: string | null; newParent: boolean; selfId?: string },
  ): Promise<void> {
    const { kind, parentId, selfId } = change;
    if (parentId === null) {
      if (kind === 'party_group') throw new PartyOrganizationException(PartyOrganizationCode.PartyGroupParent);
      return;
    }
    if (parentId === selfId) throw new PartyOrganizationException(PartyOrganizationCode.ParentCycle);
    if (change.newParent)
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', parentId, manager);
    const parent = await manager.getRepository(PartyOrganizationEntity).findOneBy({ id: parentId });
    if (!parent) throw new NotFoundProblem('上级党组织');
    if (parent.kind === 'party_group') throw new PartyOrganizationException(PartyOrganizationCode.InvalidParent);
    if (kind === 'party_group' && !PARTY_GROUP_PARENTS.includes(parent.kind))
      throw new PartyOrganizationException(PartyOrganizationCode.PartyGroupParent);
    if (change.newParent && selfId !== undefined) {
      // Re-parentings serialize, so that two concurrent ones (A under B, B under A) cannot close a cycle.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('linli.party-organizations.parent'))`);
      const rows: unknown[] = await manager.query(
        `WITH RECURSIVE chain (id, parent_id) AS (
           SELECT id, parent_id FROM party_organizations WHERE id = $1
           UNION
           SELECT o.id, o.parent_id FROM party_organizations o JOIN chain c ON o.id = c.parent_id
         )
         SELECT 1 FROM chain WHERE id = $2 LIMIT 1`,
        [parentId, selfId],
      );
      if (rows.length > 0) throw new PartyOrganizationException(PartyOrganizationCode.ParentCycle);
    }
  }

  /** A kind change must suit the organization's children: party groups sit only under (joint) branches; nothing sits under a party group. */
  async children(manager: EntityManager, organizationId: string, kind: OrganizationKind): Promise<void> {
    const children = await manager
      .getRepository(PartyOrganizationEntity)
      .find({ select: { kind: true }, where: { parentId: organizationId } });
    if (children.length === 0) return;
    const groupsMisplaced =
      children.some((child) => child.kind === 'party_group') && !PARTY_GROUP_PARENTS.includes(kind);
    if (kind === 'party_group' || groupsMisplaced)
      throw new PartyOrganizationException(PartyOrganizationCode.ChildrenConflict);
  }

  /** Runs a write that may hit the unique organization code, turning that into `organization.code-taken`. */
  async withUniqueCode<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error as QueryFailedError & { constraint?: string }).constraint === 'party_organizations_code_key'
      ) {
        throw new PartyOrganizationException(PartyOrganizationCode.CodeTaken);
      }
      throw error;
    }
  }
}
