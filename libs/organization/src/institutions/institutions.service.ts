import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  mapPage,
  NotFoundProblem,
  paginate,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
  unitPathCondition,
} from '@linli/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { CreateInstitutionDto } from './dto/create-institution.dto';
import { InstitutionPageDto } from './dto/institution-page.dto';
import { InstitutionDto } from './dto/institution.dto';
import { InstitutionsQueryDto } from './dto/institutions-query.dto';
import { UpdateInstitutionDto } from './dto/update-institution.dto';
import { InstitutionEntity } from './institution.entity';
import { InstitutionCode, InstitutionException } from './institutions.exception';

/**
 * Agencies, enterprises and social organizations located at units (驻区单位, 两新组织). Read with
 * organizations.read where they are located; registered and changed with institutions.manage.
 */
@Injectable()
export class InstitutionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly scope: ScopeService,
    private readonly references: ScopedReferences,
    private readonly audit: AuditLog,
  ) {}

  /** The institution if the caller holds `permission` where it is located; 404 otherwise. */
  async findInScope(
    user: AuthenticatedUser,
    id: string,
    permission: Permission,
    manager?: EntityManager,
  ): Promise<InstitutionEntity> {
    const institution = await (manager ?? this.dataSource.manager).getRepository(InstitutionEntity).findOneBy({ id });
    if (!institution || !this.scope.canReach(user, permission, institution.unitPath))
      throw new NotFoundProblem('该单位（机构）');
    return institution;
  }

  async get(user: AuthenticatedUser, id: string): Promise<InstitutionDto> {
    return InstitutionDto.from(await this.findInScope(user, id, Permission.OrganizationsRead));
  }

  async list(user: AuthenticatedUser, query: InstitutionsQueryDto): Promise<InstitutionPageDto> {
    const scope = await this.scope.scopeFilterAt(user, Permission.OrganizationsRead, query.unitId);
    const qb = this.dataSource.getRepository(InstitutionEntity).createQueryBuilder('institution');
    const condition = unitPathCondition('institution.unitPath', scope);
    qb.where(condition.sql, condition.params);
    if (query.kind) qb.andWhere('institution.kind = :kind', { kind: query.kind });
    if (query.hasPartyOrganization !== undefined)
      qb.andWhere(`institution.partyOrganizationId IS ${query.hasPartyOrganization ? 'NOT NULL' : 'NULL'}`);
    const page = await paginate(qb, query, {
      sortColumn: 'institution.name',
      sortKey: (i) => i.name,
      tieBreaker: 'institution.id',
      tieKey: (i) => i.id,
    });
    return mapPage(page, (institution) => InstitutionDto.from(institution));
  }

  async create(user: AuthenticatedUser, command: CreateInstitutionDto): Promise<InstitutionDto> {
    // The unit in your institutions.manage scope; the party organization (it may be a joint one
    // anchored above the unit) in your organizations.read scope.
    const unitPath = (await this.references.reachOne(
      user,
      Permission.InstitutionsManage,
      'unit',
      command.unitId,
    )) as string;
    if (command.partyOrganizationId)
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', command.partyOrganizationId);
    const institution = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(InstitutionEntity);
      const saved = await this.withUniqueCode(() =>
        repository.save(
          repository.create({
            kind: command.kind,
            name: command.name,
            code: command.code ?? null,
            unitId: command.unitId,
            unitPath,
            partyOrganizationId: command.partyOrganizationId ?? null,
          }),
        ),
      );
      await this.audit.record(
        {
          action: 'institutions.created',
          targetType: 'institution',
          targetId: saved.id,
          unitId: saved.unitId,
          unitPath,
          data: { kind: saved.kind, name: saved.name, partyOrganizationId: saved.partyOrganizationId },
        },
        manager,
      );
      return repository.findOneByOrFail({ id: saved.id });
    });
    return InstitutionDto.from(institution);
  }

  async update(user: AuthenticatedUser, id: string, command: UpdateInstitutionDto): Promise<InstitutionDto> {
    await this.findInScope(user, id, Permission.InstitutionsManage);
    if (command.partyOrganizationId)
      await this.references.reachOne(user, Permission.OrganizationsRead, 'organization', command.partyOrganizationId);
    const institution = await this.transactions.run(async (manager) => {
      const repository = manager.getRepository(InstitutionEntity);
      const existing = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!existing) throw new NotFoundProblem('该单位（机构）');
      const changes: Partial<InstitutionEntity> = {};
      if (command.kind !== undefined && command.kind !== existing.kind) changes.kind = command.kind;
      if (command.name !== undefined && command.name !== existing.name) changes.name = command.name;
      if (command.code !== undefined && command.code !== existing.code) changes.code = command.code;
      if (command.partyOrganizationId !== undefined && command.partyOrganizationId !== existing.partyOrganizationId)
        changes.partyOrganizationId = command.partyOrganizationId;
      if (Object.keys(changes).length === 0) return existing;
      await this.withUniqueCode(() => repository.update({ id }, changes));
      await this.audit.record(
        {
          action: 'institutions.updated',
          targetType: 'institution',
          targetId: id,
          unitId: existing.unitId,
          unitPath: existing.unitPath,
          data: { ...changes },
        },
        manager,
      );
      return repository.findOneByOrFail({ id });
    });
    return InstitutionDto.from(institution);
  }

  private async withUniqueCode<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error as QueryFailedError & { constraint?: string }).constraint === 'institutions_code_key'
      ) {
        throw new InstitutionException(InstitutionCode.CodeTaken);
      }
      throw error;
    }
  }
}
