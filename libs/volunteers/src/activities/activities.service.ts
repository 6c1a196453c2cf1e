import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, paginate, Permission, ScopeService, unitPathCondition } from '@linli/platform';
import { DataSource } from 'typeorm';
import { currentCheckInCode } from '../attendance/check-in-code';
import { ActivityAccess } from './activity-access.service';
import { readActivities } from './activity-record';
import { ActivitySignupEntity } from './activity-signup.entity';
import { ActivityEntity } from './activity.entity';
import { ActivitySignups } from './activity-signups.store';
import { personNames } from './attendance-people';
import { ActivitiesQueryDto } from './dto/activities-query.dto';
import { ActivityDto, ActivityPageDto } from './dto/activity.dto';
import { AttendancePageDto, AttendanceDto } from './dto/attendance.dto';
import { AttendanceQueryDto } from './dto/attendance-query.dto';
import { CheckInCodeDto } from './dto/check-in-code.dto';

/** Reading activities (what the caller may see), the venue's check-in code, and the organizer's attendance list. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ActivityAccess,
    private readonly scope: ScopeService,
    private readonly signups: ActivitySignups,
    private readonly clock: Clock,
  ) {}

  /** Soonest first. `unitId` narrows to that unit's subtree (404 if the caller sees nothing there: unknown unit). */
  async list(user: AuthenticatedUser, query: ActivitiesQueryDto): Promise<ActivityPageDto> {
    const visibility = await this.access.visibility(user);
    const qb = this.dataSource.getRepository(ActivityEntity).createQueryBuilder('activity').where(visibility.sql, visibility.params);
    if (query.unitId) {
      const path = await this.scope.unitPath(query.unitId);
      const within = unitPathCondition('filter_unit.path', [path], 'within');
      qb.andWhere(`EXISTS (SELECT 1 FROM units filter_unit WHERE filter_unit.id = activity.unit_id AND ${within.sql})`, within.params);
    }
    if (query.kind) qb.andWhere('activity.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('activity.startsAt >= :from', { from: new Date(query.from) });
    if (query.to) qb.andWhere('activity.startsAt < :to', { to: new Date(query.to) });
    if (query.upcoming) qb.andWhere('activity.endsAt > :now', { now: this.clock.now() });
    const page = await paginate(qb, query, {
      sortColumn: 'activity.startsAt',
      sortKey: (a) => a.startsAt,
      tieBreaker: 'activity.id',
      tieKey: (a) => a.id,
    });
    const records = await readActivities(this.dataSource.manager, page.items.map((a) => a.id));
    return { items: records.map((record) => ActivityDto.from(record)), nextCursor: page.nextCursor };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ActivityDto> {
    return ActivityDto.from(await this.access.visible(user, id));
  }

  /** The code to show at the venue now (the organizer, or volunteers.manage in scope). */
  async checkInCode(user: AuthenticatedUser, id: string): Promise<CheckInCodeDto> {
    const activity = await this.access.visible(user, id);
    this.access.assertStaff(user, activity);
    const { code, validUntil } = currentCheckInCode(activity.checkInSecret, this.clock.now());
    return { code, validUntil: validUntil.toISOString() };
  }

  /** Sign-ups in queue order with their attendance (the organizer, or volunteers.read in scope). */
  async attendance(user: AuthenticatedUser, id: string, query: AttendanceQueryDto): Promise<AttendancePageDto> {
    const activity = await this.access.visible(user, id);
    this.access.assertStaff(user, activity, Permission.VolunteersRead);
    const qb = this.dataSource.getRepository(ActivitySignupEntity).createQueryBuilder('signup').where('signup.activityId = :id', { id });
    if (query.status) qb.andWhere('signup.status = :status', { status: query.status });
    const page = await paginate(qb, query, { sortColumn: 'signup.queueSeq', sortKey: (s) => s.queueSeq, tieBreaker: 'signup.id', tieKey: (s) => s.id });
    const [names, positions] = await Promise.all([
      personNames(this.dataSource.manager, page.items.map((s) => s.personId)),
      this.signups.waitlistPositions(this.dataSource.manager, id, page.items.filter((s) => s.status === 'waitlisted').map((s) => s.id)),
    ]);
    return { items: page.items.map((s) => AttendanceDto.from(s, names.get(s.personId) ?? '', positions.get(s.id) ?? null)), nextCursor: page.nextCursor };
  }
}
