import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People lists are ordered by (name, id) and searched by name prefix (`GET /people?q=`). Without
 * these, a city-wide list sorts every person and a prefix search scans the table. Two indexes
 * because a LIKE prefix needs `text_pattern_ops` unless the database collation is "C", while the
 * ordering follows the database collation.
 */
export class AddPeopleNameIndexes1795330100000 implements MigrationInterface {
  name = 'AddPeopleNameIndexes1795330100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX people_name_idx ON people (name, id)`);
    await queryRunner.query(`CREATE INDEX people_name_prefix_idx ON people (name text_pattern_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX people_name_prefix_idx`);
    await queryRunner.query(`DROP INDEX people_name_idx`);
  }
}
