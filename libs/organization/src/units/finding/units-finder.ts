import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  mapPage,
  Page,
  PageQueryDto,
  paginate,
  pathPrefixes,
  Permission,
  queryRows,
  scopeCovers,
  ScopeService,
  searchRanked,
  UnitScope,
} from '@linli/platform';
import { DataSource } from 'typeorm';
import { UnitHitDto } from '../dto/unit-hit.dto';
import { UnitSearchQueryDto } from '../dto/unit-search-query.dto';
import { UnitDto } from '../dto/unit.dto';
import { UNIT_COLUMNS } from '../unit-columns';
import { UnitEntity } from '../unit.entity';
import { UnitsService } from '../units.service';

/**
 * Finding units without knowing an id: the caller's top units, a ranked search within scope and a
 * unit's breadcrumb. Everything stays inside the caller's `units.read` scope, ancestors included.
 */
@Injectable()
export class UnitsFinder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly units: UnitsService,
  ) {}

  /** `GET /units`: the units the caller's grants are at (a deployment-wide grant: the cities), by name. */
  async top(user: AuthenticatedUser, page: PageQueryDto): Promise<Page<UnitDto>> {
    const scope = this.scope.scopeFilter(user, Permission.UnitsRead);
    if (scope !== 'all' && scope.length === 0) return { items: [], nextCursor: null };
    const qb = this.dataSource.getRepository(UnitEntity).createQueryBuilder('unit');
    if (scope === 'all') qb.where('unit.parentId IS NULL');
    else qb.where('unit.path = ANY(:paths)', { paths: scope });
    const found = await paginate(qb, page, {
      sortColumn: 'unit.name',
      sortKey: (unit) => unit.name,
      tieBreaker: 'unit.id',
      tieKey: (unit) => unit.id,
    });
    return mapPage(found, (unit) => UnitDto.from(unit));
  }

  /** `GET /units/search`: name or code, ranked by closeness to the caller's units, each with its breadcrumb. */
  async search(user: AuthenticatedUser, query: UnitSearchQueryDto): Promise<Page<UnitHitDto>> {
    const scope = this.scope.scopeFilter(user, Permission.UnitsRead);
    const hits = await searchRanked<UnitEntity>(
      this.dataSource.manager,
      {
        table: 'units',
        pathColumn: 'path',
        nameColumn: 'name',
        alsoMatch: ['code'],
        where: query.kind ? [{ sql: 'kind = :kind', params: { kind: query.kind } }] : [],
        columns: UNIT_COLUMNS,
      },
      scope,
      query.q,
      query,
    );
    const names = await this.namesByPath(hits.items.flatMap((unit) => this.reachableAbove(unit.path, scope)));
    return {
      items: hits.items.map((unit) =>
        UnitHitDto.hit(
          unit,
          unit.distance,
          this.reachableAbove(unit.path, scope).flatMap((path) => names.get(path) ?? []),
        ),
      ),
      nextCursor: hits.nextCursor,
    };
  }

  /** `GET /units/:id/ancestors`: from the caller's top unit on this line down to the unit itself. */
  async ancestors(user: AuthenticatedUser, id: string): Promise<UnitDto[]> {
    const unit = await this.units.getReachable(user, Permission.UnitsRead, id);
    const scope = this.scope.scopeFilter(user, Permission.UnitsRead);
    const line = await this.units.ancestors(unit.path);
    return line.filter((row) => scopeCovers(scope, row.path)).map((row) => UnitDto.from(row));
  }

  /** The paths strictly above `path` that the scope reaches, from the top down. */
  private reachableAbove(path: string, scope: UnitScope): string[] {
    return pathPrefixes(path)
      .slice(0, -1)
      .filter((prefix) => scopeCovers(scope, prefix));
  }

  private async namesByPath(paths: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return new Map();
    const rows = await queryRows<{ path: string; name: string }>(
      this.dataSource.manager,
      'SELECT path, name FROM units WHERE path = ANY($1)',
      [unique],
    );
    return new Map(rows.map((row) => [row.path, row.name]));
  }
}
