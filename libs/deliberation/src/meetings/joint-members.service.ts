import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  BusinessCalendar,
  Clock,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { EntityManager } from 'typeorm';
import {
  AddJointMemberDto,
  JointMemberDto,
  JointMemberListDto,
  JointMembersQueryDto,
  MemberAttendanceDto,
  RecordMemberAttendanceDto,
} from './dto/joint-member.dto';
import { JointMemberRecord, JointMembersRepository } from './joint-members.repository';
import { MeetingAccess } from './meeting-access';
import { MeetingsCode, MeetingsException } from './meetings.exception';

/** Unexcused absences in a calendar year that flag a member organization. */
export const ABSENCES_FLAG_THRESHOLD = 3;

/**
 * Joint-meeting members (党建联席会议成员单位) of a community: joining (at the end of the chair
 * rotation), leaving, the list in rotation order with unexcused absences in a calendar year, and
 * a member's attendance at a joint meeting. The third unexcused absence in a year flags the member
 * (audited as deliberation.joint-member-flagged).
 */
@Injectable()
export class JointMembersService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly members: JointMembersRepository,
    private readonly meetingAccess: MeetingAccess,
    private readonly calendar: BusinessCalendar,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async add(user: AuthenticatedUser, command: AddJointMemberDto): Promise<JointMemberDto> {
    await this.references.reach(user, Permission.DeliberationManage, {
      unit: command.unitId,
      organization: command.organizationId,
    });
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      if (unit.kind !== 'community') throw new MeetingsException(MeetingsCode.MeetingUnitKind);
      const all = await this.members.ofCommunity(manager, unit.id, { lock: true });
      const next = all.reduce((max, m) => Math.max(max, m.rotationOrder), 0) + 1;
      const existing = all.find((m) => m.organizationId === command.organizationId.toLowerCase());
      if (existing && existing.leftAt === null) throw new MeetingsException(MeetingsCode.JointMemberExists);
      let id: string;
      if (existing) {
        await this.members.rejoin(manager, existing.id, next, now);
        id = existing.id;
      } else {
        id = await this.members.insert(manager, {
          unitId: unit.id,
          unitPath: unit.path,
          organizationId: command.organizationId,
          rotationOrder: next,
          at: now,
        });
      }
      await this.audit.record(
        {
          action: 'deliberation.joint-member-added',
          targetType: 'deliberation-joint-member',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { organizationId: command.organizationId, rotationOrder: next },
        },
        manager,
      );
      return (await this.views(manager, [(await this.members.readOne(manager, id)) as JointMemberRecord], now))[0];
    });
  }

  async leave(user: AuthenticatedUser, id: string): Promise<JointMemberDto> {
    const member = await this.members.readOne(undefined, id);
    if (!member || !this.scope.canReach(user, Permission.DeliberationManage, member.unitPath))
      throw new NotFoundProblem('该成员单位');
    if (member.leftAt !== null) throw new MeetingsException(MeetingsCode.JointMemberLeft);
    const now = this.clock.now();
    return this.transactions.run(async (manager) => {
      if (!(await this.members.leave(manager, id, now))) throw new MeetingsException(MeetingsCode.JointMemberLeft);
      await this.audit.record(
        {
          action: 'deliberation.joint-member-left',
          targetType: 'deliberation-joint-member',
          targetId: id,
          unitId: member.unitId,
          unitPath: member.unitPath,
          data: { organizationId: member.organizationId },
        },
        manager,
      );
      return (await this.views(manager, [{ ...member, leftAt: now }], now))[0];
    });
  }

  /** Active members in rotation order, with their unexcused absences in `year` (default: this year). */
  async list(user: AuthenticatedUser, query: JointMembersQueryDto): Promise<JointMemberListDto> {
    await this.references.reach(user, Permission.DeliberationRead, { unit: query.unitId });
    const manager = undefined;
    const active = (await this.members.ofCommunity(manager, query.unitId)).filter((m) => m.leftAt === null);
    const year = this.calendar.parse(String(query.year ?? this.calendar.periodOf(this.clock.now(), 'year').key));
    return { items: await this.views(manager, active, year.start), nextCursor: null };
  }

  /** Records (or corrects) a member organization's attendance at a joint meeting. */
  async recordAttendance(
    user: AuthenticatedUser,
    meetingId: string,
    command: RecordMemberAttendanceDto,
  ): Promise<MemberAttendanceDto> {
    const meeting = await this.meetingAccess.staff(user, meetingId, Permission.DeliberationManage);
    await this.references.reach(user, Permission.DeliberationManage, { organization: command.organizationId });
    if (meeting.kind !== 'joint_meeting') throw new MeetingsException(MeetingsCode.NotJointMeeting);
    if (meeting.status === 'cancelled') throw new MeetingsException(MeetingsCode.MeetingNotScheduled);
    const organizationId = command.organizationId.toLowerCase();
    const now = this.clock.now();
    const year = this.calendar.periodOf(meeting.startsAt, 'year');
    return this.transactions.run(async (manager) => {
      const members = await this.members.ofCommunity(manager, meeting.unitId, { lock: true });
      if (!members.some((m) => m.organizationId === organizationId && m.leftAt === null))
        throw new MeetingsException(MeetingsCode.NotJointMember);
      const before = await this.absencesOf(manager, meeting.unitId, organizationId, year);
      await this.members.recordAttendance(manager, {
        meetingId: meeting.id,
        organizationId,
        status: command.status,
        note: command.note?.trim() || null,
        userId: user.userId,
        at: now,
      });
      const absences = await this.absencesOf(manager, meeting.unitId, organizationId, year);
      const audit = { targetId: meeting.id, unitId: meeting.unitId, unitPath: meeting.unitPath };
      await this.audit.record(
        {
          action: 'deliberation.joint-attendance-recorded',
          targetType: 'deliberation-meeting',
          ...audit,
          data: { organizationId, status: command.status, absences },
        },
        manager,
      );
      if (before < ABSENCES_FLAG_THRESHOLD && absences >= ABSENCES_FLAG_THRESHOLD)
        await this.audit.record(
          {
            action: 'deliberation.joint-member-flagged',
            targetType: 'deliberation-meeting',
            ...audit,
            data: { organizationId, year: year.key, absences },
          },
          manager,
        );
      return {
        meetingId: meeting.id,
        organizationId,
        status: command.status,
        absences,
        flagged: absences >= ABSENCES_FLAG_THRESHOLD,
      };
    });
  }

  private async absencesOf(
    manager: EntityManager,
    unitId: string,
    organizationId: string,
    year: { start: Date; end: Date },
  ): Promise<number> {
    return (
      (await this.members.absences(manager, unitId, [organizationId], year.start, year.end)).get(organizationId) ?? 0
    );
  }

  /** Members with their organization's name and absences in the calendar year of `inYear`. */
  private async views(
    manager: EntityManager | undefined,
    members: JointMemberRecord[],
    inYear: Date,
  ): Promise<JointMemberDto[]> {
    const year = this.calendar.periodOf(inYear, 'year');
    const organizations = await this.directory.organizations.byIds(
      members.map((m) => m.organizationId),
      manager,
    );
    const absences = new Map<string, number>();
    for (const unitId of new Set(members.map((m) => m.unitId))) {
      const counts = await this.members.absences(
        manager,
        unitId,
        members.filter((m) => m.unitId === unitId).map((m) => m.organizationId),
        year.start,
        year.end,
      );
      for (const [organizationId, count] of counts) absences.set(`${unitId}/${organizationId}`, count);
    }
    return members.map((m) => {
      const count = absences.get(`${m.unitId}/${m.organizationId}`) ?? 0;
      return {
        id: m.id,
        unitId: m.unitId,
        organizationId: m.organizationId,
        organizationName: organizations.get(m.organizationId)?.name ?? '',
        rotationOrder: m.rotationOrder,
        joinedAt: m.joinedAt.toISOString(),
        leftAt: m.leftAt?.toISOString() ?? null,
        absences: count,
        flagged: count >= ABSENCES_FLAG_THRESHOLD,
      };
    });
  }
}
