import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The household (户) a person belongs to: a code unique within their residence unit (a room or door
 * number such as `3-502`). People of one residence unit with the same code form one household; a
 * person without a code is a household of their own. Household votes (one vote per household) and
 * household counts read it through the directory.
 */
export class AddPeopleHousehold1795370100000 implements MigrationInterface {
  name = 'AddPeopleHousehold1795370100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE people ADD COLUMN household_code varchar(64)`);
    await queryRunner.query(
      `ALTER TABLE people ADD CONSTRAINT people_household_code_check CHECK (household_code IS NULL OR length(trim(household_code)) > 0)`,
    );
    await queryRunner.query(
      `CREATE INDEX people_household_idx ON people (residence_unit_id, household_code) WHERE household_code IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX people_household_idx`);
    await queryRunner.query(`ALTER TABLE people DROP COLUMN household_code`);
  }
}
