import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import { AuthenticatedUser, NotFoundProblem, Permission, ScopeService } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';
import { fromCenti, toCenti } from '../decisions/electorate-counting';
import { PropertyAccess } from '../access/property-access';
import { ComplexElectorate } from './complex-electorate';
import {
  PropertyElectorateDto,
  PropertyPartDto,
  PropertyPartOwnershipDto,
  PropertyPartPageDto,
} from './dto/property-part.dto';
import { PropertyPartsQueryDto } from './dto/property-parts-query.dto';
import { OwnershipRow, PartRow, PartsRepository } from './parts.repository';

/**
 * Reads of exclusive parts. Staff with property.read at the complex see every part; an owner of the
 * complex sees only the parts they own now; anyone else gets 404.
 */
@Injectable()
export class PartsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: PropertyAccess,
    private readonly scope: ScopeService,
    private readonly directory: OrganizationDirectory,
    private readonly parts: PartsRepository,
    private readonly electorate: ComplexElectorate,
  ) {}

  async list(user: AuthenticatedUser, complexId: string, query: PropertyPartsQueryDto): Promise<PropertyPartPageDto> {
    const ownerPersonId = await this.readerOf(user, complexId);
    const page = await this.parts.page(this.dataSource.manager, complexId, {
      building: query.building,
      ownerPersonId: ownerPersonId ?? undefined,
      cursor: query.cursor,
      limit: query.limit ?? 20,
    });
    return { items: await this.views(this.dataSource.manager, page.rows, false), nextCursor: page.nextCursor };
  }

  async one(user: AuthenticatedUser, id: string): Promise<PropertyPartDto> {
    const manager = this.dataSource.manager;
    const part = await this.parts.byId(manager, id);
    if (!part) throw new NotFoundProblem('该专有部分');
    if (!this.scope.canReach(user, Permission.PropertyRead, part.unit_path)) {
      const owns =
        user.personId && (await this.parts.ownerships(manager, [id])).some((row) => row.person_id === user.personId);
      if (!owns) throw new NotFoundProblem('该专有部分');
    }
    const [view] = await this.views(manager, [part], true);
    return view;
  }

  /** Staff only (property.read at the complex): the counts of 民法典 278 as the complex stands now. */
  async electorateOf(user: AuthenticatedUser, complexId: string): Promise<PropertyElectorateDto> {
    await this.access.complex(user, Permission.PropertyRead, complexId);
    const electorate = await this.electorate.current(this.dataSource.manager, complexId);
    const developer = electorate.heads.find((head) => head.developer);
    return {
      parts: electorate.parts,
      totalAreaM2: fromCenti(electorate.totalAreaCenti),
      heads: electorate.heads.length,
      developerParts: developer?.partIds.length ?? 0,
      headsList: electorate.heads.map((head) => ({
        key: head.key,
        areaM2: fromCenti(head.areaCenti),
        parts: head.partIds.length,
        developer: head.developer,
      })),
    };
  }

  /** null for staff who read the whole complex; the owner's person id for an owner; 404 otherwise. */
  private async readerOf(user: AuthenticatedUser, complexId: string): Promise<string | null> {
    const unit = (await this.directory.units.byIds([complexId])).get(complexId);
    if (unit && this.scope.canReach(user, Permission.PropertyRead, unit.path)) {
      await this.access.complex(user, Permission.PropertyRead, complexId);
      return null;
    }
    if (unit && user.personId && (await this.access.isOwner(user, unit.path))) return user.personId;
    throw new NotFoundProblem('该小区');
  }

  private async views(manager: EntityManager, rows: PartRow[], history: boolean): Promise<PropertyPartDto[]> {
    const ownerships = await this.parts.ownerships(
      manager,
      rows.map((row) => row.id),
      history,
    );
    const names = await this.directory.people.names([...new Set(ownerships.map((row) => row.person_id))], manager);
    const view = (row: OwnershipRow): PropertyPartOwnershipDto => ({
      personId: row.person_id,
      name: names.get(row.person_id) ?? '',
      startedOn: row.started_on,
      endedOn: row.ended_on,
    });
    return rows.map((row) => {
      const mine = ownerships.filter((ownership) => ownership.part_id === row.id);
      return {
        id: row.id,
        complexId: row.complex_id,
        building: row.building,
        number: row.number,
        areaM2: fromCenti(toCenti(row.area)),
        areaSource: row.area_source,
        status: row.status,
        owners: mine.filter((ownership) => ownership.ended_on === null).map(view),
        ...(history ? { history: mine.map(view) } : {}),
      };
    });
  }
}
