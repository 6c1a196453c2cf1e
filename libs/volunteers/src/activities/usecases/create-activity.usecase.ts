import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  newCheckInSecret,
  Permission,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivitiesRepository } from '../activities.repository';
import { ActivityRecord } from '../activity-record';
import { ActivityViews } from '../activity-views';
import { ActivityDto } from '../dto/activity.dto';
import { CreateActivityDto } from '../dto/create-activity.dto';

/** `POST /volunteers/activities`: the caller (volunteers.manage at the unit) becomes the organizer; a fresh check-in secret is drawn. */
@Injectable()
export class CreateActivityUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly activities: ActivitiesRepository,
    private readonly views: ActivityViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateActivityDto): Promise<ActivityDto> {
    await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    const startsAt = new Date(command.startsAt);
    const endsAt = new Date(command.endsAt);
    const deadline = command.signupDeadline ? new Date(command.signupDeadline) : null;
    if (endsAt <= startsAt || (deadline !== null && deadline > endsAt))
      throw new ActivitiesException(ActivitiesCode.ActivityTimes);

    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, command.unitId);
      const title = command.title.trim();
      const id = await this.activities.insert(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        title,
        kind: command.kind,
        startsAt,
        endsAt,
        capacity: command.capacity,
        signupDeadline: deadline,
        location: command.location
          ? { lat: command.location.lat, lng: command.location.lng, address: command.location.address?.trim() || null }
          : null,
        radiusM: command.radiusM ?? null,
        checkInSecret: newCheckInSecret(),
        organizerUserId: user.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'volunteers.activity-created',
          targetType: 'volunteer-activity',
          targetId: id,
          unitId: command.unitId,
          unitPath: unit.path,
          data: {
            title,
            kind: command.kind,
            startsAt: command.startsAt,
            endsAt: command.endsAt,
            capacity: command.capacity,
          },
        },
        manager,
      );
      return this.views.activity((await this.activities.readOne(manager, id)) as ActivityRecord, manager);
    });
  }
}
