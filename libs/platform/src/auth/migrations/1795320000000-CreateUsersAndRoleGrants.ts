import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts and their role grants (auth). */
export class CreateUsersAndRoleGrants1795320000000 implements MigrationInterface {
  name = 'CreateUsersAndRoleGrants1795320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL,
        password_hash text NOT NULL,
        display_name varchar(100),
        person_id uuid,
        unit_id uuid,
        unit_path text,
        is_active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT users_username_key UNIQUE (username),
        CONSTRAINT users_username_check CHECK (username ~ '^[a-z0-9_.-]{3,64}$'),
        CONSTRAINT users_unit_check CHECK ((unit_id IS NULL) = (unit_path IS NULL)),
        CONSTRAINT users_token_version_check CHECK (token_version >= 0)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_person_id_key ON users (person_id) WHERE person_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX users_unit_path_idx ON users (unit_path text_pattern_ops)`);
    await queryRunner.query(`
      CREATE TABLE role_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role varchar(32) NOT NULL,
        unit_id uuid,
        unit_path text,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT role_grants_role_check CHECK (role IN ('admin', 'secretary', 'grid_worker', 'store_clerk', 'auditor')),
        CONSTRAINT role_grants_unit_check CHECK ((unit_id IS NULL) = (unit_path IS NULL)),
        CONSTRAINT role_grants_user_role_unit_key UNIQUE NULLS NOT DISTINCT (user_id, role, unit_id)
      )`);
    await queryRunner.query(`CREATE INDEX role_grants_unit_path_idx ON role_grants (unit_path text_pattern_ops)`);
    await queryRunner.query(
      `CREATE INDEX role_grants_admin_deployment_idx ON role_grants (user_id) WHERE role = 'admin' AND unit_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE role_grants`);
    await queryRunner.query(`DROP TABLE users`);
  }
}
