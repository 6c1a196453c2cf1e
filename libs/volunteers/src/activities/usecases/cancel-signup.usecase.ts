import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, TransactionRunner } from '@linli/platform';
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
 * first of the waitlist takes it in the same transaction, which also requests their notice
 * (`NotificationOutbox`: queued once it commits).
 * Cancelling a cancelled sign-up answers it again; after check-in it is refused.
 */
@Injectable()
export class CancelSignupUseCase {
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

    const cancelled = await this.transactions.run(async (manager) => {
      const locked = (await this.activities.readOne(manager, activityId, { lock: true })) as ActivityRecord;
      const signup = await this.signups.findSignup(manager, activityId, personId, { lock: true });
      if (!signup) throw new NotFoundProblem('该报名');
      if (signup.status === 'cancelled') return signup;
      if (signup.checkedInAt !== null) throw new ActivitiesException(ActivitiesCode.CancelClosed);

      const cancelledRow = await this.signups.cancelSignup(manager, signup.id, now);
      let promotedRow: ActivitySignupEntity | null = null;
      if (signup.status === 'confirmed') {
        // Until the activity ends, the first of the waitlist takes the freed place.
        promotedRow = (await this.signups.releasePlace(manager, activityId, now, now < locked.endsAt)) ?? null;
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
      if (promotedRow) {
        // In this transaction: a rolled-back promotion is never announced; the relay queues it after the commit.
        const names = await this.views.unitNames([locked], manager);
        await this.notifier.promoted(
          manager,
          promotedRow.id,
          promotedRow.personId,
          { title: locked.title, startsAt: locked.startsAt, place: placeOf(locked, names.get(locked.unitId) ?? '') },
          now,
        );
      }
      return cancelledRow;
    });

    return SignupDto.from(cancelled, null);
  }
}
