import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export type JointAttendanceStatus = 'present' | 'excused' | 'absent';
export const JOINT_ATTENDANCE_STATUSES: readonly JointAttendanceStatus[] = ['present', 'excused', 'absent'];

export interface JointMemberRecord {
  id: string;
  unitId: string;
  unitPath: string;
  organizationId: string;
  rotationOrder: number;
  joinedAt: Date;
  leftAt: Date | null;
}

interface JointMemberRow {
  id: string;
  unit_id: string;
  unit_path: string;
  organization_id: string;
  rotation_order: number;
  joined_at: Date;
  left_at: Date | null;
}

function toRecord(row: JointMemberRow): JointMemberRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    organizationId: row.organization_id,
    rotationOrder: row.rotation_order,
    joinedAt: row.joined_at,
    leftAt: row.left_at,
  };
}

/**
 * Joint-meeting (党建联席会议) members of a community in their rotation order, the chair rotation's
 * inputs, and the members' attendance (`deliberation_joint_members`, `deliberation_joint_attendance`).
 */
@Injectable()
export class JointMembersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async readOne(manager: EntityManager = this.dataSource.manager, id: string): Promise<JointMemberRecord | undefined> {
    const rows = await queryRows<JointMemberRow>(manager, `SELECT * FROM deliberation_joint_members WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /**
   * Every member row of the community (those who left too), in rotation order. `lock` takes their
   * row locks: adding members and choosing a chair queue on them, so two at once never take the
   * same order or the same chair.
   */
  async ofCommunity(
    manager: EntityManager = this.dataSource.manager,
    unitId: string,
    options: { lock?: boolean } = {},
  ): Promise<JointMemberRecord[]> {
    const rows = await queryRows<JointMemberRow>(
      manager,
      `SELECT * FROM deliberation_joint_members WHERE unit_id = $1 ORDER BY rotation_order, id${options.lock ? ' FOR UPDATE' : ''}`,
      [unitId],
    );
    return rows.map(toRecord);
  }

  async insert(
    manager: EntityManager,
    member: { unitId: string; unitPath: string; organizationId: string; rotationOrder: number; at: Date },
  ): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO deliberation_joint_members (unit_id, unit_path, organization_id, rotation_order, joined_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [member.unitId, member.unitPath, member.organizationId, member.rotationOrder, member.at],
    );
    return row.id;
  }

  /** A member who left joins again, at the end of the rotation. */
  async rejoin(manager: EntityManager, id: string, rotationOrder: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE deliberation_joint_members SET left_at = NULL, rotation_order = $2, joined_at = $3 WHERE id = $1`,
      [id, rotationOrder, at],
    );
  }

  /** Whether the member was active and now left (false when it had left already). */
  async leave(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE deliberation_joint_members SET left_at = $2 WHERE id = $1 AND left_at IS NULL RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  /** The chair of the community's latest joint meeting not cancelled (by creation), if any. */
  async previousChair(manager: EntityManager, unitId: string): Promise<string | null> {
    const rows = await queryRows<{ chair_organization_id: string | null }>(
      manager,
      `SELECT chair_organization_id FROM deliberation_meetings
        WHERE unit_id = $1 AND kind = 'joint_meeting' AND status <> 'cancelled' AND chair_organization_id IS NOT NULL
        ORDER BY created_at DESC, starts_at DESC LIMIT 1`,
      [unitId],
    );
    return rows[0]?.chair_organization_id ?? null;
  }

  /** Records (or corrects) a member's attendance at a joint meeting. */
  async recordAttendance(
    manager: EntityManager,
    entry: {
      meetingId: string;
      organizationId: string;
      status: JointAttendanceStatus;
      note: string | null;
      userId: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO deliberation_joint_attendance (meeting_id, organization_id, status, note, recorded_by_user_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (meeting_id, organization_id)
       DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, recorded_by_user_id = EXCLUDED.recorded_by_user_id,
                     recorded_at = EXCLUDED.recorded_at`,
      [entry.meetingId, entry.organizationId, entry.status, entry.note, entry.userId, entry.at],
    );
  }

  async attendanceOf(
    manager: EntityManager,
    meetingId: string,
    organizationId: string,
  ): Promise<JointAttendanceStatus | undefined> {
    const rows = await queryRows<{ status: JointAttendanceStatus }>(
      manager,
      `SELECT status FROM deliberation_joint_attendance WHERE meeting_id = $1 AND organization_id = $2`,
      [meetingId, organizationId],
    );
    return rows[0]?.status;
  }

  /** organizationId → unexcused absences at the community's joint meetings (not cancelled) starting in [from, to). */
  async absences(
    manager: EntityManager = this.dataSource.manager,
    unitId: string,
    organizationIds: string[],
    from: Date,
    to: Date,
  ): Promise<Map<string, number>> {
    if (organizationIds.length === 0) return new Map();
    const rows = await queryRows<{ organization_id: string; absences: number }>(
      manager,
      `SELECT a.organization_id, count(*)::int AS absences
         FROM deliberation_joint_attendance a
         JOIN deliberation_meetings m ON m.id = a.meeting_id
        WHERE m.unit_id = $1 AND m.kind = 'joint_meeting' AND m.status <> 'cancelled'
          AND a.organization_id = ANY($2::uuid[]) AND a.status = 'absent'
          AND m.starts_at >= $3 AND m.starts_at < $4
        GROUP BY a.organization_id`,
      [unitId, organizationIds, from, to],
    );
    return new Map(rows.map((row) => [row.organization_id, row.absences]));
  }

  /** Active member organizations of the communities of these meetings: meetingId → organization ids. */
  async membersOfMeetings(meetingUnitIds: Map<string, string>): Promise<Map<string, string[]>> {
    const unitIds = [...new Set(meetingUnitIds.values())];
    if (unitIds.length === 0) return new Map();
    const rows = await queryRows<{ unit_id: string; organization_id: string }>(
      this.dataSource.manager,
      `SELECT unit_id, organization_id FROM deliberation_joint_members
        WHERE unit_id = ANY($1::uuid[]) AND left_at IS NULL ORDER BY rotation_order`,
      [unitIds],
    );
    const byUnit = new Map<string, string[]>();
    for (const row of rows) byUnit.set(row.unit_id, [...(byUnit.get(row.unit_id) ?? []), row.organization_id]);
    return new Map([...meetingUnitIds].map(([meetingId, unitId]) => [meetingId, byUnit.get(unitId) ?? []]));
  }
}

/**
 * The chair after `previous` in the rotation: the first active member whose order follows the
 * previous chair's, wrapping around to the first; the first active member when there was no
 * previous chair (or it is no member at all). Members who left are skipped; null without members.
 */
export function nextChair(members: JointMemberRecord[], previous: string | null): string | null {
  const active = members.filter((m) => m.leftAt === null).sort((a, b) => a.rotationOrder - b.rotationOrder);
  if (active.length === 0) return null;
  const last = previous === null ? undefined : members.find((m) => m.organizationId === previous);
  if (!last) return active[0].organizationId;
  return (active.find((m) => m.rotationOrder > last.rotationOrder) ?? active[0]).organizationId;
}
