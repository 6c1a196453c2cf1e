import { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSE = `RAISE EXCEPTION 'point_assessments of published period % are immutable', OLD.period_key USING ERRCODE = 'check_violation'`;

/**
 * A published quarter's results stay immutable, but their unit path is a copy (declared in
 * `points.schema.ts`) that a subtree move rewrites: the trigger refused that rewrite, so moving a
 * community with published results failed. It now lets through an update that changes nothing but
 * `unit_path`; every other change (and any delete) of a published row is still refused.
 */
export class PublishedAssessmentsFollowMoves1795360210000 implements MigrationInterface {
  name = 'PublishedAssessmentsFollowMoves1795360210000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION point_assessments_refuse_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'unit_path') = (to_jsonb(OLD) - 'unit_path') THEN
          RETURN NEW;
        END IF;
        IF EXISTS (SELECT 1 FROM point_assessment_periods WHERE period_key = OLD.period_key AND status = 'published') THEN
          ${REFUSE};
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION point_assessments_refuse_published() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM point_assessment_periods WHERE period_key = OLD.period_key AND status = 'published') THEN
          ${REFUSE};
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
  }
}
