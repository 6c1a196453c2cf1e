import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ErasureReport,
  exportRows,
  IdentityHold,
  IdentityHolds,
  PersonalDataContext,
  PersonalDataErasers,
  PersonalDataExporters,
  queryRows,
} from '@linli/platform';

const DOMAIN = 'volunteers';

/**
 * Volunteers' part of the kernel's personal-data operations, reading volunteers' own tables only:
 *
 * - **export**: the volunteer profile (skills, availability, stage and its changes, verified hours,
 *   rating, bio), team memberships, demands the person asked for, claims, invitations, activity
 *   sign-ups and service-post shifts with their hours, self-reported hour requests;
 * - **identity holds**: an upcoming activity sign-up (`volunteers.upcoming-signup`), an upcoming
 *   shift (`volunteers.upcoming-shift`), a live claim on a demand (`volunteers.claimed-demand`), a
 *   demand of the person's still open (`volunteers.open-demand`), a pending hour request
 *   (`volunteers.pending-hours`);
 * - **erasure**: the profile's free-text bio; hours, sign-ups and history stay under the person id.
 */
@Injectable()
export class VolunteersPersonalData implements OnModuleInit {
  constructor(
    private readonly exporters: PersonalDataExporters,
    private readonly holds: IdentityHolds,
    private readonly erasers: PersonalDataErasers,
  ) {}

  onModuleInit(): void {
    this.exporters.register({ domain: DOMAIN, exportPerson: (id, context) => this.exportPerson(id, context) });
    this.holds.register({ domain: DOMAIN, holdsOf: (id, context) => this.holdsOf(id, context) });
    this.erasers.register({ domain: DOMAIN, erasePerson: (id, context) => this.erasePerson(id, context) });
  }

  async exportPerson(personId: string, { manager }: PersonalDataContext): Promise<Record<string, unknown>> {
    const [profile] = await exportRows(
      manager,
      `SELECT id, unit_id, skills, availability, stage, verified_hours::float8 AS verified_hours, rating_sum,
              rating_count, bio, created_at, updated_at
         FROM volunteer_profiles WHERE person_id = $1`,
      [personId],
    );
    const stageChanges = profile
      ? await exportRows(
          manager,
          `SELECT from_stage, to_stage, reason, changed_at FROM volunteer_stage_changes
            WHERE profile_id = $1 ORDER BY changed_at, id`,
          [profile.id],
        )
      : [];
    return {
      profile: profile ? { ...profile, stageChanges } : null,
      teams: await exportRows(
        manager,
        `SELECT t.id AS team_id, t.name AS team_name, m.role, m.joined_at
           FROM volunteer_team_members m JOIN volunteer_teams t ON t.id = m.team_id
          WHERE m.person_id = $1 ORDER BY m.joined_at, t.id`,
        [personId],
      ),
      demandsRequested: await exportRows(
        manager,
        `SELECT id, kind, unit_id, title, description, status, deadline, rating, created_at
           FROM volunteer_demands WHERE requester_person_id = $1 ORDER BY created_at, id`,
        [personId],
      ),
      demandClaims: await exportRows(
        manager,
        `SELECT c.demand_id, d.title AS demand_title, c.status, c.claimed_at, c.expires_at, c.ended_at
           FROM volunteer_demand_claims c JOIN volunteer_demands d ON d.id = c.demand_id
          WHERE c.claimant_person_id = $1 ORDER BY c.claimed_at, c.id`,
        [personId],
      ),
      demandInvitations: await exportRows(
        manager,
        `SELECT i.demand_id, d.title AS demand_title, i.invited_at
           FROM volunteer_demand_invitations i JOIN volunteer_demands d ON d.id = i.demand_id
          WHERE i.person_id = $1 ORDER BY i.invited_at, i.id`,
        [personId],
      ),
      activitySignups: await exportRows(
        manager,
        `SELECT s.activity_id, a.title AS activity_title, a.starts_at, a.ends_at, s.status, s.signed_up_at,
                s.confirmed_at, s.cancelled_at, s.checked_in_at, s.checked_out_at, s.verified_at,
                s.hours::float8 AS hours, s.hours_reason
           FROM volunteer_activity_signups s JOIN volunteer_activities a ON a.id = s.activity_id
          WHERE s.person_id = $1 ORDER BY a.starts_at, s.id`,
        [personId],
      ),
      shifts: await exportRows(
        manager,
        `SELECT c.post_id, p.title AS post_title, c.shift_id, c.starts_at, c.ends_at, c.claimed_at, c.released_at,
                c.checked_in_at, c.checked_out_at, c.verified_at, c.hours::float8 AS hours, c.hours_reason
           FROM volunteer_shift_claims c JOIN volunteer_posts p ON p.id = c.post_id
          WHERE c.person_id = $1 ORDER BY c.starts_at, c.id`,
        [personId],
      ),
      hourRequests: await exportRows(
        manager,
        `SELECT unit_id, service_date::text AS service_date, hours::float8 AS hours, description, status,
                approved_hours::float8 AS approved_hours, reject_reason, decided_at, created_at
           FROM volunteer_hour_requests WHERE person_id = $1 ORDER BY created_at, id`,
        [personId],
      ),
    };
  }

  async holdsOf(personId: string, { manager, now }: PersonalDataContext): Promise<IdentityHold[]> {
    const [counts] = await queryRows<Record<string, number>>(
      manager,
      `SELECT
         (SELECT count(*)::int FROM volunteer_activity_signups s JOIN volunteer_activities a ON a.id = s.activity_id
           WHERE s.person_id = $1 AND s.status IN ('confirmed', 'waitlisted') AND a.ends_at > $2) AS signups,
         (SELECT count(*)::int FROM volunteer_shift_claims
           WHERE person_id = $1 AND released_at IS NULL AND ends_at > $2) AS shifts,
         (SELECT count(*)::int FROM volunteer_demand_claims
           WHERE claimant_person_id = $1 AND status = 'live') AS claims,
         (SELECT count(*)::int FROM volunteer_demands
           WHERE requester_person_id = $1 AND status IN ('open', 'claimed', 'fulfilled')) AS demands,
         (SELECT count(*)::int FROM volunteer_hour_requests WHERE person_id = $1 AND status = 'pending') AS hours`,
      [personId, now],
    );
    return [
      { code: 'volunteers.upcoming-signup', detail: `报名了 ${counts.signups} 个未结束的活动`, count: counts.signups },
      {
        code: 'volunteers.upcoming-shift',
        detail: `认领了 ${counts.shifts} 个未结束的服务岗位班次`,
        count: counts.shifts,
      },
      { code: 'volunteers.claimed-demand', detail: `认领了 ${counts.claims} 个进行中的需求`, count: counts.claims },
      { code: 'volunteers.open-demand', detail: `发布的 ${counts.demands} 个需求尚未了结`, count: counts.demands },
      { code: 'volunteers.pending-hours', detail: `有 ${counts.hours} 个待审批的服务时长`, count: counts.hours },
    ].filter((hold) => hold.count > 0);
  }

  async erasePerson(personId: string, { manager }: PersonalDataContext): Promise<ErasureReport> {
    const erased = await queryRows<{ id: string }>(
      manager,
      `UPDATE volunteer_profiles SET bio = NULL, updated_at = now() WHERE person_id = $1 AND bio IS NOT NULL RETURNING id`,
      [personId],
    );
    return { erased: erased.length > 0 ? ['bio'] : [] };
  }
}
