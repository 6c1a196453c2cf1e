import { Injectable } from '@nestjs/common';
import { Page, PageQueryDto, paginate, queryRows, UnitScope, unitPathCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { NewPost, PostRecord } from './post-rows';
import { ServicePostEntity } from './service-post.entity';

interface PostRow {
  id: string;
  unit_id: string;
  unit_path: string;
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

const POST_COLUMNS = `id, unit_id, unit_path, title, description, category, required_skills, slots_per_shift, location_lat, location_lng, location_address, radius_m, created_by, created_at`;

function toPost(row: PostRow): PostRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitPath: row.unit_path,
    title: row.title,
    description: row.description,
    category: row.category,
    requiredSkills: row.required_skills,
    slotsPerShift: row.slots_per_shift,
    location:
      row.location_lat === null || row.location_lng === null
        ? null
        : { lat: row.location_lat, lng: row.location_lng, address: row.location_address },
    radiusM: row.radius_m,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

/**
 * The posts area's data access for posts themselves (with a copy of their unit's path); shifts,
 * claims, attendance and reminders are `PostShiftsRepository`'s.
 */
@Injectable()
export class PostsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Posts by id (unknown ids are absent from the map). */
  async findPosts(manager: EntityManager, ids: string[]): Promise<Map<string, PostRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<PostRow>(
      manager,
      `SELECT ${POST_COLUMNS} FROM volunteer_posts WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, toPost(row)]));
  }

  async findPost(manager: EntityManager, id: string): Promise<PostRecord | undefined> {
    return (await this.findPosts(manager, [id])).get(id);
  }

  async insertPost(manager: EntityManager, post: NewPost): Promise<string> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO volunteer_posts (unit_id, unit_path, title, description, category, required_skills, slots_per_shift, location_lat, location_lng, location_address, radius_m, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        post.unitId,
        post.unitPath,
        post.title,
        post.description,
        post.category,
        post.requiredSkills,
        post.slotsPerShift,
        post.location?.lat ?? null,
        post.location?.lng ?? null,
        post.location?.address ?? null,
        post.radiusM,
        post.createdBy,
      ],
    );
    return row.id;
  }

  /**
   * Posts within `visible` (by their unit-path copy) or published by `publisher`, newest first;
   * `under` narrows to a subtree, `openAfter` to posts with a shift starting after it and a slot left.
   */
  page(
    filter: { visible: UnitScope; publisher: string; under?: string; openAfter?: Date; skill?: string },
    page: PageQueryDto,
  ): Promise<Page<ServicePostEntity>> {
    const qb = this.dataSource.getRepository(ServicePostEntity).createQueryBuilder('post');
    const visible = unitPathCondition('post.unitPath', filter.visible, 'view');
    qb.where(`(${visible.sql} OR post.createdBy = :me)`, { ...visible.params, me: filter.publisher });
    if (filter.under !== undefined) {
      const under = unitPathCondition('post.unitPath', [filter.under], 'under');
      qb.andWhere(under.sql, under.params);
    }
    if (filter.openAfter) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM volunteer_post_shifts s WHERE s.post_id = post.id AND s.starts_at > :now AND s.claimed < s.slots)',
        { now: filter.openAfter },
      );
    }
    if (filter.skill) qb.andWhere(':skill = ANY(post.requiredSkills)', { skill: filter.skill });
    return paginate(qb, page, {
      sortColumn: 'post.createdAt',
      sortKey: (post) => post.createdAt,
      tieBreaker: 'post.id',
      tieKey: (post) => post.id,
      direction: 'DESC',
    });
  }
}
