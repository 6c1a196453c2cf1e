import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service posts (志愿服务岗位) with their shifts and the people who claimed them. The database keeps
 * the rules that concurrency could break: a shift's claimed count never passes its slots (check),
 * one live claim per person and shift (partial unique index), and no person holds two live claims
 * whose times overlap (exclusion constraint over the shift times copied onto the claim; shift times
 * never change once published). Check-in secrets stay on the shift and are never returned.
 */
export class CreateServicePosts1795350400000 implements MigrationInterface {
  name = 'CreateServicePosts1795350400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trusted since PostgreSQL 13: the database owner may create it. Other tables may rely on it, so `down` keeps it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE volunteer_posts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES units (id),
        title varchar(200) NOT NULL,
        description text,
        category varchar(48),
        required_skills varchar(48)[] NOT NULL DEFAULT '{}',
        slots_per_shift integer NOT NULL,
        location_lat double precision,
        location_lng double precision,
        location_address varchar(200),
        radius_m integer,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_posts_slots_check CHECK (slots_per_shift BETWEEN 1 AND 1000),
        CONSTRAINT volunteer_posts_location_check CHECK ((location_lat IS NULL) = (location_lng IS NULL)),
        CONSTRAINT volunteer_posts_radius_check CHECK (radius_m IS NULL OR (radius_m > 0 AND location_lat IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX volunteer_posts_unit_idx ON volunteer_posts (unit_id)`);
    await queryRunner.query(`CREATE INDEX volunteer_posts_skills_idx ON volunteer_posts USING gin (required_skills)`);
    await queryRunner.query(`
      CREATE TABLE volunteer_post_shifts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES volunteer_posts (id) ON DELETE CASCADE,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        slots integer NOT NULL,
        claimed integer NOT NULL DEFAULT 0,
        check_in_secret varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_post_shifts_times_check CHECK (ends_at > starts_at),
        CONSTRAINT volunteer_post_shifts_claimed_check CHECK (claimed >= 0 AND claimed <= slots)
      )`);
    await queryRunner.query(
      `CREATE INDEX volunteer_post_shifts_post_idx ON volunteer_post_shifts (post_id, starts_at)`,
    );
    await queryRunner.query(`CREATE INDEX volunteer_post_shifts_starts_idx ON volunteer_post_shifts (starts_at)`);
    await queryRunner.query(`
      CREATE TABLE volunteer_shift_claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_id uuid NOT NULL REFERENCES volunteer_posts (id) ON DELETE CASCADE,
        shift_id uuid NOT NULL REFERENCES volunteer_post_shifts (id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES people (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        party_member boolean NOT NULL,
        dual_registered boolean NOT NULL,
        claimed_by uuid NOT NULL,
        claimed_at timestamptz NOT NULL,
        released_at timestamptz,
        released_by uuid,
        checked_in_at timestamptz,
        checked_out_at timestamptz,
        hours numeric(5, 2),
        hours_reason text,
        verified_at timestamptz,
        verified_by uuid,
        reminded_at timestamptz,
        CONSTRAINT volunteer_shift_claims_times_check CHECK (ends_at > starts_at),
        CONSTRAINT volunteer_shift_claims_dual_check CHECK (party_member OR NOT dual_registered),
        CONSTRAINT volunteer_shift_claims_released_check CHECK (released_at IS NULL OR (checked_in_at IS NULL AND verified_at IS NULL)),
        CONSTRAINT volunteer_shift_claims_checkout_check CHECK (checked_out_at IS NULL OR checked_in_at IS NOT NULL),
        CONSTRAINT volunteer_shift_claims_verified_check CHECK ((verified_at IS NULL) = (hours IS NULL)),
        CONSTRAINT volunteer_shift_claims_hours_check CHECK (hours IS NULL OR hours BETWEEN 0 AND 24),
        CONSTRAINT volunteer_shift_claims_overlap_excl EXCLUDE USING gist (person_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (released_at IS NULL)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX volunteer_shift_claims_live_key ON volunteer_shift_claims (shift_id, person_id) WHERE released_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_shift_claims_person_idx ON volunteer_shift_claims (person_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_shift_claims_reminder_idx ON volunteer_shift_claims (starts_at) WHERE released_at IS NULL AND reminded_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE volunteer_shift_claims`);
    await queryRunner.query(`DROP TABLE volunteer_post_shifts`);
    await queryRunner.query(`DROP TABLE volunteer_posts`);
  }
}
