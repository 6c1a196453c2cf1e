import { Injectable } from '@nestjs/common';
import { AuthenticatedUser, Clock, currentCheckInCode, Permission, ScopeService } from '@linli/platform';
import { DataSource } from 'typeorm';
import { ActivitiesRepository } from './activities.repository';
import { ActivitySignupsRepository } from './activity-signups.repository';
import { ActivityAccess } from './activity-access.service';
import { ActivityViews } from './activity-views';
import { ActivitiesQueryDto } from './dto/activities-query.dto';
import { ActivityDto, ActivityPageDto } from './dto/activity.dto';
import { AttendancePageDto } from './dto/attendance.dto';
import { AttendanceQueryDto } from './dto/attendance-query.dto';
import { CheckInCodeDto } from './dto/check-in-code.dto';

/** Reading activities (what the caller may see), the venue's check-in code, and the organizer's attendance list. */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly activities: ActivitiesRepository,
    private readonly signups: ActivitySignupsRepository,
    private readonly access: ActivityAccess,
    private readonly views: ActivityViews,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
  ) {}

  /** Soonest first. `unitId` narrows to that unit's subtree (404 if the caller sees nothing there: unknown unit). */
  async list(user: AuthenticatedUser, query: ActivitiesQueryDto): Promise<ActivityPageDto> {
    const visibility = await this.access.visibility(user);
    const page = await this.activities.page(
      visibility,
      {
        unitPath: query.unitId ? await this.scope.unitPath(query.unitId) : undefined,
        kind: query.kind,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
        endsAfter: query.upcoming ? this.clock.now() : undefined,
      },
      query,
    );
    return { items: await this.views.activities(page.items), nextCursor: page.nextCursor };
  }

  async get(user: AuthenticatedUser, id: string): Promise<ActivityDto> {
    return this.views.activity(await this.access.visible(user, id));
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
    const page = await this.signups.attendance(id, query.status, query);
    const waitlisted = page.items.filter((s) => s.status === 'waitlisted').map((s) => s.id);
    const positions = await this.signups.waitlistPositions(this.dataSource.manager, id, waitlisted);
    return { items: await this.views.attendance(page.items, positions), nextCursor: page.nextCursor };
  }
}
