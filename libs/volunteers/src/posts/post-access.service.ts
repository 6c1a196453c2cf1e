import { Injectable } from '@nestjs/common';
import { enclosingPath, OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopeService,
  scopeCovers,
  scopeOf,
  UnitScope,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { linkedPersonId } from '../volunteers.exception';
import { PostRecord } from './post-rows';
import { PostsRepository } from './posts.repository';

/** A person's standing when they claim a shift. */
export interface MemberStanding {
  partyMember: boolean;
  /** A party member whose member-kind dual registration (双报到) at the post's community is in force. */
  dualRegistered: boolean;
}

/**
 * Who may see and act on a post. Staff see the posts in their volunteers.read scope and act with
 * their permission where the post is; residents and members (a user linked to a person) see the
 * posts of the community they live in and of the communities where they are dual-registered; the
 * publisher always sees and organizes their own post. Anything else answers 404. People, party
 * memberships, dual registrations and communities come from organization's directory.
 */
@Injectable()
export class PostAccess {
  constructor(
    private readonly scope: ScopeService,
    private readonly posts: PostsRepository,
    private readonly directory: OrganizationDirectory,
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
  async managed(
    manager: EntityManager,
    user: AuthenticatedUser,
    postId: string,
    permission: Permission,
    publisherAllowed = false,
  ): Promise<PostRecord> {
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
  async actingPerson(
    manager: EntityManager,
    user: AuthenticatedUser,
    post: PostRecord,
    personId: string | undefined,
  ): Promise<string> {
    if (personId === undefined || personId === user.personId) {
      return linkedPersonId(user);
    }
    if (!this.scope.canReach(user, Permission.VolunteersManage, post.unitPath)) throw new NotFoundProblem('该人员');
    const person = (await this.directory.people.byIds([personId], manager)).get(personId);
    if (!person) throw new NotFoundProblem('该人员');
    if (this.scope.canReach(user, Permission.VolunteersManage, person.residencePath)) return personId;
    // A member dual-registered at the post's community serves there while living elsewhere.
    const standing = await this.standing(manager, personId, post);
    if (!standing.dualRegistered) throw new NotFoundProblem('该人员');
    return personId;
  }

  /** Whether the person is a party member, and one dual-registered (member kind, in force today) at the post's community. */
  async standing(manager: EntityManager, personId: string, post: PostRecord): Promise<MemberStanding> {
    const today = this.today();
    const community = enclosingPath(post.unitPath, 'community');
    const [memberships, registrations] = await Promise.all([
      this.directory.people.memberships([personId], today, manager),
      this.directory.organizations.dualRegistrations({ onDate: today, personIds: [personId], kind: 'member' }, manager),
    ]);
    return {
      partyMember: memberships.has(personId),
      dualRegistered:
        community !== undefined && registrations.some((registration) => registration.communityPath === community),
    };
  }

  /** The post, whoever asks; 404 when unknown. Callers decide who may act on it. */
  async find(manager: EntityManager, postId: string): Promise<PostRecord> {
    const post = await this.posts.findPost(manager, postId);
    if (!post) throw new NotFoundProblem('该服务岗位');
    return post;
  }

  private today(): string {
    return this.calendar.localDate(this.clock.now());
  }

  /** The communities where the person is dual-registered as a member today, and the one they live in. */
  private async residentCommunities(manager: EntityManager, personId: string): Promise<string[]> {
    const [registrations, people] = await Promise.all([
      this.directory.organizations.dualRegistrations(
        { onDate: this.today(), personIds: [personId], kind: 'member' },
        manager,
      ),
      this.directory.people.byIds([personId], manager),
    ]);
    const paths = [...new Set(registrations.map((registration) => registration.communityPath))];
    const residence = people.get(personId)?.residencePath;
    const home = residence === undefined ? undefined : enclosingPath(residence, 'community');
    return home ? [...paths, home] : paths;
  }
}
