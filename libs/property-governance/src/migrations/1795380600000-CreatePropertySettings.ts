import { MigrationInterface, QueryRunner } from 'typeorm';

/** The deployment's property-governance settings (a key without a row is at its default). */
export class CreatePropertySettings1795380600000 implements MigrationInterface {
  name = 'CreatePropertySettings1795380600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE property_settings (
        key varchar(64) PRIMARY KEY,
        value integer NOT NULL,
        updated_by_user_id uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE property_settings`);
  }
}
