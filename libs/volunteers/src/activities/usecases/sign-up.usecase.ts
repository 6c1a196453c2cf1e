import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { QueryFailedError } from 'typeorm';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivityAccess } from '../activity-access.service';
import { readActivity } from '../activity-record';
import { ActivitySignupEntity } from '../activity-signup.entity';
import { ActivitySignups } from '../activity-signups.store';
import { SignUpDto } from '../dto/sign-up.dto';
import { SignupDto } from '../dto/signup.dto';

const OVERLAP_CONSTRAINT = 'volunteer_activity_signups_overlap';

/**
 * `POST /volunteers/activities/:id/signups`. Sign-ups of one activity queue on its row lock, so the
 * capacity is counted exactly: a place while there is one, else the waitlist in arrival order.
 * Signing up again while signed up answers the same sign-up; after a cancellation it queues anew.
 * A live sign-up (confirmed or waitlisted) to an overlapping activity is refused by the database's
 * exclusion constraint, which also holds between two activities signed up to at the same moment.
 */
@Injectable()
export class SignUpUseCase {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ActivityAccess,
    private readonly signups: ActivitySignups,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, command: SignUpDto): Promise<SignupDto> {
    const visible = await this.access.visible(user, activityId);
    const personId = await this.access.actingFor(user, visible, command.personId);

    return this.transactions.run(async (manager) => {
      const activity = await readActivity(manager, activityId, { lock: true });
      if (!activity) throw new ActivitiesException(ActivitiesCode.SignupClosed);
      const now = this.clock.now();
      const existing = await this.signups.find(manager, activityId, personId);
      if (existing && existing.status !== 'cancelled') {
        return SignupDto.from(existing, (await this.signups.waitlistPositions(manager, activityId, [existing.id])).get(existing.id) ?? null);
      }
      if (now > (activity.signupDeadline ?? activity.startsAt)) throw new ActivitiesException(ActivitiesCode.SignupClosed);

      const status = activity.confirmedCount < activity.capacity ? 'confirmed' : 'waitlisted';
      const values = [activityId, personId, status, `[${activity.startsAt.toISOString()},${activity.endsAt.toISOString()})`, now, user.userId, status === 'confirmed' ? now : null];
      try {
        await manager.query(
          existing
            ? `UPDATE volunteer_activity_signups
                  SET status = $3, activity_time = $4::tstzrange, signed_up_at = $5, signed_up_by = $6, confirmed_at = $7,
                      cancelled_at = NULL, queue_seq = nextval('volunteer_activity_signups_queue_seq'), reminded_at = NULL
                WHERE activity_id = $1 AND person_id = $2`
            : `INSERT INTO volunteer_activity_signups (activity_id, person_id, status, activity_time, signed_up_at, signed_up_by, confirmed_at)
               VALUES ($1, $2, $3, $4::tstzrange, $5, $6, $7)`,
          values,
        );
      } catch (error) {
        if (error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === OVERLAP_CONSTRAINT) {
          throw new ActivitiesException(ActivitiesCode.Overlap);
        }
        throw error;
      }
      if (status === 'confirmed') await manager.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = $1`, [activityId]);
      if (personId !== user.personId) {
        await this.audit.record(
          { action: 'volunteers.activity-signed-up', targetType: 'volunteer-activity', targetId: activityId, unitId: activity.unitId, unitPath: activity.unitPath, data: { personId, status } },
          manager,
        );
      }
      const signup = (await this.signups.find(manager, activityId, personId)) as ActivitySignupEntity;
      return SignupDto.from(signup, (await this.signups.waitlistPositions(manager, activityId, [signup.id])).get(signup.id) ?? null);
    });
  }
}
