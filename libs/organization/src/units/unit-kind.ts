/** The kinds of governance unit (DOMAIN.md §1), root first. Values are part of the API contract. */
export const UNIT_KINDS = ['city', 'district', 'street', 'community', 'grid', 'complex', 'building'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Chinese display name per kind (what users see). */
export const UNIT_KIND_DISPLAY: Record<UnitKind, string> = {
  city: '市',
  district: '区',
  street: '街道',
  community: '社区',
  grid: '网格',
  complex: '小区',
  building: '楼栋',
};

/**
 * Allowed parent kinds. A complex sits under a community or a grid; a building under a complex or
 * a grid (old open neighbourhoods have lanes and courtyards instead of complexes).
 */
export const ALLOWED_PARENTS: Record<UnitKind, readonly UnitKind[]> = {
  city: [],
  district: ['city'],
  street: ['district'],
  community: ['street'],
  grid: ['community'],
  complex: ['community', 'grid'],
  building: ['complex', 'grid'],
};

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** The kinds whose depth in the tree is fixed by ALLOWED_PARENTS (city 1, district 2, street 3, community 4). */
export type FixedDepthKind = 'city' | 'district' | 'street' | 'community';

function fixedDepth(kind: UnitKind): number | undefined {
  const parents = ALLOWED_PARENTS[kind];
  if (parents.length === 0) return 1;
  if (parents.length > 1) return undefined;
  const parentDepth = fixedDepth(parents[0]);
  return parentDepth === undefined ? undefined : parentDepth + 1;
}

/** Depth (number of path labels) of each fixed-depth kind, derived from the parent rules. */
export const FIXED_KIND_DEPTH: Record<FixedDepthKind, number> = {
  city: fixedDepth('city') as number,
  district: fixedDepth('district') as number,
  street: fixedDepth('street') as number,
  community: fixedDepth('community') as number,
};

/**
 * The path of the `kind` unit at or above the unit at `path` (its community, street, …), or
 * undefined when the unit lies above that level. Pure: no query.
 */
export function enclosingPath(path: string, kind: FixedDepthKind): string | undefined {
  const labels = path.split('.');
  const depth = FIXED_KIND_DEPTH[kind];
  return labels.length < depth ? undefined : labels.slice(0, depth).join('.');
}
