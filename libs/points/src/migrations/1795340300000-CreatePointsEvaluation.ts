import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-way evaluation (双向评价): yearly campaigns scoped to a unit, the assignments generated from
 * the active dual registrations of its subtree, and one submission per assignment (unique key).
 */
export class CreatePointsEvaluation1795340300000 implements MigrationInterface {
  name = 'CreatePointsEvaluation1795340300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE point_evaluation_campaigns (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL,
        name varchar(200) NOT NULL,
        unit_id uuid NOT NULL REFERENCES units (id),
        unit_path text NOT NULL,
        criteria jsonb NOT NULL,
        opens_at timestamptz,
        closes_at timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_evaluation_campaigns_year_check CHECK (year BETWEEN 2000 AND 2100),
        CONSTRAINT point_evaluation_campaigns_window_check CHECK (opens_at IS NULL OR closes_at IS NULL OR closes_at > opens_at)
      )`);
    await queryRunner.query(`CREATE INDEX point_evaluation_campaigns_year_idx ON point_evaluation_campaigns (year)`);
    await queryRunner.query(`
      CREATE TABLE point_evaluation_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        campaign_id uuid NOT NULL REFERENCES point_evaluation_campaigns (id) ON DELETE CASCADE,
        registration_id uuid NOT NULL REFERENCES dual_registrations (id),
        rater_type varchar(16) NOT NULL,
        rater_id uuid NOT NULL,
        rater_path text NOT NULL,
        ratee_type varchar(16) NOT NULL,
        ratee_id uuid NOT NULL,
        CONSTRAINT point_evaluation_assignments_key UNIQUE (campaign_id, rater_type, rater_id, ratee_type, ratee_id),
        CONSTRAINT point_evaluation_assignments_rater_check CHECK (rater_type IN ('community', 'organization')),
        CONSTRAINT point_evaluation_assignments_ratee_check CHECK (ratee_type IN ('community', 'organization', 'person'))
      )`);
    await queryRunner.query(`
      CREATE TABLE point_evaluation_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES point_evaluation_assignments (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL REFERENCES point_evaluation_campaigns (id) ON DELETE CASCADE,
        scores jsonb NOT NULL,
        weighted_score numeric(5, 2) NOT NULL,
        comment text,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT point_evaluation_submissions_assignment_key UNIQUE (assignment_id),
        CONSTRAINT point_evaluation_submissions_score_check CHECK (weighted_score BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX point_evaluation_submissions_campaign_idx ON point_evaluation_submissions (campaign_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE point_evaluation_submissions');
    await queryRunner.query('DROP TABLE point_evaluation_assignments');
    await queryRunner.query('DROP TABLE point_evaluation_campaigns');
  }
}
