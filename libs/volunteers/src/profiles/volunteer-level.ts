/**
 * A volunteer level (志愿者星级), following verified hours and the ratings of requesters. The one
 * definition of the level: volunteers own it, every response that shows a level computes it here
 * (`volunteerLevelOf`, on read; no level is stored), and points are not an input (verified hours
 * already earn points through the rules, so counting both would count the same service twice).
 */
export interface VolunteerLevel {
  code: string;
  /** Display name (`三星志愿者`). */
  display: string;
}

interface LevelRule extends VolunteerLevel {
  minHours: number;
  /** Least average rating to hold the level, once the volunteer has at least `minRatings` ratings. */
  minAverageRating?: number;
  minRatings?: number;
}

/**
 * Lowest first. Hours open every level; the two top levels also ask for good ratings: four stars
 * an average of at least 4 (when anyone has rated yet: an unrated volunteer is not held back),
 * five stars at least 3 ratings averaging 4.5 or more. Codes never change once released.
 */
export const VOLUNTEER_LEVEL_RULES: readonly LevelRule[] = [
  { code: 'star-1', display: '一星志愿者', minHours: 0 },
  { code: 'star-2', display: '二星志愿者', minHours: 20 },
  { code: 'star-3', display: '三星志愿者', minHours: 50 },
  { code: 'star-4', display: '四星志愿者', minHours: 100, minAverageRating: 4, minRatings: 0 },
  { code: 'star-5', display: '五星志愿者', minHours: 200, minAverageRating: 4.5, minRatings: 3 },
];

export interface VolunteerRecord {
  verifiedHours: number;
  ratingSum: number;
  ratingCount: number;
}

function holds(rule: LevelRule, record: VolunteerRecord): boolean {
  if (record.verifiedHours < rule.minHours) return false;
  if (rule.minAverageRating === undefined) return true;
  if (record.ratingCount < (rule.minRatings ?? 0)) return false;
  return record.ratingCount === 0 || record.ratingSum / record.ratingCount >= rule.minAverageRating;
}

/**
 * The volunteer's level: the highest whose conditions the record meets (a pure function of the
 * record, so the level stays put while the record does; more hours never lower it).
 */
export function volunteerLevelOf(record: VolunteerRecord): VolunteerLevel {
  let reached: LevelRule = VOLUNTEER_LEVEL_RULES[0];
  for (const rule of VOLUNTEER_LEVEL_RULES) if (holds(rule, record)) reached = rule;
  return { code: reached.code, display: reached.display };
}
