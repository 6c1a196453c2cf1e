import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import batches get the unit they concern (the deepest unit containing every row), so that
 * `GET /imports` and `GET /imports/:id` answer within the reader's scope like every other record,
 * and an index for the newest-first listing.
 */
export class AddImportBatchScope1795330300000 implements MigrationInterface {
  name = 'AddImportBatchScope1795330300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE import_batches ADD COLUMN unit_id uuid REFERENCES units (id), ADD COLUMN unit_path text`,
    );
    await queryRunner.query(`CREATE INDEX import_batches_unit_path_idx ON import_batches (unit_path text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX import_batches_created_idx ON import_batches (created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX import_batches_created_idx`);
    await queryRunner.query(`DROP INDEX import_batches_unit_path_idx`);
    await queryRunner.query(`ALTER TABLE import_batches DROP COLUMN unit_path, DROP COLUMN unit_id`);
  }
}
