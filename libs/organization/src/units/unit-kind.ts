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
