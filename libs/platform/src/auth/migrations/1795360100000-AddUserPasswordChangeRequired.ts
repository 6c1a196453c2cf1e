import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `users.must_change_password`: set when an administrator resets an account's password; until the
 * owner chooses a new one, the account may only change its password (and read `/me`).
 */
export class AddUserPasswordChangeRequired1795360100000 implements MigrationInterface {
  name = 'AddUserPasswordChangeRequired1795360100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
