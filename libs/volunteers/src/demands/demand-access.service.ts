import { Injectable } from '@nestjs/common';
import { enclosingPath, OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  ForbiddenProblem,
  hasPermission,
  isWithin,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { linkedPersonId } from '../volunteers.exception';
import { ClaimantOrganizationKind } from './demand-kind';
import { DemandRow } from './demand-rows';
import { DemandsCode, DemandsException } from './demands.exception';
import { DemandsRepository } from './demands.repository';

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

/**
 * Loads a demand for a caller and says who they are to it. Visible to staff with volunteers.read in
 * scope, to its requester, to anyone who claimed it or was invited to it, and to residents of its
 * community (so that neighbours can claim, and see it taken). Anyone else gets 404, like a missing demand.
 */
@Injectable()
export class DemandAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly demands: DemandsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  async load(
    manager: EntityManager,
    user: AuthenticatedUser,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<LoadedDemand> {
    if (options.lock) await this.demands.lock(manager, id);
    const row = await this.demands.find(manager, id);
    if (!row) throw new NotFoundProblem('该需求');
    const roles: DemandRoles = {
      staffRead: this.scope.canReach(user, Permission.VolunteersRead, row.unit_path),
      staffManage: this.scope.canReach(user, Permission.VolunteersManage, row.unit_path),
      requester: user.personId !== null && user.personId === row.requester_person_id,
      claimant:
        row.claim_id !== null &&
        ((user.personId !== null && row.claimant_person_id === user.personId) ||
          (row.claimant_organization_id !== null && row.claimed_by_user_id === user.userId)),
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

  /** People named by staff acting for them (requester, claimant, invitees): each lives in the caller's volunteers.manage scope, else 404 `未找到该人员`. */
  async reachPeople(user: AuthenticatedUser, personIds: string[], manager?: EntityManager): Promise<void> {
    await this.references.reach(user, Permission.VolunteersManage, { person: personIds }, manager);
  }

  /** Of `personIds`, those who live in the caller's volunteers.manage scope, in the same order. */
  async reachablePeople(user: AuthenticatedUser, personIds: string[], manager: EntityManager): Promise<string[]> {
    const people = await this.directory.people.byIds(personIds, manager);
    return personIds.filter((id) => {
      const person = people.get(id);
      return person !== undefined && this.scope.canReach(user, Permission.VolunteersManage, person.residencePath);
    });
  }

  /**
   * The organization staff claim for: a party organization or an institution anchored at the demand's
   * unit or above it, or in the caller's volunteers.manage scope, or one with a dual registration
   * (双报到) in force at the demand's community (a co-building unit serving where it registered); 404
   * otherwise, like an unknown id.
   */
  async claimableOrganization(
    manager: EntityManager,
    user: AuthenticatedUser,
    demand: DemandRow,
    id: string,
  ): Promise<ClaimantOrganizationKind> {
    const party = (await this.directory.organizations.byIds([id], manager)).get(id);
    const institution = party ? undefined : (await this.directory.organizations.institutions([id], manager)).get(id);
    if (!party && !institution) throw new NotFoundProblem('该组织或单位');
    const kind: ClaimantOrganizationKind = party ? 'party_organization' : 'institution';
    const anchor = party?.unitPath ?? (institution?.unitPath as string);
    // Anchored at the demand's unit or above it (a community's branch claiming in one of its grids).
    if (isWithin(demand.unit_path, anchor)) return kind;
    if (await this.registeredAt(manager, id, institution?.partyOrganizationId ?? null, demand.unit_path)) return kind;
    if (party) await this.references.reach(user, Permission.VolunteersManage, { organization: id }, manager);
    else this.scope.assertCanReach(user, Permission.VolunteersManage, institution?.unitPath ?? null, '该组织或单位');
    return kind;
  }

  /** The community path of where a person lives (null when they live above community level or are unknown). */
  async communityOf(manager: EntityManager, personId: string): Promise<string | null> {
    const person = (await this.directory.people.byIds([personId], manager)).get(personId);
    return (person && enclosingPath(person.residencePath, 'community')) ?? null;
  }

  private async registeredAt(
    manager: EntityManager,
    id: string,
    partyOrganizationId: string | null,
    demandPath: string,
  ): Promise<boolean> {
    const community = enclosingPath(demandPath, 'community');
    if (community === undefined) return false;
    const registrations = await this.directory.organizations.dualRegistrations(
      {
        onDate: this.calendar.localDate(this.clock.now()),
        organizationIds: partyOrganizationId ? [id, partyOrganizationId] : [id],
        kind: 'organization',
      },
      manager,
    );
    return registrations.some(
      (registration) =>
        registration.communityPath === community &&
        (registration.organizationId === id || registration.institutionId === id),
    );
  }

  private async personSees(manager: EntityManager, user: AuthenticatedUser, row: DemandRow): Promise<boolean> {
    if (await this.demands.involves(manager, row.id, user.personId as string, user.userId)) return true;
    const community = await this.communityOf(manager, user.personId as string);
    return community !== null && isWithin(row.unit_path, community);
  }
}
