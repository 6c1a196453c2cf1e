import { Injectable } from '@nestjs/common';
import { descendantsPattern, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { MeetingKind } from './meeting-kinds';
import { MeetingRecord, MeetingStatus, MinutesDecision, MinutesFollowUp, MinutesRecord } from './meeting-record';

interface MeetingRow {
  id: string;
  unit_id: string;
  unit_path: string;
  kind: MeetingKind;
  title: string;
  location: string | null;
  starts_at: Date;
  ends_at: Date;
  status: MeetingStatus;
  check_in_secret: string;
  chair_organization_id: string | null;
  reminded_at: Date | null;
  created_by_user_id: string;
  created_at: Date;
}

function toRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    kind: row.kind,
    title: row.title,
    location: row.location,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
    checkInSecret: row.check_in_secret,
    chairOrganizationId: row.chair_organization_id,
    remindedAt: row.reminded_at,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  };
}

export type NewMeeting = Omit<MeetingRecord, 'id' | 'status' | 'remindedAt'>;

/** Which meetings a list shows, on top of what the caller may see. */
export interface MeetingFilter {
  unitPath?: string;
  kind?: MeetingKind;
  from?: Date;
  to?: Date;
  /** Keyset: after (starts_at, id) in descending order. */
  after?: [string, string];
  limit: number;
}

export interface AttendanceRow {
  person_id: string;
  method: 'staff' | 'code';
  recorded_by_user_id: string | null;
  attended_at: Date;
}

/**
 * The meetings area's data access for meetings, their agenda, attendance, minutes, and the
 * representatives a representatives' meeting counts (`deliberation_representatives`, read only).
 * Joint-meeting members and their attendance are `JointMembersRepository`'s.
 */
@Injectable()
export class MeetingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async readOne(
    manager: EntityManager = this.dataSource.manager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<MeetingRecord | undefined> {
    const rows = await queryRows<MeetingRow>(
      manager,
      `SELECT * FROM deliberation_meetings WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async insert(manager: EntityManager, meeting: NewMeeting): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_meetings (unit_id, unit_path, kind, title, location, starts_at, ends_at, check_in_secret,
                                          chair_organization_id, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        meeting.unitId,
        meeting.unitPath,
        meeting.kind,
        meeting.title,
        meeting.location,
        meeting.startsAt,
        meeting.endsAt,
        meeting.checkInSecret,
        meeting.chairOrganizationId,
        meeting.createdByUserId,
        meeting.createdAt,
      ],
    );
    return row.id;
  }

  async setStatus(manager: EntityManager, id: string, status: MeetingStatus): Promise<void> {
    await manager.query(`UPDATE deliberation_meetings SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** A page of meetings, latest start first; `visible` is a condition on `m.unit_path` with named parameters. */
  async page(visible: SqlCondition, filter: MeetingFilter): Promise<MeetingRecord[]> {
    const params: unknown[] = [];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [visible.sql.replace(/(?<!:):([A-Za-z_]\w*)/g, (_, name: string) => param(visible.params[name]))];
    if (filter.unitPath !== undefined)
      where.push(
        `(m.unit_path = ${param(filter.unitPath)} OR m.unit_path LIKE ${param(descendantsPattern(filter.unitPath))})`,
      );
    if (filter.kind) where.push(`m.kind = ${param(filter.kind)}`);
    if (filter.from) where.push(`m.starts_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`m.starts_at < ${param(filter.to)}`);
    if (filter.after)
      where.push(`(m.starts_at, m.id) < (${param(filter.after[0])}::timestamptz, ${param(filter.after[1])}::uuid)`);
    const rows = await queryRows<MeetingRow>(
      this.dataSource.manager,
      `SELECT m.* FROM deliberation_meetings m WHERE ${where.join(' AND ')}
        ORDER BY m.starts_at DESC, m.id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return rows.map(toRecord);
  }

  async insertAgenda(manager: EntityManager, meetingId: string, topicIds: string[]): Promise<void> {
    if (topicIds.length === 0) return;
    await manager.query(
      `INSERT INTO deliberation_meeting_agenda (meeting_id, topic_id, position)
       SELECT $1, t.id, t.n FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [meetingId, topicIds],
    );
  }

  /** The agenda in order, with each topic's title. */
  async agenda(
    manager: EntityManager = this.dataSource.manager,
    meetingId: string,
  ): Promise<{ topicId: string; title: string; position: number }[]> {
    const rows = await queryRows<{ topic_id: string; title: string; position: number }>(
      manager,
      `SELECT a.topic_id, t.title, a.position FROM deliberation_meeting_agenda a
         JOIN deliberation_topics t ON t.id = a.topic_id
        WHERE a.meeting_id = $1 ORDER BY a.position`,
      [meetingId],
    );
    return rows.map((row) => ({ topicId: row.topic_id, title: row.title, position: row.position }));
  }

  /** Records the people not yet recorded; answers those newly recorded (a duplicate is skipped). */
  async recordAttendance(
    manager: EntityManager,
    meetingId: string,
    personIds: string[],
    method: 'staff' | 'code',
    recordedByUserId: string | null,
    at: Date,
  ): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `INSERT INTO deliberation_meeting_attendance (meeting_id, person_id, method, recorded_by_user_id, attended_at)
       SELECT $1, p.id, $3, $4, $5 FROM unnest($2::uuid[]) AS p(id) ORDER BY p.id
       ON CONFLICT (meeting_id, person_id) DO NOTHING RETURNING person_id`,
      [meetingId, [...new Set(personIds)], method, recordedByUserId, at],
    );
    return rows.map((row) => row.person_id);
  }

  async attendanceOf(manager: EntityManager, meetingId: string, personId: string): Promise<AttendanceRow | undefined> {
    const rows = await queryRows<AttendanceRow>(
      manager,
      `SELECT person_id, method, recorded_by_user_id, attended_at FROM deliberation_meeting_attendance
        WHERE meeting_id = $1 AND person_id = $2`,
      [meetingId, personId],
    );
    return rows[0];
  }

  async attendeeIds(manager: EntityManager = this.dataSource.manager, meetingId: string): Promise<string[]> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `SELECT person_id FROM deliberation_meeting_attendance WHERE meeting_id = $1 ORDER BY person_id`,
      [meetingId],
    );
    return rows.map((row) => row.person_id);
  }

  /** A page of attendance, in the order recorded. */
  async attendancePage(
    meetingId: string,
    after: [string, string] | undefined,
    limit: number,
  ): Promise<AttendanceRow[]> {
    const params: unknown[] = [meetingId, limit + 1];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = ` AND (attended_at, person_id) > ($3::timestamptz, $4::uuid)`;
    }
    return queryRows<AttendanceRow>(
      this.dataSource.manager,
      `SELECT person_id, method, recorded_by_user_id, attended_at FROM deliberation_meeting_attendance
        WHERE meeting_id = $1${keyset} ORDER BY attended_at, person_id LIMIT $2`,
      params,
    );
  }

  async insertMinutes(manager: EntityManager, minutes: MinutesRecord): Promise<boolean> {
    const rows = await queryRows<{ meeting_id: string }>(
      manager,
      `INSERT INTO deliberation_meeting_minutes (meeting_id, summary, decisions, follow_ups, attendee_count, recorded_by_user_id, recorded_at)
       VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7) ON CONFLICT (meeting_id) DO NOTHING RETURNING meeting_id`,
      [
        minutes.meetingId,
        minutes.summary,
        JSON.stringify(minutes.decisions),
        JSON.stringify(minutes.followUps),
        minutes.attendeeCount,
        minutes.recordedByUserId,
        minutes.recordedAt,
      ],
    );
    return rows.length > 0;
  }

  async minutes(
    manager: EntityManager = this.dataSource.manager,
    meetingId: string,
  ): Promise<MinutesRecord | undefined> {
    const rows = await queryRows<{
      summary: string;
      decisions: MinutesDecision[];
      follow_ups: MinutesFollowUp[];
      attendee_count: number;
      recorded_by_user_id: string;
      recorded_at: Date;
    }>(manager, `SELECT * FROM deliberation_meeting_minutes WHERE meeting_id = $1`, [meetingId]);
    const row = rows[0];
    return row
      ? {
          meetingId,
          summary: row.summary,
          decisions: row.decisions,
          followUps: row.follow_ups,
          attendeeCount: row.attendee_count,
          recordedByUserId: row.recorded_by_user_id,
          recordedAt: row.recorded_at,
        }
      : undefined;
  }

  /** The people serving as representatives within the subtree at `path` on `date` (YYYY-MM-DD): started by then, not ended by then. */
  async representativesWithin(
    manager: EntityManager = this.dataSource.manager,
    path: string,
    date: string,
  ): Promise<string[]> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `SELECT DISTINCT person_id FROM deliberation_representatives
        WHERE (unit_path = $1 OR unit_path LIKE $2) AND started_on <= $3::date AND (ended_on IS NULL OR ended_on > $3::date)
        ORDER BY person_id`,
      [path, descendantsPattern(path), date],
    );
    return rows.map((row) => row.person_id);
  }

  /** Scheduled meetings starting in (now, until] not yet reminded, soonest first. */
  async dueReminders(now: Date, until: Date, limit: number): Promise<MeetingRecord[]> {
    const rows = await queryRows<MeetingRow>(
      this.dataSource.manager,
      `SELECT * FROM deliberation_meetings
        WHERE status = 'scheduled' AND reminded_at IS NULL AND starts_at > $1 AND starts_at <= $2
        ORDER BY starts_at, id LIMIT $3`,
      [now, until, limit],
    );
    return rows.map(toRecord);
  }

  async markReminded(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.query(
      `UPDATE deliberation_meetings SET reminded_at = $2 WHERE id = ANY($1::uuid[]) AND reminded_at IS NULL`,
      [ids, at],
    );
  }
}
