import { EntityManager } from 'typeorm';

/**
 * A resolver's `pathsOf` by one statement on the owning lib's own table: `sql` selects
 * `id::text AS id, <path column> AS path … WHERE id = ANY($1::uuid[])`. Ids are matched case-blind
 * and answered in the spelling the request used.
 */
export async function sqlReferencePaths(
  manager: EntityManager,
  sql: string,
  ids: string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows: { id: string; path: string | null }[] = await manager.query(sql, [ids.map((id) => id.toLowerCase())]);
  const byLower = new Map(rows.map((row) => [row.id, row.path]));
  return new Map(
    ids.filter((id) => byLower.has(id.toLowerCase())).map((id) => [id, byLower.get(id.toLowerCase()) as string | null]),
  );
}
