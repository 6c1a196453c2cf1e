import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quarterly assessment (双积分 季度考核).
 *
 * - `point_assessment_thresholds`: per owner type, the minimum score of each tier; a deployment
 *   overrides the defaults (`DEFAULT_ASSESSMENT_THRESHOLDS`) by inserting a row.
 * - `point_assessment_periods`: one row per assessed quarter, `draft` until published.
 * - `point_assessments`: one result per (period, owner); a trigger refuses any change to rows of a
 *   published period, so published results are immutable.
 * - An index on assessment entries by account and time, for the quarter sums and live leaderboards.
 */
export class CreatePointsAssessment1795340200000 implements MigrationInterface {
  name = 'CreatePointsAssessment1795340200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE point_assessment_thresholds (
        owner_type varchar(16) PRIMARY KEY,
        excellent integer NOT NULL,
        good integer NOT NULL,
        pass integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_assessment_thresholds_owner_type_check CHECK (owner_type IN ('person', 'organization')),
        CONSTRAINT point_assessment_thresholds_order_check CHECK (excellent >= good AND good >= pass AND pass >= 0)
      )`);

    await queryRunner.query(`
      CREATE TABLE point_assessment_periods (
        period_key varchar(8) PRIMARY KEY,
        status varchar(16) NOT NULL DEFAULT 'draft',
        computed_at timestamptz,
        published_at timestamptz,
        published_by uuid,
        CONSTRAINT point_assessment_periods_key_check CHECK (period_key ~ '^[0-9]{4}Q[1-4]$'),
        CONSTRAINT point_assessment_periods_status_check CHECK (status IN ('draft', 'published')),
        CONSTRAINT point_assessment_periods_published_check CHECK ((status = 'published') = (published_at IS NOT NULL))
      )`);

    await queryRunner.query(`
      CREATE TABLE point_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period_key varchar(8) NOT NULL REFERENCES point_assessment_periods (period_key),
        owner_type varchar(16) NOT NULL,
        owner_id uuid NOT NULL,
        unit_path text NOT NULL,
        community_id uuid,
        street_id uuid,
        assessment_points bigint NOT NULL,
        evaluation_points integer NOT NULL DEFAULT 0,
        score bigint NOT NULL,
        tier varchar(16) NOT NULL,
        community_rank integer,
        street_rank integer,
        ineffective boolean NOT NULL DEFAULT false,
        leadership_review boolean NOT NULL DEFAULT false,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_assessments_owner_key UNIQUE (period_key, owner_type, owner_id),
        CONSTRAINT point_assessments_owner_type_check CHECK (owner_type IN ('person', 'organization')),
        CONSTRAINT point_assessments_tier_check CHECK (tier IN ('excellent', 'good', 'pass', 'below_standard')),
        CONSTRAINT point_assessments_score_check CHECK (score = assessment_points + evaluation_points),
        CONSTRAINT point_assessments_flags_check CHECK (
          (owner_type = 'organization' OR NOT ineffective) AND (ineffective = (owner_type = 'organization' AND tier = 'below_standard')) AND (ineffective OR NOT leadership_review))
      )`);
    await queryRunner.query(
      `CREATE INDEX point_assessments_period_path_idx ON point_assessments (period_key, owner_type, unit_path text_pattern_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX point_assessments_owner_idx ON point_assessments (owner_type, owner_id, period_key)`,
    );

    await queryRunner.query(`
      CREATE FUNCTION point_assessments_refuse_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM point_assessment_periods WHERE period_key = OLD.period_key AND status = 'published') THEN
          RAISE EXCEPTION 'point_assessments of published period % are immutable', OLD.period_key USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER point_assessments_immutable BEFORE UPDATE OR DELETE ON point_assessments
      FOR EACH ROW EXECUTE FUNCTION point_assessments_refuse_published()`);
    await queryRunner.query(`
      CREATE FUNCTION point_assessment_periods_refuse_unpublish() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'assessment period % is published', OLD.period_key USING ERRCODE = 'check_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER point_assessment_periods_immutable BEFORE UPDATE OR DELETE ON point_assessment_periods
      FOR EACH ROW EXECUTE FUNCTION point_assessment_periods_refuse_unpublish()`);

    await queryRunner.query(
      `CREATE INDEX point_entries_account_time_idx ON point_entries (account_id, occurred_at) INCLUDE (amount)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX point_entries_account_time_idx`);
    await queryRunner.query(`DROP TABLE point_assessments`);
    await queryRunner.query(`DROP FUNCTION point_assessments_refuse_published()`);
    await queryRunner.query(`DROP TABLE point_assessment_periods`);
    await queryRunner.query(`DROP FUNCTION point_assessment_periods_refuse_unpublish()`);
    await queryRunner.query(`DROP TABLE point_assessment_thresholds`);
  }
}
