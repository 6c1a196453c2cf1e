import { Client } from 'pg';
import { withTestDb } from '../test-database';

export type ScenarioUnitKind = 'city' | 'district' | 'street' | 'community' | 'grid' | 'complex' | 'building';

export interface ScenarioUnit {
  id: string;
  kind: ScenarioUnitKind;
  name: string;
  path: string;
}

export interface UnitSpec {
  kind: ScenarioUnitKind;
  name: string;
  code?: string;
  residents?: number;
  households?: number;
  children?: UnitSpec[];
}

async function insertUnit(
  client: Client,
  spec: UnitSpec,
  parent: ScenarioUnit | null,
  into: Map<string, ScenarioUnit>,
): Promise<void> {
  const { rows } = await client.query<{ id: string; seq: string }>(
    `INSERT INTO units (kind, name, code, parent_id, path, depth, residents, households)
     VALUES ($1, $2, $3, $4, '', $5, $6, $7) RETURNING id, seq`,
    [
      spec.kind,
      spec.name,
      spec.code ?? null,
      parent?.id ?? null,
      parent ? parent.path.split('.').length : 0,
      spec.residents ?? 0,
      spec.households ?? 0,
    ],
  );
  const path = parent ? `${parent.path}.${rows[0].seq}` : rows[0].seq;
  await client.query('UPDATE units SET path = $1 WHERE id = $2', [path, rows[0].id]);
  const unit: ScenarioUnit = { id: rows[0].id, kind: spec.kind, name: spec.name, path };
  if (into.has(spec.name)) throw new Error(`scenario unit names must be unique: "${spec.name}"`);
  into.set(spec.name, unit);
  for (const child of spec.children ?? []) await insertUnit(client, child, unit, into);
}

/**
 * Builds a unit tree straight in the database (fast, no HTTP) and returns the units by name:
 * `const units = await createUnitTree({ kind: 'city', name: '示范市', children: [...] })`.
 */
export async function createUnitTree(root: UnitSpec): Promise<Map<string, ScenarioUnit>> {
  const units = new Map<string, ScenarioUnit>();
  await withTestDb((client) => insertUnit(client, root, null, units));
  return units;
}

/** A small district: 1 city → 1 district → 1 street → communities A and B, each with a grid, a complex and a building. */
export function smallDistrict(): UnitSpec {
  const community = (letter: string): UnitSpec => ({
    kind: 'community',
    name: `社区${letter}`,
    residents: 5000,
    households: 1800,
    children: [
      {
        kind: 'grid',
        name: `网格${letter}1`,
        children: [
          { kind: 'complex', name: `小区${letter}1`, children: [{ kind: 'building', name: `楼栋${letter}1-1` }] },
        ],
      },
    ],
  });
  return {
    kind: 'city',
    name: '示范市',
    children: [
      {
        kind: 'district',
        name: '示范区',
        children: [{ kind: 'street', name: '示范街道', children: [community('A'), community('B')] }],
      },
    ],
  };
}
