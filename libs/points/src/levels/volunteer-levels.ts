/** One step of the volunteer level table. */
export interface VolunteerLevel {
  code: string;
  /** Display name (`三星志愿者`). */
  display: string;
  /** Least points earned within the window to hold the level. */
  minEarned: number;
}

/** Levels count what was earned over the last this-many months, never the balance: spending demotes no one. */
export const LEVEL_WINDOW_MONTHS = 12;

/**
 * Default table, lowest first. A deployment overrides it by providing `POINTS_LEVEL_TABLE` (a
 * `VolunteerLevel[]`) from a global module; the table is checked at boot.
 */
export const DEFAULT_VOLUNTEER_LEVELS: readonly VolunteerLevel[] = [
  { code: 'star-1', display: '一星志愿者', minEarned: 0 },
  { code: 'star-2', display: '二星志愿者', minEarned: 100 },
  { code: 'star-3', display: '三星志愿者', minEarned: 300 },
  { code: 'star-4', display: '四星志愿者', minEarned: 600 },
  { code: 'star-5', display: '五星志愿者', minEarned: 1000 },
];

export const POINTS_LEVEL_TABLE = Symbol('POINTS_LEVEL_TABLE');

/** Refuses a table a deployment could not mean: empty, duplicate codes, or thresholds not strictly rising from 0. */
export function checkLevelTable(table: readonly VolunteerLevel[]): readonly VolunteerLevel[] {
  if (table.length === 0) throw new Error('points level table is empty');
  if (table[0].minEarned !== 0) throw new Error('the lowest points level must start at 0 points');
  if (new Set(table.map((level) => level.code)).size !== table.length) throw new Error('points level codes must be unique');
  table.forEach((level, i) => {
    if (!Number.isInteger(level.minEarned) || (i > 0 && level.minEarned <= table[i - 1].minEarned)) throw new Error(`points level ${level.code}: thresholds must be rising integers`);
  });
  return table;
}

/** The highest level whose threshold `earned` reaches. */
export function levelOf(earned: number, table: readonly VolunteerLevel[]): VolunteerLevel {
  let reached = table[0];
  for (const level of table) if (earned >= level.minEarned) reached = level;
  return reached;
}
