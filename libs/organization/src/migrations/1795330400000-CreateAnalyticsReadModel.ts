import { MigrationInterface, QueryRunner } from 'typeorm';

const MEMBER_COLUMNS = ['resident', 'retired', 'in_service', 'floating', 'new_employment'].flatMap((category) =>
  ['full', 'probationary'].map((status) => ({ column: `members_${category}_${status}`, category, status })),
);

const COUNT_COLUMNS = [
  'grids',
  'complexes',
  'buildings',
  'people',
  ...MEMBER_COLUMNS.map((m) => m.column),
  'complexes_own_branch',
  'complexes_joint_only',
  'buildings_covered',
];

/**
 * The analytics read model (docs/modules/organization/analytics.md) and the structure-check rule
 * settings.
 *
 * - `organization_subtree_counts(path)`: every counter of one subtree (units below community level,
 *   people, members by category and status, complex and building coverage), set-based with
 *   index-backed path ranges. Used directly for a community or anything below it.
 * - `organization_community_rollups`: those counters per community, keyed by the community's `seq`
 *   (a path label, unchanged by moves), so that a street, district or city sums a few thousand rows
 *   instead of counting millions.
 * - Exactness: statement-level triggers on every table that feeds a counter append the affected
 *   communities to `organization_rollup_dirty` in the writer's own transaction;
 *   `organization_analytics_refresh(path)` (called by every read above community level, serialised
 *   by an advisory lock) recomputes the marked communities of the subtree before the read, so a read
 *   always reflects every committed change. Writers never wait on each other or on readers.
 * - `organization_structure_rules`: per-deployment overrides of the structure-check thresholds.
 */
export class CreateAnalyticsReadModel1795330400000 implements MigrationInterface {
  name = 'CreateAnalyticsReadModel1795330400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization_community_rollups (
        community_seq bigint PRIMARY KEY,
        ${COUNT_COLUMNS.map((column) => `${column} integer NOT NULL CHECK (${column} >= 0)`).join(',\n        ')},
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE organization_rollup_dirty (
        community_seq bigint NOT NULL,
        marked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX organization_rollup_dirty_seq_idx ON organization_rollup_dirty (community_seq)`,
    );

    // The community of a path: its 4th label (city.district.street.community are always the first four levels).
    await queryRunner.query(`
      CREATE FUNCTION organization_community_of(path text) RETURNS bigint
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT NULLIF(split_part(path, '.', 4), '')::bigint $$`);

    // Subtree of root = root itself and every path root.*: as a range it is index-backed even with a parameter.
    const inSubtree = (column: string) => `${column} ~>=~ root AND ${column} ~<~ (root || '/')`;
    await queryRunner.query(`
      CREATE FUNCTION organization_subtree_counts(root text)
      RETURNS TABLE (${COUNT_COLUMNS.map((column) => `${column} integer`).join(', ')})
      LANGUAGE sql STABLE AS $$
        WITH below AS (
          SELECT u.id, u.kind, u.path FROM units u
           WHERE ${inSubtree('u.path')} AND u.kind IN ('grid', 'complex', 'building')
        ), complex_coverage AS (
          SELECT c.id,
                 EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                          WHERE oc.unit_id = c.id AND o.kind IN ('branch', 'general_branch', 'committee')) AS own,
                 EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                          WHERE oc.unit_id = c.id AND o.kind = 'joint_branch') AS joint
            FROM below c WHERE c.kind = 'complex'
        ), members AS (
          SELECT m.category, m.status, count(*)::integer AS n FROM party_members m
           WHERE ${inSubtree('m.residence_path')} GROUP BY m.category, m.status
        )
        SELECT
          (SELECT count(*) FROM below WHERE kind = 'grid')::integer,
          (SELECT count(*) FROM below WHERE kind = 'complex')::integer,
          (SELECT count(*) FROM below WHERE kind = 'building')::integer,
          (SELECT count(*) FROM people p WHERE ${inSubtree('p.residence_path')})::integer,
          ${MEMBER_COLUMNS.map((m) => `COALESCE((SELECT n FROM members WHERE category = '${m.category}' AND status = '${m.status}'), 0)`).join(',\n          ')},
          (SELECT count(*) FROM complex_coverage WHERE own)::integer,
          (SELECT count(*) FROM complex_coverage WHERE joint AND NOT own)::integer,
          (SELECT count(*) FROM below b
            WHERE b.kind = 'building'
              AND (EXISTS (SELECT 1 FROM organization_coverage oc JOIN party_organizations o ON o.id = oc.organization_id
                            WHERE oc.unit_id = b.id AND o.kind = 'party_group')
                   OR EXISTS (SELECT 1 FROM staff_roles s
                               WHERE s.role = 'central_household' AND s.ended_at IS NULL AND s.unit_path = b.path AND s.unit_id = b.id)))::integer
      $$`);

    await queryRunner.query(`
      CREATE FUNCTION organization_analytics_refresh(scope_path text) RETURNS integer
      LANGUAGE plpgsql AS $$
      DECLARE
        targets bigint[];
      BEGIN
        -- Nothing to do (the usual case) costs one index probe and takes no lock.
        IF NOT EXISTS (
             SELECT 1 FROM organization_rollup_dirty d
              WHERE scope_path IS NULL
                 OR d.community_seq IN (SELECT u.seq FROM units u WHERE u.kind = 'community' AND u.path ~>=~ scope_path AND u.path ~<~ (scope_path || '/')))
           AND NOT EXISTS (
             SELECT 1 FROM units u
              WHERE u.kind = 'community' AND (scope_path IS NULL OR (u.path ~>=~ scope_path AND u.path ~<~ (scope_path || '/')))
                AND NOT EXISTS (SELECT 1 FROM organization_community_rollups r WHERE r.community_seq = u.seq)) THEN
          RETURN 0;
        END IF;
        -- One refresher at a time: no deadlocks between readers; writers never take this lock.
        PERFORM pg_advisory_xact_lock(7330400001);
        WITH claimed AS (
          DELETE FROM organization_rollup_dirty d
           WHERE scope_path IS NULL
              OR d.community_seq IN (SELECT u.seq FROM units u WHERE u.kind = 'community' AND u.path ~>=~ scope_path AND u.path ~<~ (scope_path || '/'))
          RETURNING d.community_seq
        ), missing AS (
          SELECT u.seq FROM units u
           WHERE u.kind = 'community' AND (scope_path IS NULL OR (u.path ~>=~ scope_path AND u.path ~<~ (scope_path || '/')))
             AND NOT EXISTS (SELECT 1 FROM organization_community_rollups r WHERE r.community_seq = u.seq)
        )
        SELECT array_agg(DISTINCT seq ORDER BY seq) INTO targets
          FROM (SELECT community_seq AS seq FROM claimed UNION ALL SELECT seq FROM missing) t;
        IF targets IS NULL THEN
          RETURN 0;
        END IF;
        INSERT INTO organization_community_rollups AS r (community_seq, ${COUNT_COLUMNS.join(', ')}, refreshed_at)
        SELECT c.seq, s.*, now()
          FROM units c CROSS JOIN LATERAL organization_subtree_counts(c.path) s
         WHERE c.seq = ANY (targets) AND c.kind = 'community'
         ORDER BY c.seq
        ON CONFLICT (community_seq) DO UPDATE SET
          ${COUNT_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(',\n          ')},
          refreshed_at = EXCLUDED.refreshed_at;
        DELETE FROM organization_community_rollups r
         WHERE r.community_seq = ANY (targets)
           AND NOT EXISTS (SELECT 1 FROM units u WHERE u.seq = r.community_seq AND u.kind = 'community');
        RETURN cardinality(targets);
      END
      $$`);

    // Marking triggers: one function per table; transition tables need one trigger per event.
    const mark = (pathsSql: string) => `
        INSERT INTO organization_rollup_dirty (community_seq)
        SELECT DISTINCT organization_community_of(p) FROM (${pathsSql}) AS marked(p)
         WHERE organization_community_of(p) IS NOT NULL;`;
    const markingFunction = (name: string, body: { insert: string; delete: string; update: string }) => `
      CREATE FUNCTION ${name}() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${mark(body.insert)}
        ELSIF TG_OP = 'DELETE' THEN ${mark(body.delete)}
        ELSE ${mark(body.update)}
        END IF;
        RETURN NULL;
      END
      $$`;
    const functions: { table: string; fn: string; body: { insert: string; delete: string; update: string } }[] = [
      {
        table: 'units',
        fn: 'organization_rollup_mark_units',
        body: {
          insert: 'SELECT path FROM new_rows',
          delete: 'SELECT path FROM old_rows',
          update: `SELECT o.path FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path IS DISTINCT FROM n.path OR o.kind IS DISTINCT FROM n.kind
                   UNION ALL SELECT n.path FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.path IS DISTINCT FROM n.path OR o.kind IS DISTINCT FROM n.kind`,
        },
      },
      {
        table: 'people',
        fn: 'organization_rollup_mark_people',
        body: {
          insert: 'SELECT residence_path FROM new_rows',
          delete: 'SELECT residence_path FROM old_rows',
          update: `SELECT o.residence_path FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.residence_path IS DISTINCT FROM n.residence_path
                   UNION ALL SELECT n.residence_path FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.residence_path IS DISTINCT FROM n.residence_path`,
        },
      },
      {
        table: 'party_members',
        fn: 'organization_rollup_mark_party_members',
        body: {
          insert: 'SELECT residence_path FROM new_rows',
          delete: 'SELECT residence_path FROM old_rows',
          update: `SELECT o.residence_path FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.residence_path, o.category, o.status) IS DISTINCT FROM (n.residence_path, n.category, n.status)
                   UNION ALL SELECT n.residence_path FROM old_rows o JOIN new_rows n ON n.id = o.id
                    WHERE (o.residence_path, o.category, o.status) IS DISTINCT FROM (n.residence_path, n.category, n.status)`,
        },
      },
      {
        table: 'organization_coverage',
        fn: 'organization_rollup_mark_coverage',
        body: {
          insert: 'SELECT unit_path FROM new_rows',
          delete: 'SELECT unit_path FROM old_rows',
          update: 'SELECT unit_path FROM old_rows UNION ALL SELECT unit_path FROM new_rows',
        },
      },
      {
        // A kind change turns a covering branch into a joint branch (or back): its covered units change status.
        table: 'party_organizations',
        fn: 'organization_rollup_mark_organizations',
        body: {
          insert: 'SELECT NULL::text WHERE false',
          delete: 'SELECT unit_path FROM old_rows',
          update: `SELECT oc.unit_path FROM organization_coverage oc
                     JOIN new_rows n ON n.id = oc.organization_id JOIN old_rows o ON o.id = n.id
                    WHERE o.kind IS DISTINCT FROM n.kind`,
        },
      },
      {
        table: 'staff_roles',
        fn: 'organization_rollup_mark_staff_roles',
        body: {
          insert: `SELECT unit_path FROM new_rows WHERE role = 'central_household'`,
          delete: `SELECT unit_path FROM old_rows WHERE role = 'central_household'`,
          update: `SELECT unit_path FROM old_rows WHERE role = 'central_household' UNION ALL SELECT unit_path FROM new_rows WHERE role = 'central_household'`,
        },
      },
    ];
    for (const { table, fn, body } of functions) {
      await queryRunner.query(markingFunction(fn, body));
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER ${fn}_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    // Data written before this migration: every existing community is computed on first read.
    await queryRunner.query(
      `INSERT INTO organization_rollup_dirty (community_seq) SELECT seq FROM units WHERE kind = 'community'`,
    );

    await queryRunner.query(`
      CREATE TABLE organization_structure_rules (
        key varchar(64) PRIMARY KEY,
        value integer NOT NULL,
        note text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organization_structure_rules_value_check CHECK (value >= 0)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organization_structure_rules`);
    for (const [table, fn] of [
      ['units', 'organization_rollup_mark_units'],
      ['people', 'organization_rollup_mark_people'],
      ['party_members', 'organization_rollup_mark_party_members'],
      ['organization_coverage', 'organization_rollup_mark_coverage'],
      ['party_organizations', 'organization_rollup_mark_organizations'],
      ['staff_roles', 'organization_rollup_mark_staff_roles'],
    ]) {
      for (const event of ['insert', 'delete', 'update'])
        await queryRunner.query(`DROP TRIGGER ${fn}_${event} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${fn}()`);
    }
    await queryRunner.query(`DROP FUNCTION organization_analytics_refresh(text)`);
    await queryRunner.query(`DROP FUNCTION organization_subtree_counts(text)`);
    await queryRunner.query(`DROP FUNCTION organization_community_of(text)`);
    await queryRunner.query(`DROP TABLE organization_rollup_dirty`);
    await queryRunner.query(`DROP TABLE organization_community_rollups`);
  }
}
