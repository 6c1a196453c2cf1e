import { escapeLike } from '../database/sql-text';

/**
 * The scope mechanism. Units form a tree; each unit has an opaque, `.`-separated materialized path
 * (`root.district-3.street-7`) given by the unit directory. A grant at a unit reaches its subtree.
 */

/** Where a caller's grants reach for one permission: everywhere, or these subtrees (none when empty). */
export type UnitScope = 'all' | string[];

/** Whether a grant at `grantPath` reaches `targetPath`. A null grant path is deployment-wide; a null target (deployment-wide record) is reached only by a deployment-wide grant. */
export function covers(grantPath: string | null, targetPath: string | null): boolean {
  if (grantPath === null) return true;
  if (targetPath === null) return false;
  return targetPath === grantPath || targetPath.startsWith(`${grantPath}.`);
}

export function scopeCovers(scope: UnitScope, targetPath: string | null): boolean {
  return scope === 'all' ? true : scope.some((path) => covers(path, targetPath));
}

/** The scope of a set of grant paths, without paths already inside another one. */
export function scopeOf(grantPaths: (string | null)[]): UnitScope {
  if (grantPaths.includes(null)) return 'all';
  const paths = [...new Set(grantPaths as string[])].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const kept: string[] = [];
  for (const path of paths) if (!kept.some((outer) => covers(outer, path))) kept.push(path);
  return kept;
}

/** The part of `scope` inside the subtree at `path` (for a filter such as `?unitId=`); empty when outside. */
export function narrowScope(scope: UnitScope, path: string): UnitScope {
  return scopeCovers(scope, path) ? [path] : [];
}

/** A parameterised SQL condition, ready for a TypeORM query builder's `andWhere(sql, params)`. */
export interface SqlCondition {
  sql: string;
  params: Record<string, string>;
}

/**
 * `column` lies inside the scope: `column = :p OR column LIKE :p || '.%'` per path (LIKE-escaped,
 * index-friendly with `text_pattern_ops`). `column` is trusted SQL (e.g. `"user"."unit_path"` or
 * `user.unitPath` in a query builder); `name` keeps parameter names unique when several conditions
 * share one query. Rows whose path is NULL (deployment-wide records) match only the scope 'all'.
 */
export function unitPathCondition(column: string, scope: UnitScope, name = 'scope'): SqlCondition {
  if (scope === 'all') return { sql: 'TRUE', params: {} };
  if (scope.length === 0) return { sql: 'FALSE', params: {} };
  const params: Record<string, string> = {};
  const parts = scope.map((path, i) => {
    params[`${name}_eq${i}`] = path;
    params[`${name}_like${i}`] = `${escapeLike(path)}.%`;
    return `${column} = :${name}_eq${i} OR ${column} LIKE :${name}_like${i}`;
  });
  return { sql: `(${parts.join(' OR ')})`, params };
}
