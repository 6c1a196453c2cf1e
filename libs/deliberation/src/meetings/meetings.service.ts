import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  currentCheckInCode,
  decodeTimeIdCursor,
  encodeCursor,
  PageQueryDto,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { MeetingAttendancePageDto } from './dto/meeting-attendance.dto';
import { MeetingCheckInCodeDto } from './dto/meeting-check-in.dto';
import { MeetingKindListDto } from './dto/meeting-kind.dto';
import { MeetingDetailDto, MeetingPageDto } from './dto/meeting.dto';
import { MeetingsQueryDto } from './dto/meetings-query.dto';
import { MeetingAccess } from './meeting-access';
import { MEETING_KIND_DEFINITIONS, MEETING_KINDS } from './meeting-kinds';
import { MeetingRecord } from './meeting-record';
import { MeetingViews } from './meeting-views';
import { MeetingsCode, MeetingsException } from './meetings.exception';
import { MeetingsRepository } from './meetings.repository';

/** Reading meetings (what the caller may see), the venue's check-in code, the attendance list, cancelling. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly meetings: MeetingsRepository,
    private readonly access: MeetingAccess,
    private readonly views: MeetingViews,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  kinds(): MeetingKindListDto {
    return {
      items: MEETING_KINDS.map((kind) => {
        const d = MEETING_KIND_DEFINITIONS[kind];
        return {
          ...d,
          quorum: { ...d.quorum },
          decision: { ...d.decision },
          unitKinds: d.unitKinds ? [...d.unitKinds] : null,
        };
      }),
    };
  }

  /** Latest start first. `unitId` narrows to that unit's subtree (404 for an unknown unit). */
  async list(user: AuthenticatedUser, query: MeetingsQueryDto): Promise<MeetingPageDto> {
    const limit = query.limit ?? 20;
    const rows = await this.meetings.page(await this.access.listVisibility(user), {
      unitPath: query.unitId ? await this.scope.unitPath(query.unitId) : undefined,
      kind: query.kind,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.list(page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.startsAt.toISOString(), last.id]) : null,
    };
  }

  async get(user: AuthenticatedUser, id: string): Promise<MeetingDetailDto> {
    return this.views.detail(await this.access.visible(user, id));
  }

  /** A meeting not held yet is cancelled (audited); its attendance and check-in close. */
  async cancel(user: AuthenticatedUser, id: string): Promise<MeetingDetailDto> {
    await this.access.staff(user, id, Permission.DeliberationManage);
    return this.transactions.run(async (manager) => {
      const meeting = (await this.meetings.readOne(manager, id, { lock: true })) as MeetingRecord;
      if (meeting.status !== 'scheduled') throw new MeetingsException(MeetingsCode.MeetingNotScheduled);
      await this.meetings.setStatus(manager, id, 'cancelled');
      await this.audit.record(
        {
          action: 'deliberation.meeting-cancelled',
          targetType: 'deliberation-meeting',
          targetId: id,
          unitId: meeting.unitId,
          unitPath: meeting.unitPath,
          data: { title: meeting.title, kind: meeting.kind },
        },
        manager,
      );
      return this.views.detail({ ...meeting, status: 'cancelled' }, manager);
    });
  }

  /** The code to show at the venue now (deliberation.manage in scope). */
  async checkInCode(user: AuthenticatedUser, id: string): Promise<MeetingCheckInCodeDto> {
    const meeting = await this.access.staff(user, id, Permission.DeliberationManage);
    const { code, validUntil } = currentCheckInCode(meeting.checkInSecret, this.clock.now());
    return { code, validUntil: validUntil.toISOString() };
  }

  /** Attendees in the order recorded, with their names (deliberation.read in scope). */
  async attendance(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<MeetingAttendancePageDto> {
    await this.access.staff(user, id, Permission.DeliberationRead);
    const limit = query.limit ?? 20;
    const rows = await this.meetings.attendancePage(
      id,
      query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    );
    const page = rows.slice(0, limit);
    const names = await this.directory.people.names(page.map((row) => row.person_id));
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        personId: row.person_id,
        name: names.get(row.person_id) ?? '',
        method: row.method,
        attendedAt: row.attended_at.toISOString(),
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([last.attended_at.toISOString(), last.person_id]) : null,
    };
  }
}
