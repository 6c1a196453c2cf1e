import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuthenticatedUser,
  Clock,
  decodeCursor,
  encodeCursor,
  hasPermission,
  NotFoundProblem,
  Permission,
  ScopeService,
} from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { DemandAccess } from './demand-access.service';
import { DemandsRepository } from './demands.repository';
import { DemandDetailDto, DemandDto, DemandPageDto } from './dto/demand.dto';
import { DemandMatchListDto } from './dto/demand-match.dto';
import { DemandsQueryDto } from './dto/demands-query.dto';
import { DemandMatching } from './matching/demand-matching.service';

/** Reads demands: one with its fulfilment history, or a page of those the caller may see, newest first. */
@Injectable()
export class DemandsQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly demands: DemandsRepository,
    private readonly access: DemandAccess,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly clock: Clock,
    private readonly matching: DemandMatching,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<DemandDetailDto> {
    const manager = this.dataSource.manager;
    await this.access.load(manager, user, id);
    return this.detail(manager, id);
  }

  /** Volunteers ranked for the demand (staff with volunteers.read where it is; 404 otherwise). */
  async matches(user: AuthenticatedUser, id: string, limit: number): Promise<DemandMatchListDto> {
    const manager = this.dataSource.manager;
    const { row } = await this.access.load(manager, user, id);
    this.scope.assertCanReach(user, Permission.VolunteersRead, row.unit_path, '该需求');
    return { items: await this.matching.rank(manager, row, limit) };
  }

  /** The demand as it stands in `manager`'s transaction, with every fulfilment attempt. */
  async detail(manager: EntityManager, id: string): Promise<DemandDetailDto> {
    const row = await this.demands.find(manager, id);
    if (!row) throw new NotFoundProblem('该需求');
    const fulfilments = await this.demands.fulfilments(manager, id);
    return DemandDetailDto.detail(row, await this.unitName(row.unit_id, manager), fulfilments, this.clock.now());
  }

  /** The name of a demand's unit (for responses and notifications). */
  async unitName(unitId: string, manager?: EntityManager): Promise<string> {
    return (await this.directory.units.byIds([unitId], manager)).get(unitId)?.name ?? '';
  }

  /**
   * Staff: the demands in their volunteers.read scope. Everyone: those they posted or claimed,
   * those they were invited to, and those below the community they live in. `mine`: only those
   * they posted or claimed. `unitId` narrows to a subtree (404 for staff outside their scope).
   */
  async list(user: AuthenticatedUser, query: DemandsQueryDto): Promise<DemandPageDto> {
    const manager = this.dataSource.manager;
    const community = !query.mine && user.personId ? await this.access.communityOf(manager, user.personId) : null;
    let unitPath: string | undefined;
    if (query.unitId) {
      unitPath = await this.scope.unitPath(query.unitId);
      if (
        hasPermission(user, Permission.VolunteersRead) &&
        !this.scope.canReach(user, Permission.VolunteersRead, unitPath)
      )
        throw new NotFoundProblem('该单位');
    }
    const limit = query.limit ?? 20;
    const rows = await this.demands.list({
      personId: user.personId,
      userId: user.userId,
      mine: query.mine === true,
      scope: this.scope.scopeFilter(user, Permission.VolunteersRead),
      communityPath: community,
      unitPath,
      status: query.status,
      kind: query.kind,
      skill: query.skill,
      after: query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined,
      limit,
    });
    const page = rows.slice(0, limit);
    const units = await this.directory.units.byIds(page.map((row) => row.unit_id));
    const last = page[page.length - 1];
    const now = this.clock.now();
    return {
      items: page.map((row) => DemandDto.from(row, units.get(row.unit_id)?.name ?? '', now)),
      nextCursor: rows.length > limit && last ? encodeCursor([new Date(last.created_at).toISOString(), last.id]) : null,
    };
  }
}
