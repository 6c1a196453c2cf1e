import { MigrationInterface, QueryRunner } from 'typeorm';
import { BUILTIN_SKILLS } from '../profiles/volunteer-skills';

/**
 * Volunteer profiles (one per person) with their skills from a maintained taxonomy, verified hours
 * and ratings kept as running totals, and the history of growth-path stage changes. Volunteer
 * tables keep only the unit id, never a copy of its path: scope and closeness join `units`, so a
 * moved subtree needs no rewrite here.
 */
export class CreateVolunteerProfiles1795350000000 implements MigrationInterface {
  name = 'CreateVolunteerProfiles1795350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE volunteer_skills (
        code varchar(48) PRIMARY KEY,
        name varchar(64) NOT NULL,
        builtin boolean NOT NULL DEFAULT false,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_skills_name_key UNIQUE (name)
      )`);
    for (const skill of BUILTIN_SKILLS) {
      await queryRunner.query(`INSERT INTO volunteer_skills (code, name, builtin) VALUES ($1, $2, true)`, [
        skill.code,
        skill.name,
      ]);
    }
    await queryRunner.query(`
      CREATE TABLE volunteer_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES people (id),
        unit_id uuid NOT NULL REFERENCES units (id),
        skills varchar(48)[] NOT NULL DEFAULT '{}',
        availability varchar(32)[] NOT NULL DEFAULT '{}',
        stage varchar(32) NOT NULL DEFAULT 'volunteer',
        verified_hours numeric(10, 2) NOT NULL DEFAULT 0,
        rating_sum integer NOT NULL DEFAULT 0,
        rating_count integer NOT NULL DEFAULT 0,
        bio text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteer_profiles_person_key UNIQUE (person_id),
        CONSTRAINT volunteer_profiles_stage_check CHECK (stage IN ('volunteer', 'core_member', 'deputy_secretary_candidate')),
        CONSTRAINT volunteer_profiles_hours_check CHECK (verified_hours >= 0),
        CONSTRAINT volunteer_profiles_rating_check CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND rating_count * 5)
      )`);
    await queryRunner.query(`CREATE INDEX volunteer_profiles_unit_idx ON volunteer_profiles (unit_id)`);
    await queryRunner.query(`CREATE INDEX volunteer_profiles_skills_idx ON volunteer_profiles USING gin (skills)`);
    await queryRunner.query(`
      CREATE TABLE volunteer_stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        profile_id uuid NOT NULL REFERENCES volunteer_profiles (id) ON DELETE CASCADE,
        from_stage varchar(32) NOT NULL,
        to_stage varchar(32) NOT NULL,
        reason text NOT NULL,
        changed_by uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX volunteer_stage_changes_profile_idx ON volunteer_stage_changes (profile_id, changed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE volunteer_stage_changes`);
    await queryRunner.query(`DROP TABLE volunteer_profiles`);
    await queryRunner.query(`DROP TABLE volunteer_skills`);
  }
}
