/**
 * Pure helpers on materialized unit paths (`1.12.305`: the `seq` labels from the root down).
 * A subtree is `path = p OR path LIKE p || '.%'`.
 */

/** The paths from the root down to `path` itself: `1.12.305` → `['1', '1.12', '1.12.305']`. */
export function pathPrefixes(path: string): string[] {
  const labels = path.split('.');
  return labels.map((_, i) => labels.slice(0, i + 1).join('.'));
}

/** The LIKE pattern matching strict descendants of `path` (LIKE-escaped). */
export function descendantsPattern(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
}

/** Whether `path` is `root` or lies below it. */
export function isWithin(path: string, root: string): boolean {
  return path === root || path.startsWith(`${root}.`);
}

/** `path` with its `oldRoot` prefix replaced by `newRoot` (what a subtree move does to every path inside). */
export function rebasePath(path: string, oldRoot: string, newRoot: string): string {
  if (!isWithin(path, oldRoot)) throw new Error(`${path} is not within ${oldRoot}`);
  return newRoot + path.slice(oldRoot.length);
}
