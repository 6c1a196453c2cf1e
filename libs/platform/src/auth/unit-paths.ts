import { escapeLike } from '../database/sql-text';

/**
 * Pure helpers on materialized unit paths (`1.12.305`: the `seq` labels from the root down).
 * A subtree is `path = p OR path LIKE p || '.%'`.
 */

/** The paths from the root down to `path` itself: `1.12.305` → `['1', '1.12', '1.12.305']`. */
export function pathPrefixes(path: string): string[] {
  const labels = path.split('.');
  return labels.map((_, i) => labels.slice(0, i + 1).join('.'));
}

/** The first `depth` labels of `path` (the path itself when it is shallower). */
export function pathAtDepth(path: string, depth: number): string {
  return path.split('.').slice(0, depth).join('.');
}

/** The LIKE pattern matching strict descendants of `path` (LIKE-escaped). */
export function descendantsPattern(path: string): string {
  return `${escapeLike(path)}.%`;
}

/** Whether `path` is `root` or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}
