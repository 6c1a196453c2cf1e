import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobRuns1795320100100 implements MigrationInterface {
  name = 'CreateJobRuns1795320100100';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per (job, period): the claim statement of JobRunner relies on this unique key.
    await queryRunner.query(`
      CREATE TABLE job_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        job varchar(100) NOT NULL,
        period_key varchar(20) NOT NULL,
        status varchar(16) NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        forced boolean NOT NULL DEFAULT false,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NULL,
        heartbeat_at timestamptz NOT NULL,
        result jsonb NULL,
        error text NULL,
        CONSTRAINT job_runs_job_period_key_key UNIQUE (job, period_key),
        CONSTRAINT job_runs_status_check CHECK (status IN ('running', 'succeeded', 'failed')),
        CONSTRAINT job_runs_attempts_check CHECK (attempts >= 1),
        CONSTRAINT job_runs_finished_check CHECK ((status = 'running') = (finished_at IS NULL)),
        CONSTRAINT job_runs_error_check CHECK (status <> 'failed' OR error IS NOT NULL)
      )
    `);
    await queryRunner.query(`CREATE INDEX job_runs_started_at_idx ON job_runs (job, started_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_runs`);
  }
}
