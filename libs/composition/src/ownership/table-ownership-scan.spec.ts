import { formatViolation, isScanned, scanFile, scanFiles, TableOwners } from './table-ownership-scan';

const owners: TableOwners = {
  platform: ['users', 'role_grants', 'audit_log'],
  organization: ['units', 'people', 'party_members'],
  points: ['point_accounts', 'point_entries'],
};

const pointsFile = (content: string) => ({ path: 'libs/points/src/ledger/point-ledger.repository.ts', content });
const found = (content: string) => scanFile(pointsFile(content), owners).map(formatViolation);

describe('table-ownership scan', () => {
  it('catches a planted read of another lib’s table, naming file, line, table and owner', () => {
    expect(found(`export const q = 'SELECT id FROM people';`)).toEqual([
      'libs/points/src/ledger/point-ledger.repository.ts:1 names people owned by organization',
    ]);
  });

  it('finds every SQL position in a multi-line template literal, on its own line', () => {
    const content = [
      'async function load(manager, ids) {', // 1
      '  return manager.query(`', // 2
      '    SELECT a.id, u.name', // 3
      '      FROM point_accounts a', // 4
      '      JOIN units u ON u.id = a.unit_id', // 5
      '     WHERE a.person_id IN (SELECT id FROM "people" WHERE id = ANY($1))', // 6
      '       AND a.owner_id IN (SELECT user_id FROM public.role_grants)', // 7
      "       AND a.kind = ${kinds.map((k) => `'${k}'`).join(',')}`, [ids]);", // 8
      '}',
    ].join('\n');
    expect(found(content)).toEqual([
      'libs/points/src/ledger/point-ledger.repository.ts:5 names units owned by organization',
      'libs/points/src/ledger/point-ledger.repository.ts:6 names people owned by organization',
      'libs/points/src/ledger/point-ledger.repository.ts:7 names role_grants owned by platform',
    ]);
  });

  it('sees writes and every item of a FROM list, whatever the case', () => {
    const content = [
      "const a = 'update UNITS set name = $1 WHERE id = $2';",
      "const b = 'INSERT INTO audit_log (id) VALUES ($1)';",
      "const c = 'SELECT 1 FROM point_entries e, people p, units AS u WHERE p.id = e.person_id';",
      "const d = 'TRUNCATE party_members';",
      "const e = 'LOCK TABLE units IN SHARE MODE';",
    ].join('\n');
    expect(found(content).map((v) => v.replace(/^.*:(\d+) names (\S+).*$/, '$1 $2'))).toEqual([
      '1 units',
      '2 audit_log',
      '3 people',
      '3 units',
      '4 party_members',
      '5 units',
    ]);
  });

  it('reads query-builder calls that name a table', () => {
    const content = [
      'manager.createQueryBuilder()',
      "  .select('p.id')",
      "  .from('people', 'p')",
      "  .innerJoin('units', 'u', 'u.id = p.residence_unit_id')",
      "  .where('p.id IN (SELECT person_id FROM party_members)')",
      "  .leftJoin('p.accounts', 'accounts');",
    ].join('\n');
    expect(found(content).map((v) => v.replace(/^.*:(\d+) names (\S+).*$/, '$1 $2'))).toEqual([
      '3 people',
      '4 units',
      '5 party_members',
    ]);
  });

  it('does not flag comments, prose, Chinese messages, identifiers or non-SQL strings', () => {
    const content = [
      '// SELECT id FROM people: the directory reads units now',
      '/* JOIN units u ON … */',
      "const title = 'Points moved from units to people';",
      "const detail = '该单位 units 不存在，请从 people 中选择';",
      "const key = 'people';",
      'const units = people.filter((p) => p.units > 0);',
      "const pattern = /FROM people/i; const s = 'FROM';",
      "const own = 'SELECT id FROM point_accounts JOIN point_entries ON true';",
      "const column = 'SELECT units FROM point_entries WHERE people > 0';",
      "const qualified = 'SELECT 1 FROM point_entries e WHERE e.units = 1 AND extract(epoch FROM e.people) > 0';",
      'const built = `SELECT * FROM ${table} JOIN ${other}_units o ON true`;',
      "Array.from('people');",
    ].join('\n');
    expect(found(content)).toEqual([]);
  });

  it('lets a lib name its own tables', () => {
    expect(
      scanFile(
        {
          path: 'libs/organization/src/people/people.repository.ts',
          content: "q('SELECT * FROM people JOIN units ON true')",
        },
        owners,
      ),
    ).toEqual([]);
  });

  it('skips specs, migrations, schema declarations, the harness and the composition', () => {
    const sql = "q('SELECT id FROM people')";
    const paths = [
      'libs/points/src/ledger/ledger.spec.ts',
      'libs/points/src/ledger/ledger.integration-spec.ts',
      'libs/points/src/migrations/1795340000000-CreatePointsLedger.ts',
      'libs/points/src/points.schema.ts',
      'libs/testing/src/scenarios/points.scenario.ts',
      'libs/composition/src/core.module.ts',
      'tools/bench/points.bench.ts',
    ];
    expect(paths.filter(isScanned)).toEqual([]);
    expect(scanFiles([...paths.map((path) => ({ path, content: sql })), pointsFile(sql)], owners)).toHaveLength(1);
  });
});
