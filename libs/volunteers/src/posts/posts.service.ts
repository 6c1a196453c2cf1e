import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, Clock, NotFoundProblem, paginate, Permission, queryRows, scopeCovers, TransactionRunner, unitPathCondition, ValidationProblem } from '@linli/platform';
import { UnitsService } from '@linli/organization';
import { DataSource, EntityManager } from 'typeorm';
import { newCheckInSecret } from '../attendance/check-in-code';
import { VolunteerSkills } from '../profiles/volunteer-skills.service';
import { AddShiftsDto } from './dto/add-shifts.dto';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDetailDto, PostPageDto } from './dto/post.dto';
import { PostsQueryDto } from './dto/posts-query.dto';
import { ShiftInputDto } from './dto/shift-input.dto';
import { PostAccess } from './post-access.service';
import { findPost, findPosts, PostRecord } from './post-records';
import { PostViews } from './post-views';
import { PostsCode, PostsException } from './posts.exception';
import { ServicePostEntity } from './service-post.entity';

/** Posts are published at a community or a unit below it. */
const POST_UNIT_KINDS = ['community', 'grid', 'complex', 'building'] as const;
const MAX_SHIFT_MS = 24 * 3600_000;

/** Publishing posts and their shifts, and browsing them. */
@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly units: UnitsService,
    private readonly skills: VolunteerSkills,
    private readonly access: PostAccess,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, command: CreatePostDto): Promise<PostDetailDto> {
    const unit = await this.units.getReachable(user, Permission.VolunteersManage, command.unitId);
    if (!(POST_UNIT_KINDS as readonly string[]).includes(unit.kind)) throw new PostsException(PostsCode.PostUnitLevel, { extensions: { unitKind: unit.kind } });
    if (command.radiusM !== undefined && !command.location) {
      throw new ValidationProblem([{ field: 'radiusM', constraint: 'needsLocation', message: 'radiusM needs location' }]);
    }
    await this.skills.assertKnown(command.requiredSkills ?? []);
    const now = this.clock.now();
    const shifts = this.shiftTimes(command.shifts, now);
    return this.transactions.run(async (manager) => {
      const [post] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO volunteer_posts (unit_id, title, description, category, required_skills, slots_per_shift, location_lat, location_lng, location_address, radius_m, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          unit.id,
          command.title.trim(),
          command.description ?? null,
          command.category ?? null,
          command.requiredSkills ?? [],
          command.slotsPerShift,
          command.location?.lat ?? null,
          command.location?.lng ?? null,
          command.location?.address ?? null,
          command.radiusM ?? null,
          user.userId,
        ],
      );
      await this.insertShifts(manager, post.id, command.slotsPerShift, shifts);
      await this.audit.record(
        {
          action: 'volunteers.post-created',
          targetType: 'volunteer-post',
          targetId: post.id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { title: command.title.trim(), slotsPerShift: command.slotsPerShift, shifts: shifts.length },
        },
        manager,
      );
      return this.views.detail(manager, (await findPost(manager, post.id)) as PostRecord, user.personId, now);
    });
  }

  /** More shifts for a post, each with the post's slots per shift (volunteers.manage where the post is, or its publisher). */
  async addShifts(user: AuthenticatedUser, postId: string, command: AddShiftsDto): Promise<PostDetailDto> {
    const now = this.clock.now();
    const shifts = this.shiftTimes(command.shifts, now);
    return this.transactions.run(async (manager) => {
      const post = await this.access.managed(manager, user, postId, Permission.VolunteersManage, true);
      await this.insertShifts(manager, post.id, post.slotsPerShift, shifts);
      await this.audit.record(
        { action: 'volunteers.post-shifts-added', targetType: 'volunteer-post', targetId: post.id, unitId: post.unitId, unitPath: post.unitPath, data: { shifts: shifts.length } },
        manager,
      );
      return this.views.detail(manager, post, user.personId, now);
    });
  }

  async get(user: AuthenticatedUser, postId: string): Promise<PostDetailDto> {
    const manager = this.dataSource.manager;
    const post = await this.access.visible(manager, user, postId);
    return this.views.detail(manager, post, user.personId, this.clock.now());
  }

  /** Posts the caller may see, newest first. */
  async list(user: AuthenticatedUser, query: PostsQueryDto): Promise<PostPageDto> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const scope = await this.access.viewScope(manager, user);
    const qb = manager.getRepository(ServicePostEntity).createQueryBuilder('post').innerJoin('units', 'u', 'u.id = post.unitId');
    const visible = unitPathCondition('u.path', scope, 'view');
    qb.where(`(${visible.sql} OR post.createdBy = :me)`, { ...visible.params, me: user.userId });
    if (query.unitId) {
      const unit = await this.units.get(query.unitId, manager).catch(() => undefined);
      if (!unit || !scopeCovers(scope, unit.path)) throw new NotFoundProblem('该单位');
      const under = unitPathCondition('u.path', [unit.path], 'under');
      qb.andWhere(under.sql, under.params);
    }
    if (query.open) {
      qb.andWhere('EXISTS (SELECT 1 FROM volunteer_post_shifts s WHERE s.post_id = post.id AND s.starts_at > :now AND s.claimed < s.slots)', { now });
    }
    if (query.skill) qb.andWhere(':skill = ANY(post.requiredSkills)', { skill: query.skill });
    const page = await paginate(qb, query, {
      sortColumn: 'post.createdAt',
      sortKey: (post) => post.createdAt,
      tieBreaker: 'post.id',
      tieKey: (post) => post.id,
      direction: 'DESC',
    });
    const records = await findPosts(manager, page.items.map((post) => post.id));
    const posts = page.items.flatMap((post) => records.get(post.id) ?? []);
    return { items: await this.views.summaries(manager, posts, now), nextCursor: page.nextCursor };
  }

  /** Shift times: each ends after it starts, lasts at most 24 hours and starts in the future (400 `volunteers.shift-times`). */
  private shiftTimes(shifts: ShiftInputDto[], now: Date): { startsAt: Date; endsAt: Date }[] {
    return shifts.map((shift, index) => {
      const startsAt = new Date(shift.startsAt);
      const endsAt = new Date(shift.endsAt);
      const length = endsAt.getTime() - startsAt.getTime();
      if (length <= 0 || length > MAX_SHIFT_MS || startsAt.getTime() <= now.getTime()) {
        throw new PostsException(PostsCode.ShiftTimes, { extensions: { shift: index, startsAt: shift.startsAt, endsAt: shift.endsAt } });
      }
      return { startsAt, endsAt };
    });
  }

  private async insertShifts(manager: EntityManager, postId: string, slots: number, shifts: { startsAt: Date; endsAt: Date }[]): Promise<void> {
    if (shifts.length === 0) return;
    await manager.query(
      `INSERT INTO volunteer_post_shifts (post_id, starts_at, ends_at, slots, check_in_secret)
       SELECT $1, s.starts_at, s.ends_at, $2, s.secret FROM unnest($3::timestamptz[], $4::timestamptz[], $5::varchar[]) AS s (starts_at, ends_at, secret)`,
      [postId, slots, shifts.map((s) => s.startsAt), shifts.map((s) => s.endsAt), shifts.map(() => newCheckInSecret())],
    );
  }
}
