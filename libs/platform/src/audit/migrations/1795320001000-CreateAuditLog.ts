import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit log: a trigger refuses UPDATE and DELETE (TRUNCATE stays possible for test resets). */
export class CreateAuditLog1795320001000 implements MigrationInterface {
  name = 'CreateAuditLog1795320001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        action varchar(100) NOT NULL,
        target_type varchar(64) NOT NULL,
        target_id varchar(200),
        unit_id uuid,
        unit_path text,
        request_id varchar(128),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        CONSTRAINT audit_log_seq_key UNIQUE (seq),
        CONSTRAINT audit_log_action_check CHECK (action ~ '^[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+$'),
        CONSTRAINT audit_log_unit_check CHECK ((unit_id IS NULL) = (unit_path IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_occurred_idx ON audit_log (occurred_at DESC, seq DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_unit_path_idx ON audit_log (unit_path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, occurred_at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only
        BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
