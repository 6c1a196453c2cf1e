import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The running totals other areas of the module add to a profile, inside their own transaction:
 * verified hours (activities, shifts, approved requests) and ratings (confirmed demands). A person
 * without a profile gets one at the unit where they served, so that no verified hour is lost.
 */
@Injectable()
export class VolunteerRecords {
  async addVerifiedHours(manager: EntityManager, input: { personId: string; hours: number; unitId: string }): Promise<void> {
    if (input.hours <= 0) return;
    await manager.query(
      `INSERT INTO volunteer_profiles (person_id, unit_id, verified_hours)
       VALUES ($1, $2, $3)
       ON CONFLICT (person_id) DO UPDATE SET verified_hours = volunteer_profiles.verified_hours + EXCLUDED.verified_hours, updated_at = now()`,
      [input.personId, input.unitId, input.hours],
    );
  }

  /** A correction of verified hours already counted: `delta` may be negative (the total never goes below zero). */
  async correctVerifiedHours(manager: EntityManager, input: { personId: string; delta: number; unitId: string }): Promise<void> {
    if (input.delta > 0) return this.addVerifiedHours(manager, { personId: input.personId, hours: input.delta, unitId: input.unitId });
    if (input.delta === 0) return;
    await manager.query(`UPDATE volunteer_profiles SET verified_hours = GREATEST(0, verified_hours + $2), updated_at = now() WHERE person_id = $1`, [input.personId, input.delta]);
  }

  async addRating(manager: EntityManager, input: { personId: string; rating: number; unitId: string }): Promise<void> {
    await manager.query(
      `INSERT INTO volunteer_profiles (person_id, unit_id, rating_sum, rating_count)
       VALUES ($1, $2, $3, 1)
       ON CONFLICT (person_id) DO UPDATE SET rating_sum = volunteer_profiles.rating_sum + EXCLUDED.rating_sum,
         rating_count = volunteer_profiles.rating_count + 1, updated_at = now()`,
      [input.personId, input.unitId, input.rating],
    );
  }
}
