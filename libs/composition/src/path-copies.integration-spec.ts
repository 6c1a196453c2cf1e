import { INestApplicationContext } from '@nestjs/common';
import { SchemaCatalog } from '@linli/platform';
import { bootScheduler, withTestDb } from '@linli/testing';
import { LINLI_SCHEMA } from './linli-schema';

/**
 * Columns that hold a unit path but are not a copy that must follow a subtree move, each with the
 * reason. Anything else whose name ends in `path` is a copy and must be declared.
 */
const NOT_COPIES: Record<string, string> = {
  // The owner: the unit tree itself, which the move rewrites.
  'units.path': 'the unit tree (organization), the original every copy is taken from',
  // UnitPathMaintenance: "The audit log keeps the path each entry had".
  'audit_log.unit_path': 'history: the path a unit had when the entry was written',
};

/**
 * Copies known to be missing from their owner's schema part, each to be declared by the owning lib
 * (and then removed here: the last test fails once a listed copy is declared).
 */
const PENDING: Record<string, string> = {};

/** Every text, varchar or ltree column of the migrated database whose name ends in `path`, as `table.column`. */
async function pathColumns(): Promise<string[]> {
  return withTestDb(async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.table_name || '.' || c.column_name AS name
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.column_name LIKE '%path'
          AND (c.data_type IN ('text', 'character varying') OR c.udt_name = 'ltree')
        ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  });
}

/**
 * A subtree move rewrites exactly the unit-path copies the schema parts declare
 * (`SchemaPart.pathCopies`, collected by the `SchemaCatalog` that `UnitPathMaintenance` reads): an
 * undeclared copy silently goes stale, and scope checks on it then answer for the old tree.
 */
describe('unit path copies', () => {
  let app: INestApplicationContext;
  let declared: string[];

  beforeAll(async () => {
    app = await bootScheduler();
    declared = app
      .get(SchemaCatalog)
      .pathCopies()
      .map((copy) => `${copy.table}.${copy.column}`);
  });
  afterAll(() => app.close());

  it('declares every path column of the migrated schema as a copy, unless it is documented as none', async () => {
    const columns = await pathColumns();
    expect(columns.length).toBeGreaterThan(20);
    const undeclared = columns.filter(
      (column) => !declared.includes(column) && !(column in NOT_COPIES) && !(column in PENDING),
    );
    expect(undeclared).toEqual([]);
  });

  it('declares only columns that exist, each once, and none that is documented as no copy', async () => {
    const columns = await pathColumns();
    expect(declared.filter((copy) => !columns.includes(copy))).toEqual([]);
    expect(declared.filter((copy, i) => declared.indexOf(copy) !== i)).toEqual([]);
    expect(declared.filter((copy) => copy in NOT_COPIES)).toEqual([]);
  });

  it("declares each copy in the schema part that owns the copy's table", () => {
    const misplaced = LINLI_SCHEMA.flatMap((part) =>
      (part.pathCopies ?? [])
        .filter((copy) => !part.tables.includes(copy.table))
        .map((copy) => `${copy.table}.${copy.column}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('still lists as pending only copies that are not declared yet', async () => {
    const columns = await pathColumns();
    const stale = Object.keys(PENDING).filter((column) => declared.includes(column) || !columns.includes(column));
    expect(stale).toEqual([]);
  });
});
