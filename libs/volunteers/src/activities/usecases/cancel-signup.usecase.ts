import { Injectable, Logger } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ActivitiesNotifier } from '../activities-notifier';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivitiesRepository } from '../activities.repository';
import { ActivitySignupsRepository } from '../activity-signups.repository';
import { ActivityAccess } from '../activity-access.service';
import { ActivityRecord, placeOf } from '../activity-record';
import { ActivitySignupEntity } from '../activity-signup.entity';
import { ActivityViews } from '../activity-views';
import { SignupDto } from '../dto/signup.dto';

/**
 * `DELETE /volunteers/activities/:id/signups/me` (or `/:personId` by staff). Under the activity's
 * row lock: the sign-up is cancelled and, if it held a place and the activity has not ended, the
 * first of the waitlist takes it in the same transaction; they are notified once it committed.
 * Cancelling a cancelled sign-up answers it again; after check-in it is refused.
 */
@Injectable()
export class CancelSignupUseCase {
  private readonly logger = new Logger(CancelSignupUseCase.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly access: ActivityAccess,
    private readonly activities: ActivitiesRepository,
    private readonly signups: ActivitySignupsRepository,
    private readonly views: ActivityViews,
    private readonly notifier: ActivitiesNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, personIdParam: string | undefined): Promise<SignupDto> {
    const visible = await this.access.visible(user, activityId);
    const personId = await this.access.actingFor(user, visible, personIdParam);
    const now = this.clock.now();

    const { cancelled, promoted, activity } = await this.transactions.run(async (manager) => {
      const locked = (await this.activities.readOne(manager, activityId, { lock: true })) as ActivityRecord;
      const signup = await this.signups.findSignup(manager, activityId, personId, { lock: true });
      if (!signup) throw new NotFoundProblem('该报名');
      if (signup.status === 'cancelled') return { cancelled: signup, promoted: null, activity: locked };
      if (signup.checkedInAt !== null) throw new ActivitiesException(ActivitiesCode.CancelClosed);

      await this.signups.cancelSignup(manager, signup.id, now);
      let promotedRow: ActivitySignupEntity | null = null;
      if (signup.status === 'confirmed') {
        await this.activities.adjustConfirmed(manager, activityId, -1);
        if (now < locked.endsAt) promotedRow = await this.promoteNext(manager, activityId, now);
      }
      if (personId !== user.personId) {
        await this.audit.record(
          {
            action: 'volunteers.activity-signup-cancelled',
            targetType: 'volunteer-activity',
            targetId: activityId,
            unitId: locked.unitId,
            unitPath: locked.unitPath,
            data: { personId, promotedPersonId: promotedRow?.personId ?? null },
          },
          manager,
        );
      }
      const cancelledRow = (await this.signups.findSignup(manager, activityId, personId)) as ActivitySignupEntity;
      return { cancelled: cancelledRow, promoted: promotedRow, activity: locked };
    });

    if (promoted) {
      // After the commit: a rolled-back promotion must not be announced. The dedupe key makes a retry harmless.
      await this.views
        .unitNames([activity])
        .then((names) =>
          this.notifier.promoted(
            promoted.id,
            promoted.personId,
            {
              title: activity.title,
              startsAt: activity.startsAt,
              place: placeOf(activity, names.get(activity.unitId) ?? ''),
            },
            now,
          ),
        )
        .catch((error: unknown) =>
          this.logger.error(`promotion notice for sign-up ${promoted.id} not queued: ${String(error)}`),
        );
    }
    return SignupDto.from(cancelled, null);
  }

  /** The first of the waitlist takes the freed place. */
  private async promoteNext(
    manager: EntityManager,
    activityId: string,
    now: Date,
  ): Promise<ActivitySignupEntity | null> {
    const promotedId = await this.signups.promoteNext(manager, activityId, now);
    if (promotedId === undefined) return null;
    await this.activities.adjustConfirmed(manager, activityId, 1);
    return (await this.signups.signupsByIds(manager, [promotedId]))[0];
  }
}
