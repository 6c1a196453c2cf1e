import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  descendantsPattern,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  SqlCondition,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import { DeliberationAccess, ResidentIdentity } from '../access/deliberation-access';
import { MEETING_KIND_DEFINITIONS, MEETING_KINDS } from './meeting-kinds';
import { MeetingRecord } from './meeting-record';
import { MeetingsRepository } from './meetings.repository';

const WHAT = '该会议';

/**
 * Who may see a meeting and act on it. Staff act with a deliberation permission in the meeting's
 * scope (404 outside it). Residents see the meetings of their own units and, for the forms open to
 * the whole community (民情恳谈会, 协商议事会, 线上议事厅), those of their community; they check in
 * to the same.
 */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly references: ScopedReferences,
    private readonly access: DeliberationAccess,
    private readonly directory: OrganizationDirectory,
    private readonly meetings: MeetingsRepository,
  ) {}

  /** The meeting, when the caller holds `permission` in its scope (404 otherwise). `lock` takes its row lock. */
  async staff(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    manager?: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<MeetingRecord> {
    await this.references.reachOne(user, permission, 'meeting', id, manager);
    const meeting = await this.meetings.readOne(manager, id, options);
    if (!meeting) throw new NotFoundProblem(WHAT);
    return meeting;
  }

  /** The meeting, when the caller may see it (staff in scope, or a resident it concerns); 404 otherwise. */
  async visible(user: AuthenticatedUser, id: string): Promise<MeetingRecord> {
    const meeting = await this.meetings.readOne(undefined, id);
    if (!meeting) throw new NotFoundProblem(WHAT);
    if (await this.access.canSee(user, meeting.unitPath)) return meeting;
    if (await this.access.canSee(user, await this.residentsPath(meeting))) return meeting;
    throw new NotFoundProblem(WHAT);
  }

  /**
   * SQL condition on the alias `m` for lists: what `DeliberationAccess.visibility` lets the caller
   * see, and for a resident also the open forms anywhere in their community.
   */
  async listVisibility(user: AuthenticatedUser): Promise<SqlCondition> {
    const base = await this.access.visibility(user, 'm.unit_path');
    const resident = await this.access.resident(user);
    if (!resident || base.sql === 'TRUE') return base;
    const community = (await this.directory.units.enclosing([resident.residencePath], 'community')).get(
      resident.residencePath,
    );
    if (!community) return base;
    const open = MEETING_KINDS.filter((kind) => MEETING_KIND_DEFINITIONS[kind].openToCommunity);
    return {
      sql: `(${base.sql} OR (m.kind IN (${open.map((_, i) => `:openKind${i}`).join(', ')}) AND (m.unit_path = :communityPath OR m.unit_path LIKE :communityLike)))`,
      params: {
        ...base.params,
        ...Object.fromEntries(open.map((kind, i) => [`openKind${i}`, kind])),
        communityPath: community.path,
        communityLike: descendantsPattern(community.path),
      },
    };
  }

  /** The resident checking in: living within the meeting's unit (or its community, for the open forms). */
  async attendee(user: AuthenticatedUser, meeting: MeetingRecord, manager?: EntityManager): Promise<ResidentIdentity> {
    return this.access.residentWithin(user, await this.residentsPath(meeting, manager), WHAT, manager);
  }

  /** The subtree whose residents take part: the meeting's unit, or its community for the open forms. */
  private async residentsPath(meeting: MeetingRecord, manager?: EntityManager): Promise<string> {
    if (!MEETING_KIND_DEFINITIONS[meeting.kind].openToCommunity) return meeting.unitPath;
    const community = (await this.directory.units.enclosing([meeting.unitPath], 'community', manager)).get(
      meeting.unitPath,
    );
    return community?.path ?? meeting.unitPath;
  }
}
