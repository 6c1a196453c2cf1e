import { MigrationInterface, QueryRunner } from 'typeorm';

/** The volunteer tables that are filtered by subtree: each keeps a copy of its unit's path. */
const TABLES = [
  'volunteer_profiles',
  'volunteer_teams',
  'volunteer_demands',
  'volunteer_activities',
  'volunteer_hour_requests',
  'volunteer_posts',
] as const;

/**
 * A copy of the unit's path (`unit_path`) on every volunteer table that kept only `unit_id`, so that
 * scope filters, the weekly digest's grouping by community and matching's closeness run on the
 * module's own rows instead of joining organization's `units`. The copies are declared in the areas'
 * schema parts (`pathCopies`), so the kernel's `UnitPathMaintenance` rewrites them in the
 * transaction of every subtree move; writers take the path from `directory.units.anchor`, which
 * holds the tree lock until they commit. Each copy is indexed with `text_pattern_ops` for the
 * `path = p OR path LIKE p || '.%'` filters. The backfill reads `units` once (schema history, not a query).
 */
export class AddVolunteerUnitPaths1795350500000 implements MigrationInterface {
  name = 'AddVolunteerUnitPaths1795350500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN unit_path text`);
      await queryRunner.query(`UPDATE ${table} t SET unit_path = u.path FROM units u WHERE u.id = t.unit_id`);
      await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN unit_path SET NOT NULL`);
      await queryRunner.query(`CREATE INDEX ${table}_unit_path_idx ON ${table} (unit_path text_pattern_ops)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP INDEX ${table}_unit_path_idx`);
      await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN unit_path`);
    }
  }
}
