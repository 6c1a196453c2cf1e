import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activities (neighbour activities, themed party days, service days) with sign-ups, the waitlist,
 * check-in/out and verified hours, and self-reported hour requests.
 *
 * Invariants kept here: confirmed sign-ups never exceed the capacity (`confirmed_count`, changed
 * under the activity's row lock); one sign-up row per (activity, person); a person's live sign-ups
 * (confirmed or waitlisted) never overlap in time (an exclusion constraint on a copy of the
 * activity's time range, which activities never change); hours only on verified attendance.
 */
export class CreateVolunteerActivities1795350300000 implements MigrationInterface {
  name = 'CreateVolunteerActivities1795350300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE volunteer_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        title varchar(200) NOT NULL,
        kind varchar(16) NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL,
        confirmed_count integer NOT NULL DEFAULT 0,
        signup_deadline timestamptz,
        location_lat double precision,
        location_lng double precision,
        location_address varchar(200),
        radius_m integer,
        check_in_secret varchar(64) NOT NULL,
        organizer_user_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_activities_kind_check CHECK (kind IN ('neighbour', 'party_day', 'service')),
        CONSTRAINT volunteer_activities_time_check CHECK (ends_at > starts_at),
        CONSTRAINT volunteer_activities_deadline_check CHECK (signup_deadline IS NULL OR signup_deadline <= ends_at),
        CONSTRAINT volunteer_activities_capacity_check CHECK (capacity > 0 AND confirmed_count BETWEEN 0 AND capacity),
        CONSTRAINT volunteer_activities_location_check CHECK ((location_lat IS NULL) = (location_lng IS NULL)),
        CONSTRAINT volunteer_activities_radius_check CHECK (radius_m IS NULL OR (radius_m > 0 AND location_lat IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX volunteer_activities_unit_idx ON volunteer_activities (unit_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX volunteer_activities_starts_idx ON volunteer_activities (starts_at, id)`);

    await queryRunner.query(`CREATE SEQUENCE volunteer_activity_signups_queue_seq`);
    await queryRunner.query(`
      CREATE TABLE volunteer_activity_signups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        activity_id uuid NOT NULL REFERENCES volunteer_activities (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        status varchar(16) NOT NULL,
        queue_seq bigint NOT NULL DEFAULT nextval('volunteer_activity_signups_queue_seq'),
        activity_time tstzrange NOT NULL,
        signed_up_at timestamptz NOT NULL,
        signed_up_by uuid,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        verified_at timestamptz,
        verified_by uuid,
        hours numeric(6, 2),
        computed_hours numeric(6, 2),
        hours_reason text,
        reminded_at timestamptz,
        CONSTRAINT volunteer_activity_signups_person_key UNIQUE (activity_id, person_id),
        CONSTRAINT volunteer_activity_signups_status_check CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
        CONSTRAINT volunteer_activity_signups_attendance_check CHECK (
          (checked_in_at IS NULL OR status = 'confirmed') AND (checked_out_at IS NULL OR checked_in_at IS NOT NULL)
        ),
        CONSTRAINT volunteer_activity_signups_hours_check CHECK ((verified_at IS NULL) = (hours IS NULL) AND (hours IS NULL OR hours BETWEEN 0 AND 999)),
        CONSTRAINT volunteer_activity_signups_overlap EXCLUDE USING gist (person_id WITH =, activity_time WITH &&) WHERE (status <> 'cancelled')
      )`);
    await queryRunner.query(
      `ALTER SEQUENCE volunteer_activity_signups_queue_seq OWNED BY volunteer_activity_signups.queue_seq`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_activity_signups_queue_idx ON volunteer_activity_signups (activity_id, status, queue_seq)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_activity_signups_person_idx ON volunteer_activity_signups (person_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_activity_signups_unreminded_idx ON volunteer_activity_signups (activity_id) WHERE status = 'confirmed' AND reminded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE volunteer_hour_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        service_date date NOT NULL,
        hours numeric(5, 2) NOT NULL,
        description text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'pending',
        approved_hours numeric(5, 2),
        reject_reason text,
        requested_by uuid NOT NULL,
        decided_by uuid,
        decided_at timestamptz,
        created_at timestamptz NOT NULL,
        CONSTRAINT volunteer_hour_requests_status_check CHECK (status IN ('pending', 'approved', 'rejected')),
        CONSTRAINT volunteer_hour_requests_hours_check CHECK (hours > 0 AND hours <= 24 AND (approved_hours IS NULL OR (approved_hours > 0 AND approved_hours <= 24))),
        CONSTRAINT volunteer_hour_requests_decision_check CHECK (
          (status = 'pending' AND decided_at IS NULL AND approved_hours IS NULL AND reject_reason IS NULL)
          OR (status = 'approved' AND decided_at IS NOT NULL AND approved_hours IS NOT NULL AND reject_reason IS NULL)
          OR (status = 'rejected' AND decided_at IS NOT NULL AND approved_hours IS NULL AND reject_reason IS NOT NULL)
        )
      )`);
    await queryRunner.query(
      `CREATE INDEX volunteer_hour_requests_unit_idx ON volunteer_hour_requests (unit_id, created_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_hour_requests_person_idx ON volunteer_hour_requests (person_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE volunteer_hour_requests`);
    await queryRunner.query(`DROP TABLE volunteer_activity_signups`);
    await queryRunner.query(`DROP TABLE volunteer_activities`);
  }
}
