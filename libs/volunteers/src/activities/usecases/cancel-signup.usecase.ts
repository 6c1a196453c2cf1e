import { Injectable, Logger } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, queryRows, TransactionRunner } from '@linli/platform';
import { EntityManager } from 'typeorm';
import { ActivitiesNotifier } from '../activities-notifier';
import { ActivitiesCode, ActivitiesException } from '../activities.exception';
import { ActivityAccess } from '../activity-access.service';
import { ActivityRecord, placeOf, readActivity } from '../activity-record';
import { ActivitySignupEntity } from '../activity-signup.entity';
import { ActivitySignups } from '../activity-signups.store';
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
    private readonly signups: ActivitySignups,
    private readonly notifier: ActivitiesNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(user: AuthenticatedUser, activityId: string, personIdParam: string | undefined): Promise<SignupDto> {
    const visible = await this.access.visible(user, activityId);
    const personId = await this.access.actingFor(user, visible, personIdParam);
    const now = this.clock.now();

    const { cancelled, promoted, activity } = await this.transactions.run(async (manager) => {
      const locked = (await readActivity(manager, activityId, { lock: true })) as ActivityRecord;
      const signup = await this.signups.find(manager, activityId, personId, { lock: true });
      if (!signup) throw new NotFoundProblem('该报名');
      if (signup.status === 'cancelled') return { cancelled: signup, promoted: null, activity: locked };
      if (signup.checkedInAt !== null) throw new ActivitiesException(ActivitiesCode.CancelClosed);

      await manager.query(`UPDATE volunteer_activity_signups SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [signup.id, now]);
      let promotedRow: ActivitySignupEntity | null = null;
      if (signup.status === 'confirmed') {
        await manager.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count - 1 WHERE id = $1`, [activityId]);
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
      const cancelledRow = (await this.signups.find(manager, activityId, personId)) as ActivitySignupEntity;
      return { cancelled: cancelledRow, promoted: promotedRow, activity: locked };
    });

    if (promoted) {
      // After the commit: a rolled-back promotion must not be announced. The dedupe key makes a retry harmless.
      await this.notifier
        .promoted(promoted.id, promoted.personId, { title: activity.title, startsAt: activity.startsAt, place: placeOf(activity) }, now)
        .catch((error: unknown) => this.logger.error(`promotion notice for sign-up ${promoted.id} not queued: ${String(error)}`));
    }
    return SignupDto.from(cancelled, null);
  }

  private async promoteNext(manager: EntityManager, activityId: string, now: Date): Promise<ActivitySignupEntity | null> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE volunteer_activity_signups SET status = 'confirmed', confirmed_at = $2
        WHERE id = (SELECT id FROM volunteer_activity_signups WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY queue_seq LIMIT 1 FOR UPDATE)
        RETURNING id`,
      [activityId, now],
    );
    if (rows.length === 0) return null;
    await manager.query(`UPDATE volunteer_activities SET confirmed_count = confirmed_count + 1 WHERE id = $1`, [activityId]);
    return manager.getRepository(ActivitySignupEntity).findOneByOrFail({ id: rows[0].id });
  }
}
