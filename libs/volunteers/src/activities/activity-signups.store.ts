import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivitySignupEntity } from './activity-signup.entity';

/** Reads of sign-ups shared by the use cases: one person's, and waitlist positions. */
@Injectable()
export class ActivitySignups {
  find(manager: EntityManager, activityId: string, personId: string, options: { lock?: boolean } = {}): Promise<ActivitySignupEntity | null> {
    return manager.getRepository(ActivitySignupEntity).findOne({ where: { activityId, personId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  /** 1-based places in the waitlist of the given waitlisted sign-ups (queue order). */
  async waitlistPositions(manager: EntityManager, activityId: string, signupIds: string[]): Promise<Map<string, number>> {
    if (signupIds.length === 0) return new Map();
    const rows: { id: string; position: string }[] = await manager.query(
      `SELECT id, position FROM (
         SELECT id, row_number() OVER (ORDER BY queue_seq) AS position FROM volunteer_activity_signups WHERE activity_id = $1 AND status = 'waitlisted'
       ) q WHERE id = ANY($2::uuid[])`,
      [activityId, signupIds],
    );
    return new Map(rows.map((row) => [row.id, Number(row.position)]));
  }
}
