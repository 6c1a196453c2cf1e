/** A complex's place in a ranking. */
export interface Rankable {
  id: string;
  name: string;
  score: number;
}

/**
 * Standard competition ranks (1, 2, 2, 4): higher score first, equal scores share a rank, listed by
 * name then id. Answers id → rank.
 */
export function standardRanks(items: readonly Rankable[]): Map<string, number> {
  const sorted = [...items].sort(
    (a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id),
  );
  const ranks = new Map<string, number>();
  sorted.forEach((item, i) => {
    const previous = sorted[i - 1];
    ranks.set(item.id, previous && previous.score === item.score ? (ranks.get(previous.id) as number) : i + 1);
  });
  return ranks;
}

/** Ranks within groups (a street, a district): id → rank inside its group; items without a group are absent. */
export function ranksWithin(items: readonly (Rankable & { group: string | undefined })[]): Map<string, number> {
  const groups = new Map<string, Rankable[]>();
  for (const item of items) if (item.group) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  const ranks = new Map<string, number>();
  for (const members of groups.values()) for (const [id, rank] of standardRanks(members)) ranks.set(id, rank);
  return ranks;
}
