import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  escapeLike,
  Page,
  paginate,
  Permission,
  searchRanked,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { UnitEntity } from '../units/unit.entity';
import { UnitsService } from '../units/units.service';
import { CreatePersonDto } from './dto/create-person.dto';
import { PeopleQueryDto } from './dto/people-query.dto';
import { PeopleSearchQueryDto } from './dto/people-search-query.dto';
import { PersonHitDto } from './dto/person-hit.dto';
import { PersonDto } from './dto/person.dto';
import { PeopleRegistry } from './people-registry';
import { PersonEntity } from './person.entity';

/**
 * The HTTP face of people: registering one (`POST /people`), listing and reading within scope
 * (the resident's own record included), and the response DTOs. Registering and finding people
 * for the rest of the organization module is `PeopleRegistry`'s.
 */
@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly audit: AuditLog,
    private readonly units: UnitsService,
    private readonly registry: PeopleRegistry,
    private readonly references: ScopedReferences,
  ) {}

  /** `POST /people`: needs `people.manage` at the residence unit. Audited as people.created (without personal data). */
  async create(user: AuthenticatedUser, command: CreatePersonDto): Promise<PersonDto> {
    const person = await this.transactions.run(async (manager) => {
      const unit = await this.units.anchor(manager, command.residenceUnitId);
      await this.references.reachOne(user, Permission.PeopleManage, 'unit', unit.id, manager);
      const [id] = await this.registry.createMany(manager, [command]);
      const created = await this.registry.get(id, manager);
      await this.audit.record(
        {
          action: 'people.created',
          targetType: 'person',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: {
            residenceUnitId: unit.id,
            externalId: created.externalId,
            hasPhone: created.phoneIndex !== null,
            hasIdNumber: created.idNumberIndex !== null,
          },
        },
        manager,
      );
      return created;
    });
    return (await this.toDtos([person]))[0];
  }

  /**
   * `GET /people`: people residing in the caller's scope (narrowed to `unitId`'s subtree), by name;
   * `q` matches the start of the name. Exact lookups by phone or ID number are `LookupPeopleUseCase`'s.
   */
  async list(user: AuthenticatedUser, query: PeopleQueryDto): Promise<Page<PersonDto>> {
    const scope = await this.scope.scopeFilterAt(user, Permission.PeopleRead, query.unitId);
    const condition = unitPathCondition('person.residencePath', scope);
    const qb = this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('person')
      .where(condition.sql, condition.params);
    if (query.q !== undefined) qb.andWhere('person.name LIKE :namePrefix', { namePrefix: `${escapeLike(query.q)}%` });
    const page = await paginate(qb, query, {
      sortColumn: 'person.name',
      sortKey: (p) => p.name,
      tieBreaker: 'person.id',
      tieKey: (p) => p.id,
    });
    return { items: await this.toDtos(page.items), nextCursor: page.nextCursor };
  }

  /**
   * `GET /people/search`: part of the name, within the caller's scope (narrowed to `unitId`'s
   * subtree), the people residing closest to the caller's units first. Masked like every list.
   */
  async search(user: AuthenticatedUser, query: PeopleSearchQueryDto): Promise<Page<PersonHitDto>> {
    const scope = await this.scope.scopeFilterAt(user, Permission.PeopleRead, query.unitId);
    const hits = await searchRanked(
      this.dataSource.manager,
      { table: 'people', pathColumn: 'residence_path', nameColumn: 'name' },
      scope,
      query.q,
      query,
    );
    const found = await this.dataSource.getRepository(PersonEntity).findBy({ id: In(hits.items.map((hit) => hit.id)) });
    const byId = new Map((await this.toDtos(found)).map((dto) => [dto.id, dto]));
    return {
      items: hits.items.flatMap((hit) => {
        const dto = byId.get(hit.id);
        return dto ? [Object.assign(new PersonHitDto(), dto, { distance: hit.distance })] : [];
      }),
      nextCursor: hits.nextCursor,
    };
  }

  /**
   * `GET /people/:id`: with `people.read` where the person resides, or by the account linked to
   * the person (resident self-service). 404 otherwise, as for an unknown id.
   */
  async read(user: AuthenticatedUser, id: string): Promise<PersonDto> {
    const person = await this.registry.get(id);
    if (user.personId !== person.id)
      this.scope.assertCanReach(user, Permission.PeopleRead, person.residencePath, '该人员');
    return (await this.toDtos([person]))[0];
  }

  /** Response DTOs with the residence units' names (one query for the whole page). */
  async toDtos(people: PersonEntity[]): Promise<PersonDto[]> {
    const unitIds = [...new Set(people.map((p) => p.residenceUnitId))];
    const units =
      unitIds.length === 0
        ? []
        : await this.dataSource
            .getRepository(UnitEntity)
            .createQueryBuilder('unit')
            .select(['unit.id', 'unit.name'])
            .where('unit.id = ANY(:unitIds)', { unitIds })
            .getMany();
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    return people.map((person) => PersonDto.from(person, names.get(person.residenceUnitId) ?? null));
  }
}
