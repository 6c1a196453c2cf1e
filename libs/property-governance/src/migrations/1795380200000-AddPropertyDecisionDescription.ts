import { MigrationInterface, QueryRunner } from 'typeorm';

/** An owners' joint decision carries an optional description of the matter put to the owners. */
export class AddPropertyDecisionDescription1795380200000 implements MigrationInterface {
  name = 'AddPropertyDecisionDescription1795380200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE property_decisions ADD COLUMN description text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE property_decisions DROP COLUMN description`);
  }
}
