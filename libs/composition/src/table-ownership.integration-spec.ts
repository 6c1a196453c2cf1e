import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deliberationSchema } from '@linli/deliberation';
import { notificationsSchema } from '@linli/notifications';
import { organizationSchema } from '@linli/organization';
import { platformSchema } from '@linli/platform';
import { propertyGovernanceSchema } from '@linli/property-governance';
import { casesSchema } from '@linli/cases';
import { pointsSchema } from '@linli/points';
import { REFERENCE_ROWS_TABLE, withTestDb } from '@linli/testing';
import { volunteersSchema } from '@linli/volunteers';
import { LINLI_SCHEMA } from './linli-schema';
import { formatViolation, isScanned, scanFiles, SourceFile, TableOwners } from './ownership/table-ownership-scan';

/**
 * Every table has one owner (docs/architecture.md): each lib's schema part declares the tables it
 * owns, and no other lib's SQL names them. The owner of a table is the lib folder (libs/<lib>) whose
 * schema part declares it; the kernel (libs/platform) owns users, grants, audit, outbox and job runs.
 *
 * Exempt from the scan: specs, migrations (schema history; foreign keys to units and people),
 * `*.schema.ts` (table names there are declarations, e.g. `pathCopies`), and libs/testing and
 * libs/composition, which are not domain libs: the harness may name any table to set up a test, and
 * the composition wires every lib together.
 */
const OWNERS: TableOwners = {
  platform: platformSchema.tables,
  notifications: notificationsSchema.tables,
  organization: organizationSchema.tables,
  points: pointsSchema.tables,
  volunteers: volunteersSchema.tables,
  deliberation: deliberationSchema.tables,
  'property-governance': propertyGovernanceSchema.tables,
  cases: casesSchema.tables,
};

const root = join(__dirname, '..', '..', '..');

function sourcesOf(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    const relativePath = relative(root, path).split('\\').join('/');
    return isScanned(relativePath) ? [{ path: relativePath, content: readFileSync(path, 'utf8') }] : [];
  });
}

describe('table ownership', () => {
  it('declares every migrated table exactly once, and no table that migrations do not create', async () => {
    const migrated = await withTestDb(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
            AND c.relname NOT IN ('schema_migrations', $1)
          ORDER BY c.relname`,
        [REFERENCE_ROWS_TABLE],
      );
      return rows.map((r) => r.name);
    });
    const declared = LINLI_SCHEMA.flatMap((part) => part.tables);
    const twice = declared.filter((table, i) => declared.indexOf(table) !== i);
    expect(twice).toEqual([]);
    expect([...declared].sort()).toEqual(migrated);
    // The owners map below covers every schema part of the composition.
    expect(Object.values(OWNERS).flat().sort()).toEqual([...declared].sort());
  });

  it('finds no lib whose SQL names a table another lib owns', () => {
    const libs = readdirSync(join(root, 'libs'), { withFileTypes: true }).filter((d) => d.isDirectory());
    const files = libs.flatMap((d) => sourcesOf(join(root, 'libs', d.name, 'src')));
    expect(files.length).toBeGreaterThan(100);
    const violations = scanFiles(files, OWNERS).map(formatViolation);
    expect(violations).toEqual([]);
  });
});
