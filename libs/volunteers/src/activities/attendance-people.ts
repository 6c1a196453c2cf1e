import { EntityManager } from 'typeorm';

/** Names of people, for the organizer's attendance list. */
export async function personNames(manager: EntityManager, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows: { id: string; name: string }[] = await manager.query('SELECT id, name FROM people WHERE id = ANY($1::uuid[])', [[...new Set(personIds)]]);
  return new Map(rows.map((row) => [row.id, row.name]));
}
