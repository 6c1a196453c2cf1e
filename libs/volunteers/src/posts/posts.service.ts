import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  newCheckInSecret,
  NotFoundProblem,
  Permission,
  scopeCovers,
  TransactionRunner,
  ValidationProblem,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { VolunteerSkills } from '../profiles/volunteer-skills.service';
import { AddShiftsDto } from './dto/add-shifts.dto';
import { CreatePostDto } from './dto/create-post.dto';
import { PostDetailDto, PostPageDto } from './dto/post.dto';
import { PostsQueryDto } from './dto/posts-query.dto';
import { ShiftInputDto } from './dto/shift-input.dto';
import { PostAccess } from './post-access.service';
import { PostRecord } from './post-rows';
import { PostShiftsRepository } from './post-shifts.repository';
import { PostViews } from './post-views';
import { PostsCode, PostsException } from './posts.exception';
import { PostsRepository } from './posts.repository';

/** Posts are published at a community or a unit below it. */
const POST_UNIT_KINDS = ['community', 'grid', 'complex', 'building'] as const;
const MAX_SHIFT_MS = 24 * 3600_000;

/** Publishing posts and their shifts, and browsing them. */
@Injectable()
export class PostsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly posts: PostsRepository,
    private readonly shifts: PostShiftsRepository,
    private readonly directory: OrganizationDirectory,
    private readonly skills: VolunteerSkills,
    private readonly access: PostAccess,
    private readonly views: PostViews,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, command: CreatePostDto): Promise<PostDetailDto> {
    const unit = await this.directory.units.reachable(user, Permission.VolunteersManage, command.unitId);
    if (!(POST_UNIT_KINDS as readonly string[]).includes(unit.kind))
      throw new PostsException(PostsCode.PostUnitLevel, { extensions: { unitKind: unit.kind } });
    if (command.radiusM !== undefined && !command.location) {
      throw new ValidationProblem([
        { field: 'radiusM', constraint: 'needsLocation', message: 'radiusM needs location' },
      ]);
    }
    await this.skills.assertKnown(command.requiredSkills ?? []);
    const now = this.clock.now();
    const shifts = this.shiftTimes(command.shifts, now);
    return this.transactions.run(async (manager) => {
      const anchored = await this.directory.units.anchor(manager, unit.id);
      const postId = await this.posts.insertPost(manager, {
        unitId: anchored.id,
        unitPath: anchored.path,
        title: command.title.trim(),
        description: command.description ?? null,
        category: command.category ?? null,
        requiredSkills: command.requiredSkills ?? [],
        slotsPerShift: command.slotsPerShift,
        location: command.location
          ? { lat: command.location.lat, lng: command.location.lng, address: command.location.address ?? null }
          : null,
        radiusM: command.radiusM ?? null,
        createdBy: user.userId,
      });
      await this.insertShifts(manager, postId, command.slotsPerShift, shifts);
      await this.audit.record(
        {
          action: 'volunteers.post-created',
          targetType: 'volunteer-post',
          targetId: postId,
          unitId: anchored.id,
          unitPath: anchored.path,
          data: { title: command.title.trim(), slotsPerShift: command.slotsPerShift, shifts: shifts.length },
        },
        manager,
      );
      return this.views.detail(manager, (await this.posts.findPost(manager, postId)) as PostRecord, user.personId, now);
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
        {
          action: 'volunteers.post-shifts-added',
          targetType: 'volunteer-post',
          targetId: post.id,
          unitId: post.unitId,
          unitPath: post.unitPath,
          data: { shifts: shifts.length },
        },
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
    let under: string | undefined;
    if (query.unitId) {
      const unit = (await this.directory.units.byIds([query.unitId], manager)).get(query.unitId);
      if (!unit || !scopeCovers(scope, unit.path)) throw new NotFoundProblem('该单位');
      under = unit.path;
    }
    const page = await this.posts.page(
      { visible: scope, publisher: user.userId, under, openAfter: query.open ? now : undefined, skill: query.skill },
      query,
    );
    const records = await this.posts.findPosts(
      manager,
      page.items.map((post) => post.id),
    );
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
        throw new PostsException(PostsCode.ShiftTimes, {
          extensions: { shift: index, startsAt: shift.startsAt, endsAt: shift.endsAt },
        });
      }
      return { startsAt, endsAt };
    });
  }

  private insertShifts(
    manager: EntityManager,
    postId: string,
    slots: number,
    shifts: { startsAt: Date; endsAt: Date }[],
  ): Promise<void> {
    return this.shifts.insertShifts(
      manager,
      postId,
      slots,
      shifts.map((shift) => ({ ...shift, secret: newCheckInSecret() })),
    );
  }
}
