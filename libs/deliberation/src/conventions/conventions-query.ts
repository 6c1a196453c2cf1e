import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  encodeCursor,
  NotFoundProblem,
  PageQueryDto,
  Permission,
  ScopeService,
} from '@linli/platform';
import { DeliberationAccess } from '../access/deliberation-access';
import { ConventionAccess } from './convention-access';
import { ConventionCommentsRepository } from './convention-comments.repository';
import { keysetCursor } from './convention-cursor';
import { ConventionViews } from './convention-views';
import { ConventionsRepository } from './conventions.repository';
import { ConventionCommentPageDto, ConventionCommentDto } from './dto/convention-comment.dto';
import { ConventionDto, ConventionPageDto } from './dto/convention.dto';
import { ConventionsQueryDto } from './dto/conventions-query.dto';

/** Reads conventions: one version, a community's versions, the one in force, a version's comments. */
@Injectable()
export class ConventionsQuery {
  constructor(
    private readonly conventions: ConventionsRepository,
    private readonly comments: ConventionCommentsRepository,
    private readonly conventionAccess: ConventionAccess,
    private readonly access: DeliberationAccess,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly views: ConventionViews,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<ConventionDto> {
    return this.views.one(await this.conventionAccess.visible(user, id));
  }

  /** Versions newest first; `unitId`: of that unit's community only (404 when the caller may see nothing there). */
  async list(user: AuthenticatedUser, query: ConventionsQueryDto): Promise<ConventionPageDto> {
    const community = query.unitId ? await this.communityOf(user, query.unitId) : undefined;
    const limit = query.limit ?? 20;
    const rows = await this.conventions.list(await this.access.visibility(user, 'c.unit_path'), {
      unitId: community?.id,
      after: keysetCursor(query.cursor),
      limit,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.views.many(page),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** The convention in force for the community enclosing the unit; 404 when none. */
  async inForce(user: AuthenticatedUser, unitId: string): Promise<ConventionDto> {
    const community = await this.communityOf(user, unitId);
    const convention = await this.conventions.inForce(undefined, community.id);
    if (!convention) throw new NotFoundProblem('该社区现行居民公约');
    return this.views.one(convention);
  }

  async commentsOf(user: AuthenticatedUser, id: string, query: PageQueryDto): Promise<ConventionCommentPageDto> {
    await this.conventionAccess.visible(user, id);
    const limit = query.limit ?? 20;
    const rows = await this.comments.list(id, keysetCursor(query.cursor), limit);
    const page = rows.slice(0, limit);
    const authors = page.flatMap((c) => (c.authorPersonId ? [c.authorPersonId] : []));
    const names = await this.directory.people.names([...new Set(authors)]);
    const last = page[page.length - 1];
    return {
      items: page.map((c) =>
        ConventionCommentDto.from(
          c,
          c.authorPersonId ? (names.get(c.authorPersonId) ?? '') : '',
          c.authorPersonId !== null && c.authorPersonId === user.personId,
        ),
      ),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /**
   * The community enclosing the unit, for a caller who may see the unit (staff in scope there) or
   * the community (its residents, staff above it); 404 otherwise.
   */
  private async communityOf(user: AuthenticatedUser, unitId: string): Promise<{ id: string; path: string }> {
    const unit = (await this.directory.units.byIds([unitId])).get(unitId);
    if (!unit) throw new NotFoundProblem('该单位');
    const community = (await this.directory.units.enclosing([unit.path], 'community')).get(unit.path);
    if (
      !community ||
      !(
        this.scope.canReach(user, Permission.DeliberationRead, unit.path) ||
        (await this.access.canSee(user, community.path))
      )
    )
      throw new NotFoundProblem('该单位');
    return community;
  }
}
