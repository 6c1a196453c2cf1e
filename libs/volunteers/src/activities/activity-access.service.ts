import { Injectable } from '@nestjs/common';
import { enclosingPath, OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  descendantsPattern,
  ForbiddenProblem,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  SqlCondition,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { linkedPersonId } from '../volunteers.exception';
import { ActivitiesCode, ActivitiesException } from './activities.exception';
import { ActivitiesRepository } from './activities.repository';
import { ActivityRecord } from './activity-record';

/**
 * Who may see and act on an activity. Staff with volunteers.read see activities at units in their
 * scope. A resident (an account linked to a person) sees the activities of the community they live
 * in (at their community or any unit below it), those at units above their home (street- or
 * district-wide ones), and any activity they are signed up to. Anything else answers 404. Every
 * test runs on the activity's own copy of its unit's path; where the resident lives comes from
 * organization's directory.
 */
@Injectable()
export class ActivityAccess {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly directory: OrganizationDirectory,
    private readonly scope: ScopeService,
    private readonly references: ScopedReferences,
  ) {}

  /** SQL condition on the alias `activity` (a `volunteer_activities` row) restricting to what the caller may see. */
  async visibility(user: AuthenticatedUser): Promise<SqlCondition> {
    const staff = this.scope.scopeFilter(user, Permission.VolunteersRead);
    if (staff === 'all') return { sql: 'TRUE', params: {} };
    const parts: string[] = [];
    const params: Record<string, string> = {};
    if (staff.length > 0) {
      const inScope = unitPathCondition('activity.unit_path', staff, 'staff');
      parts.push(inScope.sql);
      Object.assign(params, inScope.params);
    }
    const residence = user.personId ? await this.residencePath(user.personId) : undefined;
    if (user.personId && residence !== undefined) {
      params.residentPath = residence;
      params.residentPerson = user.personId;
      // At the resident's home or a unit above it…
      parts.push(`(activity.unit_path = :residentPath OR starts_with(:residentPath, activity.unit_path || '.'))`);
      // …or below the community they live in.
      const community = enclosingPath(residence, 'community');
      if (community !== undefined) {
        params.residentCommunity = descendantsPattern(community);
        parts.push(`activity.unit_path LIKE :residentCommunity`);
      }
      parts.push(
        `EXISTS (SELECT 1 FROM volunteer_activity_signups own WHERE own.activity_id = activity.id AND own.person_id = :residentPerson)`,
      );
    }
    return parts.length > 0 ? { sql: `(${parts.join(' OR ')})`, params } : { sql: 'FALSE', params: {} };
  }

  /** The activity if the caller may see it; 404 otherwise. */
  async visible(
    user: AuthenticatedUser,
    id: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<ActivityRecord> {
    const activity = await this.activities.readOne(manager, id, options);
    if (!activity || !(await this.canSee(user, activity))) throw new NotFoundProblem('该活动');
    return activity;
  }

  async canSee(user: AuthenticatedUser, activity: ActivityRecord): Promise<boolean> {
    if (this.scope.canReach(user, Permission.VolunteersRead, activity.unitPath)) return true;
    return this.activities.satisfies(activity.id, await this.visibility(user));
  }

  /** Organizer or staff: the organizer, or volunteers.manage in the activity's unit scope; 404 for anyone else. */
  assertStaff(
    user: AuthenticatedUser,
    activity: ActivityRecord,
    permission: Permission = Permission.VolunteersManage,
  ): void {
    if (activity.organizerUserId === user.userId) return;
    this.scope.assertCanReach(user, permission, activity.unitPath, '该活动');
  }

  /**
   * Verifying and correcting: volunteers.verify in scope, or the organizer. Staff who may only
   * read the activity get 403; anyone else 404.
   */
  assertVerifier(user: AuthenticatedUser, activity: ActivityRecord): void {
    if (
      activity.organizerUserId === user.userId ||
      this.scope.canReach(user, Permission.VolunteersVerify, activity.unitPath)
    )
      return;
    this.scope.assertCanReach(user, Permission.VolunteersRead, activity.unitPath, '该活动');
    throw new ActivitiesException(ActivitiesCode.VerifierOnly);
  }

  /**
   * The person a resident or staff member acts for: oneself when `personId` is omitted or one's own
   * (403 `volunteers.person-not-linked` without a linked person); someone else only with
   * volunteers.manage in the activity's scope (403 otherwise), and the person must live in the
   * caller's volunteers.manage scope (404 otherwise, like an unknown person).
   */
  async actingFor(user: AuthenticatedUser, activity: ActivityRecord, personId: string | undefined): Promise<string> {
    if (personId === undefined || personId === user.personId) {
      return linkedPersonId(user);
    }
    if (!this.scope.canReach(user, Permission.VolunteersManage, activity.unitPath))
      throw new ForbiddenProblem('只能为本人报名、签到或取消');
    await this.references.reachOne(user, Permission.VolunteersManage, 'person', personId);
    return personId;
  }

  private async residencePath(personId: string): Promise<string | undefined> {
    return (await this.directory.people.byIds([personId])).get(personId)?.residencePath;
  }
}
