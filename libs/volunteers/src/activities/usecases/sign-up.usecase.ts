import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { isExclusionViolation } from '../../attendance/overlap-violation';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivitiesRepository } from '../activities.repository';
import { ActivitySignupsRepository } from '../activity-signups.repository';
import { ActivityAccess } from '../activity-access.service';
import { ActivitySignupEntity } from '../activity-signup.entity';
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
    private readonly activities: ActivitiesRepository,
    private readonly signups: ActivitySignupsRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, command: SignUpDto): Promise<SignupDto> {
    const visible = await this.access.visible(user, activityId);
    const personId = await this.access.actingFor(user, visible, command.personId);

    return this.transactions.run(async (manager) => {
      const activity = await this.activities.readOne(manager, activityId, { lock: true });
      if (!activity) throw new ActivitiesException(ActivitiesCode.SignupClosed);
      const now = this.clock.now();
      const existing = await this.signups.findSignup(manager, activityId, personId);
      if (existing && existing.status !== 'cancelled') {
        return SignupDto.from(existing, await this.waitlistPosition(manager, existing));
      }
      if (now > (activity.signupDeadline ?? activity.startsAt))
        throw new ActivitiesException(ActivitiesCode.SignupClosed);

      const status = activity.confirmedCount < activity.capacity ? 'confirmed' : 'waitlisted';
      let signup: ActivitySignupEntity;
      try {
        signup = await this.signups.signUp(manager, {
          activityId,
          personId,
          status,
          activity,
          at: now,
          by: user.userId,
          renew: existing !== null,
        });
      } catch (error) {
        if (isExclusionViolation(error, OVERLAP_CONSTRAINT)) throw new ActivitiesException(ActivitiesCode.Overlap);
        throw error;
      }
      if (status === 'confirmed') await this.activities.adjustConfirmed(manager, activityId, 1);
      if (personId !== user.personId) {
        await this.audit.record(
          {
            action: 'volunteers.activity-signed-up',
            targetType: 'volunteer-activity',
            targetId: activityId,
            unitId: activity.unitId,
            unitPath: activity.unitPath,
            data: { personId, status },
          },
          manager,
        );
      }
      return SignupDto.from(signup, await this.waitlistPosition(manager, signup));
    });
  }

  /** Its place in the waitlist; null (and no statement) for a confirmed one. */
  private async waitlistPosition(manager: EntityManager, signup: ActivitySignupEntity): Promise<number | null> {
    if (signup.status !== 'waitlisted') return null;
    return (await this.signups.waitlistPositions(manager, signup.activityId, [signup.id])).get(signup.id) ?? null;
  }
}
