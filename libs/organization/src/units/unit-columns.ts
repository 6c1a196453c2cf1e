/** `UnitEntity`'s columns under its property names, for plain SQL (`queryRows`) on `units`. */
export const UNIT_COLUMNS = `id, seq::text AS seq, kind, name, code, parent_id AS "parentId", path, depth, residents, households,
  area_m2::text AS "areaM2", created_at AS "createdAt", updated_at AS "updatedAt"`;
