import { Injectable } from '@nestjs/common';
import {
  AuthenticatedUser,
  NotFoundProblem,
  paginate,
  Permission,
  ScopedReferences,
  ScopeService,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { PersonEntity } from '../people/person.entity';
import { OfficerListDto } from './dto/officer-list.dto';
import { OfficerDto } from './dto/officer.dto';
import { PartyOrganizationPageDto } from './dto/party-organization-page.dto';
import { PartyOrganizationDto } from './dto/party-organization.dto';
import { PartyOrganizationsQueryDto } from './dto/party-organizations-query.dto';
import { OFFICER_ROLES } from './organization-kind';
import { OrganizationCoverageEntity } from './organization-coverage.entity';
import { OrganizationOfficerEntity } from './organization-officer.entity';
import { PartyOrganizationEntity } from './party-organization.entity';

/** Reading party organizations within the caller's scope (an organization is in scope when its anchor unit is). */
@Injectable()
export class PartyOrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly references: ScopedReferences,
  ) {}

  /** The organization if the caller holds `permission` at its anchor unit; 404 otherwise (missing and out of scope alike). */
  async findInScope(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    manager?: EntityManager,
  ): Promise<PartyOrganizationEntity> {
    const organization = await (manager ?? this.dataSource.manager)
      .getRepository(PartyOrganizationEntity)
      .findOneBy({ id });
    if (!organization || !this.scope.canReach(user, permission, organization.unitPath))
      throw new NotFoundProblem('该党组织');
    return organization;
  }

  async get(user: AuthenticatedUser, id: string): Promise<PartyOrganizationDto> {
    const organization = await this.findInScope(user, id, Permission.OrganizationsRead);
    return (await this.present([organization]))[0];
  }

  async list(user: AuthenticatedUser, query: PartyOrganizationsQueryDto): Promise<PartyOrganizationPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.OrganizationsRead, query.unitId);
    const qb = this.dataSource.getRepository(PartyOrganizationEntity).createQueryBuilder('org');
    const condition = unitPathCondition('org.unitPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.kind) qb.andWhere('org.kind = :kind', { kind: query.kind });
    if (query.parentId)
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', query.parentId);
    if (query.parentId) qb.andWhere('org.parentId = :parentId', { parentId: query.parentId });
    const page = await paginate(qb, query, {
      sortColumn: 'org.name',
      sortKey: (o) => o.name,
      tieBreaker: 'org.id',
      tieKey: (o) => o.id,
    });
    return { items: await this.present(page.items), nextCursor: page.nextCursor };
  }

  async officers(user: AuthenticatedUser, id: string): Promise<OfficerListDto> {
    await this.findInScope(user, id, Permission.OrganizationsRead);
    const officers = await this.dataSource
      .getRepository(OrganizationOfficerEntity)
      .find({ where: { organizationId: id } });
    const names = await this.personNames(officers.map((o) => o.personId));
    const current = officers
      .filter((o) => o.endedAt === null)
      .sort(
        (a, b) =>
          OFFICER_ROLES.indexOf(a.role) - OFFICER_ROLES.indexOf(b.role) || a.termStart.localeCompare(b.termStart),
      );
    const past = officers
      .filter((o) => o.endedAt !== null)
      .sort((a, b) => (b.endedAt?.getTime() ?? 0) - (a.endedAt?.getTime() ?? 0));
    return { items: [...current, ...past].map((o) => OfficerDto.from(o, names.get(o.personId) ?? '')) };
  }

  /** Response DTOs with covered units and current officers, in three queries for any number of organizations. */
  async present(organizations: PartyOrganizationEntity[]): Promise<PartyOrganizationDto[]> {
    if (organizations.length === 0) return [];
    const ids = organizations.map((o) => o.id);
    const [coverage, officers] = await Promise.all([
      this.dataSource
        .getRepository(OrganizationCoverageEntity)
        .find({ where: { organizationId: In(ids) }, order: { unitPath: 'ASC' } }),
      this.dataSource
        .getRepository(OrganizationOfficerEntity)
        .find({ where: { organizationId: In(ids), endedAt: IsNull() }, order: { termStart: 'ASC' } }),
    ]);
    const names = await this.personNames(officers.map((o) => o.personId));
    return organizations.map((organization) =>
      PartyOrganizationDto.from(
        organization,
        coverage.filter((c) => c.organizationId === organization.id).map((c) => c.unitId),
        officers
          .filter((o) => o.organizationId === organization.id)
          .sort((a, b) => OFFICER_ROLES.indexOf(a.role) - OFFICER_ROLES.indexOf(b.role))
          .map((o) => OfficerDto.from(o, names.get(o.personId) ?? '')),
      ),
    );
  }

  async organizationNames(organizationIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(organizationIds)];
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(PartyOrganizationEntity)
      .find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((o) => [o.id, o.name]));
  }

  async personNames(personIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(personIds)];
    if (ids.length === 0) return new Map();
    const people = await this.dataSource
      .getRepository(PersonEntity)
      .find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(people.map((p) => [p.id, p.name]));
  }
}
