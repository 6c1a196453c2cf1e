import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, BusinessCalendar, Clock, NotFoundProblem, Permission, ScopeService, scopeCovers, scopeOf, UnitScope } from '@linli/platform';
import { PeopleService, UnitsService } from '@linli/organization';
import { EntityManager } from 'typeorm';
import { MemberRegistrationsReader } from './member-registrations.reader';
import { findPost, PostRecord } from './post-records';
import { linkedPersonId } from '../volunteers.exception';

/**
 * Who may see and act on a post. Staff see the posts in their volunteers.read scope and act with
 * their permission where the post is; residents and members (a user linked to a person) see the
 * posts of the community they live in and of the communities where they are dual-registered; the
 * publisher always sees and organizes their own post. Anything else answers 404.
 */
@Injectable()
export class PostAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly people: PeopleService,
    private readonly units: UnitsService,
    private readonly registrations: MemberRegistrationsReader,
    private readonly clock: Clock,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** The subtrees whose posts the caller may browse. */
  async viewScope(manager: EntityManager, user: AuthenticatedUser): Promise<UnitScope> {
    const staff = this.scope.scopeFilter(user, Permission.VolunteersRead);
    if (staff === 'all' || !user.personId) return staff;
    return scopeOf([...staff, ...(await this.residentCommunities(manager, user.personId))]);
  }

  /** The post if the caller may see it; 404 otherwise. */
  async visible(manager: EntityManager, user: AuthenticatedUser, postId: string): Promise<PostRecord> {
    const post = await this.find(manager, postId);
    if (post.createdBy === user.userId || scopeCovers(await this.viewScope(manager, user), post.unitPath)) return post;
    throw new NotFoundProblem('该服务岗位');
  }

  /** The post if the caller holds `permission` where it is (or published it, when `publisherAllowed`); 404 otherwise. */
  async managed(manager: EntityManager, user: AuthenticatedUser, postId: string, permission: Permission, publisherAllowed = false): Promise<PostRecord> {
    const post = await this.find(manager, postId);
    if (this.mayManage(user, post, permission, publisherAllowed)) return post;
    throw new NotFoundProblem('该服务岗位');
  }

  mayManage(user: AuthenticatedUser, post: PostRecord, permission: Permission, publisherAllowed = false): boolean {
    return (publisherAllowed && post.createdBy === user.userId) || this.scope.canReach(user, permission, post.unitPath);
  }

  /**
   * The person a self-service action is for: the caller's own person (403
   * `volunteers.person-not-linked` without one), or, when `personId` names someone else and the
   * post is in the caller's volunteers.manage scope, a person living in that scope or dual-registered
   * at the post's community (404 otherwise).
   */
  async actingPerson(manager: EntityManager, user: AuthenticatedUser, post: PostRecord, personId: string | undefined): Promise<string> {
    if (personId === undefined || personId === user.personId) {
      return linkedPersonId(user);
    }
    if (!this.scope.canReach(user, Permission.VolunteersManage, post.unitPath)) throw new NotFoundProblem('该人员');
    const person = await this.people.get(personId, manager);
    if (this.scope.canReach(user, Permission.VolunteersManage, person.residencePath)) return personId;
    // A member dual-registered at the post's community serves there while living elsewhere.
    const standing = await this.registrations.standing(manager, personId, await this.communityOf(manager, post), this.today());
    if (!standing.dualRegistered) throw new NotFoundProblem('该人员');
    return personId;
  }

  /** The community a post belongs to (its own unit or the nearest community above it). */
  async communityOf(manager: EntityManager, post: PostRecord): Promise<string | null> {
    return (await this.units.ancestorOfKind(post.unitPath, 'community', manager))?.id ?? null;
  }

  /** The post, whoever asks; 404 when unknown. Callers decide who may act on it. */
  async find(manager: EntityManager, postId: string): Promise<PostRecord> {
    const post = await findPost(manager, postId);
    if (!post) throw new NotFoundProblem('该服务岗位');
    return post;
  }

  private today(): string {
    return this.calendar.localDate(this.clock.now());
  }

  private async residentCommunities(manager: EntityManager, personId: string): Promise<string[]> {
    const paths = await this.registrations.communityPaths(manager, personId, this.today());
    const person = await this.people.get(personId, manager).catch(() => undefined);
    const home = person ? await this.units.ancestorOfKind(person.residencePath, 'community', manager) : undefined;
    return home ? [...paths, home.path] : paths;
  }
}
