import { EntityManager } from 'typeorm';
import { queryRows } from '@linli/platform';

/** A post as the use cases need it: its own columns and where it is (the unit's current path and name). */
export interface PostRecord {
  id: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  title: string;
  description: string | null;
  category: string | null;
  requiredSkills: string[];
  slotsPerShift: number;
  location: { lat: number; lng: number; address: string | null } | null;
  radiusM: number | null;
  createdBy: string;
  createdAt: Date;
}

interface PostRow {
  id: string;
  unit_id: string;
  unit_path: string;
  unit_name: string;
  title: string;
  description: string | null;
  category: string | null;
  required_skills: string[];
  slots_per_shift: number;
  location_lat: number | null;
  location_lng: number | null;
  location_address: string | null;
  radius_m: number | null;
  created_by: string;
  created_at: Date;
}

const POST_SELECT = `SELECT p.id, p.unit_id, u.path AS unit_path, u.name AS unit_name, p.title, p.description, p.category, p.required_skills,
                            p.slots_per_shift, p.location_lat, p.location_lng, p.location_address, p.radius_m, p.created_by, p.created_at
                       FROM volunteer_posts p JOIN units u ON u.id = p.unit_id`;

function toRecord(row: PostRow): PostRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    unitName: row.unit_name,
    title: row.title,
    description: row.description,
    category: row.category,
    requiredSkills: row.required_skills,
    slotsPerShift: row.slots_per_shift,
    location: row.location_lat === null || row.location_lng === null ? null : { lat: row.location_lat, lng: row.location_lng, address: row.location_address },
    radiusM: row.radius_m,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

/** Posts by id (unknown ids are absent from the map). */
export async function findPosts(manager: EntityManager, ids: string[]): Promise<Map<string, PostRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<PostRow>(manager, `${POST_SELECT} WHERE p.id = ANY($1::uuid[])`, [[...new Set(ids)]]);
  return new Map(rows.map((row) => [row.id, toRecord(row)]));
}

export async function findPost(manager: EntityManager, id: string): Promise<PostRecord | undefined> {
  return (await findPosts(manager, [id])).get(id);
}
