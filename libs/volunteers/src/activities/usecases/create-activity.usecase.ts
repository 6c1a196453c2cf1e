import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, Permission, ScopeService, TransactionRunner } from '@linli/platform';
import { newCheckInSecret } from '../../attendance/check-in-code';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { readActivity } from '../activity-record';
import { ActivityDto } from '../dto/activity.dto';
import { CreateActivityDto } from '../dto/create-activity.dto';

/** `POST /volunteers/activities`: the caller (volunteers.manage at the unit) becomes the organizer; a fresh check-in secret is drawn. */
@Injectable()
export class CreateActivityUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, command: CreateActivityDto): Promise<ActivityDto> {
    const unitPath = await this.scope.reachableUnitPath(user, Permission.VolunteersManage, command.unitId);
    const startsAt = new Date(command.startsAt);
    const endsAt = new Date(command.endsAt);
    const deadline = command.signupDeadline ? new Date(command.signupDeadline) : null;
    if (endsAt <= startsAt || (deadline !== null && deadline > endsAt)) throw new ActivitiesException(ActivitiesCode.ActivityTimes);

    return this.transactions.run(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO volunteer_activities (unit_id, title, kind, starts_at, ends_at, capacity, signup_deadline, location_lat, location_lng, location_address,
                                           radius_m, check_in_secret, organizer_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          command.unitId,
          command.title.trim(),
          command.kind,
          startsAt,
          endsAt,
          command.capacity,
          deadline,
          command.location?.lat ?? null,
          command.location?.lng ?? null,
          command.location?.address?.trim() || null,
          command.radiusM ?? null,
          newCheckInSecret(),
          user.userId,
          this.clock.now(),
        ],
      )) as { id: string }[];
      await this.audit.record(
        {
          action: 'volunteers.activity-created',
          targetType: 'volunteer-activity',
          targetId: row.id,
          unitId: command.unitId,
          unitPath,
          data: { title: command.title.trim(), kind: command.kind, startsAt: command.startsAt, endsAt: command.endsAt, capacity: command.capacity },
        },
        manager,
      );
      return ActivityDto.from((await readActivity(manager, row.id)) as NonNullable<Awaited<ReturnType<typeof readActivity>>>);
    });
  }
}
