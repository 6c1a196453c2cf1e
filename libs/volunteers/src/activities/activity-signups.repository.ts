import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginate, queryRows } from '@linli/platform';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { SignupStatus } from './activity-kind';
import { ActivityRecord } from './activity-record';
import { ActivitySignupEntity } from './activity-signup.entity';
import { numericTransformer } from '../profiles/numeric.transformer';

/** A `volunteer_activity_signups` row as the driver gives it. */
interface SignupRow {
  id: string;
  activity_id: string;
  person_id: string;
  status: SignupStatus;
  queue_seq: string;
  signed_up_at: Date;
  signed_up_by: string | null;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  checked_in_at: Date | null;
  checked_out_at: Date | null;
  verified_at: Date | null;
  verified_by: string | null;
  hours: string | null;
  computed_hours: string | null;
  hours_reason: string | null;
  reminded_at: Date | null;
}

/** Plain SQL on the write paths (sign-up, cancellation, check-in run under the activity's lock). */
function toSignup(row: SignupRow): ActivitySignupEntity {
  return {
    id: row.id,
    activityId: row.activity_id,
    personId: row.person_id,
    status: row.status,
    queueSeq: row.queue_seq,
    signedUpAt: row.signed_up_at,
    signedUpBy: row.signed_up_by,
    confirmedAt: row.confirmed_at,
    cancelledAt: row.cancelled_at,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    hours: numericTransformer.from(row.hours),
    computedHours: numericTransformer.from(row.computed_hours),
    hoursReason: row.hours_reason,
    remindedAt: row.reminded_at,
  };
}

/** A person's attendance as check-in and check-out leave it. */
export interface AttendanceTimes {
  checked_in_at: Date;
  checked_out_at: Date | null;
}

/**
 * The activities area's data access for sign-ups: the waitlist, check-in and check-out,
 * verification, the attendance list, reminders.
 */
@Injectable()
export class ActivitySignupsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findSignup(
    manager: EntityManager,
    activityId: string,
    personId: string,
    options: { lock?: boolean } = {},
  ): Promise<ActivitySignupEntity | null> {
    const [row] = await queryRows<SignupRow>(
      manager,
      `SELECT * FROM volunteer_activity_signups WHERE activity_id = $1 AND person_id = $2${options.lock ? ' FOR UPDATE' : ''}`,
      [activityId, personId],
    );
    return row ? toSignup(row) : null;
  }

  async signupsByIds(manager: EntityManager, ids: string[]): Promise<ActivitySignupEntity[]> {
    const rows = await queryRows<SignupRow>(
      manager,
      `SELECT * FROM volunteer_activity_signups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toSignup);
  }

  /** 1-based places in the waitlist of the given waitlisted sign-ups (queue order). */
  async waitlistPositions(
    manager: EntityManager,
    activityId: string,
    signupIds: string[],
  ): Promise<Map<string, number>> {
    if (signupIds.length === 0) return new Map();
    const rows = await queryRows<{ id: string; position: string }>(
      manager,
      `SELECT id, position FROM (
         SELECT id, row_number() OVER (ORDER BY queue_seq) AS position FROM volunteer_activity_signups WHERE activity_id = $1 AND status = 'waitlisted'
       ) q WHERE id = ANY($2::uuid[])`,
      [activityId, signupIds],
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }

  /**
   * Signs a person up (a first sign-up, or again after a cancellation: `renew`, which queues them
   * anew); the sign-up as it now is. The exclusion constraint on live sign-ups may refuse an overlapping one.
   */
  async signUp(
    manager: EntityManager,
    signup: {
      activityId: string;
      personId: string;
      status: SignupStatus;
      activity: Pick<ActivityRecord, 'startsAt' | 'endsAt'>;
      at: Date;
      by: string;
      renew: boolean;
    },
  ): Promise<ActivitySignupEntity> {
    const values = [
      signup.activityId,
      signup.personId,
      signup.status,
      `[${signup.activity.startsAt.toISOString()},${signup.activity.endsAt.toISOString()})`,
      signup.at,
      signup.by,
      signup.status === 'confirmed' ? signup.at : null,
    ];
    const [row] = await queryRows<SignupRow>(
      manager,
      signup.renew
        ? `UPDATE volunteer_activity_signups
              SET status = $3, activity_time = $4::tstzrange, signed_up_at = $5, signed_up_by = $6, confirmed_at = $7,
                  cancelled_at = NULL, queue_seq = nextval('volunteer_activity_signups_queue_seq'), reminded_at = NULL
            WHERE activity_id = $1 AND person_id = $2 RETURNING *`
        : `INSERT INTO volunteer_activity_signups (activity_id, person_id, status, activity_time, signed_up_at, signed_up_by, confirmed_at)
           VALUES ($1, $2, $3, $4::tstzrange, $5, $6, $7) RETURNING *`,
      values,
    );
    return toSignup(row);
  }

  /** Cancels a sign-up; the sign-up as it now is. */
  async cancelSignup(manager: EntityManager, signupId: string, at: Date): Promise<ActivitySignupEntity> {
    const [row] = await queryRows<SignupRow>(
      manager,
      `UPDATE volunteer_activity_signups SET status = 'cancelled', cancelled_at = $2 WHERE id = $1 RETURNING *`,
      [signupId, at],
    );
    return toSignup(row);
  }

  /**
   * The place a confirmed sign-up gave up (under the activity's row lock), in one statement: with
   * `promote`, the first of the waitlist takes it (their sign-up as it now is is answered and the
   * confirmed count stays); else, or when nobody waits, the activity counts one confirmed fewer.
   */
  async releasePlace(
    manager: EntityManager,
    activityId: string,
    at: Date,
    promote: boolean,
  ): Promise<ActivitySignupEntity | undefined> {
    const [row] = await queryRows<SignupRow>(
      manager,
      `WITH promoted AS (
         UPDATE volunteer_activity_signups SET status = 'confirmed', confirmed_at = $2
          WHERE $3 AND id = (SELECT id FROM volunteer_activity_signups WHERE activity_id = $1 AND status = 'waitlisted' ORDER BY queue_seq LIMIT 1 FOR UPDATE)
          RETURNING *
       ), released AS (
         UPDATE volunteer_activities SET confirmed_count = confirmed_count - 1
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM promoted)
       )
       SELECT * FROM promoted`,
      [activityId, at, promote],
    );
    return row ? toSignup(row) : undefined;
  }

  /** Check-in of a confirmed sign-up (the first time is kept); undefined when the person has no confirmed sign-up. */
  async checkIn(
    manager: EntityManager,
    activityId: string,
    personId: string,
    at: Date,
  ): Promise<AttendanceTimes | undefined> {
    const [row] = await queryRows<AttendanceTimes>(
      manager,
      `UPDATE volunteer_activity_signups SET checked_in_at = COALESCE(checked_in_at, $3)
        WHERE activity_id = $1 AND person_id = $2 AND status = 'confirmed' RETURNING checked_in_at, checked_out_at`,
      [activityId, personId, at],
    );
    return row;
  }

  /** Check-out of a checked-in, unverified sign-up (the latest is kept); undefined when there is none such. */
  async checkOut(
    manager: EntityManager,
    activityId: string,
    personId: string,
    at: Date,
  ): Promise<AttendanceTimes | undefined> {
    const [row] = await queryRows<AttendanceTimes>(
      manager,
      `UPDATE volunteer_activity_signups SET checked_out_at = GREATEST($3, checked_in_at)
        WHERE activity_id = $1 AND person_id = $2 AND status = 'confirmed' AND checked_in_at IS NOT NULL AND verified_at IS NULL
        RETURNING checked_in_at, checked_out_at`,
      [activityId, personId, at],
    );
    return row;
  }

  /** The sign-ups a verification takes, row-locked in queue order: everyone checked out and unverified, or the people named. */
  lockForVerification(
    manager: EntityManager,
    activityId: string,
    personIds?: string[],
  ): Promise<ActivitySignupEntity[]> {
    const lock = { mode: 'pessimistic_write' as const };
    return manager.getRepository(ActivitySignupEntity).find({
      where:
        personIds === undefined
          ? { activityId, status: 'confirmed', checkedOutAt: Not(IsNull()), verifiedAt: IsNull() }
          : { activityId, personId: In(personIds) },
      order: { queueSeq: 'ASC' },
      lock,
    });
  }

  /** Marks sign-ups verified with their hours (and what check-in and check-out gave), in one statement. */
  async markVerified(
    manager: EntityManager,
    verified: { id: string; hours: number; computed: number | null }[],
    at: Date,
    by: string,
    reason: string | null,
  ): Promise<void> {
    if (verified.length === 0) return;
    await manager.query(
      `UPDATE volunteer_activity_signups s SET verified_at = $2, verified_by = $3, hours = v.hours, computed_hours = v.computed, hours_reason = $4
         FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, hours numeric, computed numeric)
        WHERE s.id = v.id`,
      [JSON.stringify(verified), at, by, reason],
    );
  }

  async correctHours(
    manager: EntityManager,
    signup: ActivitySignupEntity,
    hours: number,
    reason: string,
  ): Promise<void> {
    await manager
      .getRepository(ActivitySignupEntity)
      .update({ id: signup.id }, { hours, hoursReason: reason, computedHours: signup.computedHours });
  }

  /** A page of an activity's sign-ups in queue order. */
  attendance(
    activityId: string,
    status: SignupStatus | undefined,
    page: PageQueryDto,
  ): Promise<Page<ActivitySignupEntity>> {
    const qb = this.dataSource
      .getRepository(ActivitySignupEntity)
      .createQueryBuilder('signup')
      .where('signup.activityId = :id', { id: activityId });
    if (status) qb.andWhere('signup.status = :status', { status });
    return paginate(qb, page, {
      sortColumn: 'signup.queueSeq',
      sortKey: (s) => s.queueSeq,
      tieBreaker: 'signup.id',
      tieKey: (s) => s.id,
    });
  }

  /** Up to `limit` confirmed, unreminded sign-ups of activities starting in (`after`, `until`], soonest first. */
  dueReminders(
    after: Date,
    until: Date,
    limit: number,
  ): Promise<
    {
      signup_id: string;
      person_id: string;
      title: string;
      starts_at: Date;
      location_address: string | null;
      unit_id: string;
    }[]
  > {
    return queryRows(
      this.dataSource.manager,
      `SELECT s.id AS signup_id, s.person_id, a.title, a.starts_at, a.location_address, a.unit_id
         FROM volunteer_activity_signups s
         JOIN volunteer_activities a ON a.id = s.activity_id
        WHERE s.status = 'confirmed' AND s.reminded_at IS NULL AND a.starts_at > $1 AND a.starts_at <= $2
        ORDER BY a.starts_at, s.id LIMIT $3`,
      [after, until, limit],
    );
  }

  async markReminded(manager: EntityManager, signupIds: string[], at: Date): Promise<void> {
    await manager.query(
      `UPDATE volunteer_activity_signups SET reminded_at = $2 WHERE id = ANY($1::uuid[]) AND reminded_at IS NULL`,
      [signupIds, at],
    );
  }
}
