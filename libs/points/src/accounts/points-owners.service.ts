import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopedReferences } from '@linli/platform';
import { OrganizationDirectory } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { LedgerCode, LedgerException } from '../ledger/ledger.exception';
import { PointsOwner } from '../ledger/points-owner';

/** An owner and where it sits in the unit tree: a person where they reside, an organization where it is anchored. */
export interface LocatedOwner {
  owner: PointsOwner;
  unitId: string;
  unitPath: string;
  /** The person who benefits from the owner's points: the person themselves, or an organization's current secretary. */
  beneficiaryPersonId: string | null;
}

/**
 * Finds owners in the unit tree for scope checks, through organization's directory (people by
 * residence, party organizations by anchor; their current paths, so a moved subtree needs no
 * rewrite here): one read per owner type.
 */
@Injectable()
export class PointsOwners {
  constructor(
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
  ) {}

  /** The owners in input order; 404 if any is unknown. */
  async locate(owners: PointsOwner[], manager?: EntityManager): Promise<LocatedOwner[]> {
    const idsOf = (type: PointsOwner['type']) => owners.filter((o) => o.type === type).map((o) => o.id);
    const people = await this.directory.people.byIds(idsOf('person'), manager);
    const organizations = await this.directory.organizations.byIds(idsOf('organization'), manager);
    return owners.map((owner) => {
      if (owner.type === 'person') {
        const person = people.get(owner.id);
        if (!person) throw new NotFoundProblem('该人员');
        return {
          owner,
          unitId: person.residenceUnitId,
          unitPath: person.residencePath,
          beneficiaryPersonId: person.id,
        };
      }
      const organization = organizations.get(owner.id);
      if (!organization) throw new NotFoundProblem('该党组织');
      return {
        owner,
        unitId: organization.unitId,
        unitPath: organization.unitPath,
        beneficiaryPersonId: organization.secretaryPersonId,
      };
    });
  }

  /**
   * The owners if the caller holds `permission` where each of them sits; 404 for any unknown or out of
   * scope. The ids resolve through the kernel's reference check (`person`, `organization`) first.
   */
  async reachable(
    user: AuthenticatedUser,
    permission: Permission,
    owners: PointsOwner[],
    manager?: EntityManager,
  ): Promise<LocatedOwner[]> {
    const idsOf = (type: PointsOwner['type']) => owners.filter((o) => o.type === type).map((o) => o.id);
    await this.references.reach(
      user,
      permission,
      { person: idsOf('person'), organization: idsOf('organization') },
      manager,
    );
    return this.locate(owners, manager);
  }

  /**
   * No one authorizes value for themselves: 403 `points.self-authorization` when the caller's own
   * person benefits from one of the owners (the person themselves, or the organization they are the
   * current secretary of).
   */
  refuseSelf(user: AuthenticatedUser, located: LocatedOwner[], detail?: string): void {
    if (!user.personId) return;
    const own = located.find((l) => l.beneficiaryPersonId === user.personId);
    if (own)
      throw new LedgerException(LedgerCode.SelfAuthorization, {
        ...(detail ? { detail } : {}),
        extensions: { ownerType: own.owner.type, ownerId: own.owner.id },
      });
  }

  /** Reading an owner's points: the person themselves (their linked account), or `points.read` where the owner sits. 404 otherwise. */
  async assertReadable(user: AuthenticatedUser, owner: PointsOwner): Promise<void> {
    if (owner.type === 'person' && user.personId === owner.id) return;
    // The scope check alone: resolving the owner's residence (`locate`) is for writes.
    await this.references.reach(user, Permission.PointsRead, { [owner.type]: [owner.id] });
  }
}
