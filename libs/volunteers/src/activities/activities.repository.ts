import { Injectable } from '@nestjs/common';
import {
  Page,
  PageQueryDto,
  paginateSql,
  queryRows,
  SqlCondition,
  SqlPageQuery,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityKind } from './activity-kind';
import { ActivityRecord } from './activity-record';
import { ActivityEntity } from './activity.entity';

interface ActivityRow {
  id: string;
  unit_id: string;
  unit_path: string;
  title: string;
  kind: ActivityKind;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  confirmed_count: number;
  signup_deadline: Date | null;
  location_lat: number | null;
  location_lng: number | null;
  location_address: string | null;
  radius_m: number | null;
  check_in_secret: string;
  organizer_user_id: string;
  created_at: Date;
}

function toRecord(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    title: row.title,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    capacity: row.capacity,
    confirmedCount: row.confirmed_count,
    signupDeadline: row.signup_deadline,
    location:
      row.location_lat !== null && row.location_lng !== null
        ? { lat: row.location_lat, lng: row.location_lng, address: row.location_address }
        : null,
    radiusM: row.radius_m,
    checkInSecret: row.check_in_secret,
    organizerUserId: row.organizer_user_id,
    createdAt: row.created_at,
  };
}

export type NewActivity = Omit<ActivityRecord, 'id' | 'confirmedCount'>;

/** Which activities a list shows, on top of what the caller may see. */
export interface ActivityFilter {
  /** Only at or below this unit. */
  unitPath?: string;
  kind?: ActivityKind;
  from?: Date;
  to?: Date;
  /** Only those not ended by then. */
  endsAfter?: Date;
}

/**
 * The activities area's data access for activities themselves (with a copy of their unit's path);
 * sign-ups, attendance and reminders are `ActivitySignupsRepository`'s.
 */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Activities by id, in the order given. `lock` takes their row locks (sign-ups and cancellations queue on them; check-ins never do). */
  async read(manager: EntityManager, ids: string[], options: { lock?: boolean } = {}): Promise<ActivityRecord[]> {
    if (ids.length === 0) return [];
    const rows = await queryRows<ActivityRow>(
      manager,
      `SELECT a.* FROM volunteer_activities a WHERE a.id = ANY($1::uuid[])${options.lock ? ' FOR UPDATE OF a' : ''}`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, toRecord(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async readOne(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ActivityRecord | undefined> {
    return (await this.read(manager, [id], options))[0];
  }

  async insert(manager: EntityManager, activity: NewActivity): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_activities (unit_id, unit_path, title, kind, starts_at, ends_at, capacity, signup_deadline, location_lat, location_lng, location_address,
                                         radius_m, check_in_secret, organizer_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        activity.unitId,
        activity.unitPath,
        activity.title,
        activity.kind,
        activity.startsAt,
        activity.endsAt,
        activity.capacity,
        activity.signupDeadline,
        activity.location?.lat ?? null,
        activity.location?.lng ?? null,
        activity.location?.address ?? null,
        activity.radiusM,
        activity.checkInSecret,
        activity.organizerUserId,
        activity.createdAt,
      ],
    );
    return row.id;
  }

  /** Moves the confirmed count by `delta` (under the activity's row lock). */
  async adjustConfirmed(manager: EntityManager, activityId: string, delta: 1 | -1): Promise<void> {
    await manager.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count + $2 WHERE id = $1`, [
      activityId,
      delta,
    ]);
  }

  /** A page of the activities `visible` lets the caller see, soonest first. */
  /** A page of activities, soonest start first; plain SQL (the list every volunteer opens). */
  async page(visible: SqlCondition, filter: ActivityFilter, page: PageQueryDto): Promise<Page<ActivityRecord>> {
    const where: SqlPageQuery['where'] = [visible];
    if (filter.unitPath !== undefined) where.push(unitPathCondition('activity.unit_path', [filter.unitPath], 'within'));
    if (filter.kind) where.push({ sql: 'activity.kind = :kind', params: { kind: filter.kind } });
    if (filter.from) where.push({ sql: 'activity.starts_at >= :from', params: { from: filter.from } });
    if (filter.to) where.push({ sql: 'activity.starts_at < :to', params: { to: filter.to } });
    if (filter.endsAfter) where.push({ sql: 'activity.ends_at > :now', params: { now: filter.endsAfter } });
    const rows = await paginateSql<ActivityRow>(
      this.dataSource.manager,
      { select: 'SELECT activity.* FROM volunteer_activities activity', where },
      page,
      {
        sortColumn: 'activity.starts_at',
        sortKey: (row) => row.starts_at,
        tieColumn: 'activity.id',
        tieKey: (row) => row.id,
        direction: 'ASC',
      },
    );
    return { items: rows.items.map(toRecord), nextCursor: rows.nextCursor };
  }

  /** Whether the condition (on the alias `activity`) holds for the activity. */
  async satisfies(activityId: string, condition: SqlCondition): Promise<boolean> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('1')
      .from(ActivityEntity, 'activity')
      .where('activity.id = :id', { id: activityId })
      .andWhere(condition.sql, condition.params)
      .getRawMany();
    return rows.length > 0;
  }
}
