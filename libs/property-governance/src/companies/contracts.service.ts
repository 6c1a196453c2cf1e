import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  decodeTimeIdCursor,
  encodeCursor,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { DateTime } from 'luxon';
import { PropertyAccess } from '../access/property-access';
import { CompaniesCode, CompaniesException } from './companies.exception';
import { CompaniesRepository, ContractRow, contractView } from './companies.repository';
import { CreatePropertyContractDto, EndPropertyContractDto } from './dto/create-property-contract.dto';
import { PropertyContractDto, PropertyContractPageDto } from './dto/property-company.dto';
import { PropertyContractsQueryDto } from './dto/property-contracts-query.dto';

const dayBefore = (date: string): string =>
  DateTime.fromISO(date, { zone: 'utc' }).minus({ days: 1 }).toISODate() as string;

/**
 * Service contracts (物业服务合同) of a company at a complex. A new contract takes over: the complex's
 * running contract (no end, or an end on or after the new start) ends on the day before the new
 * start (recorded with the reason `由新合同接替`); when that contract started on or after the new
 * start it cannot, and the answer is 409 `property.contract-overlap`.
 */
@Injectable()
export class ContractsService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly companies: CompaniesRepository,
    private readonly access: PropertyAccess,
    private readonly directory: OrganizationDirectory,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, body: CreatePropertyContractDto): Promise<PropertyContractDto> {
    if (body.endsOn && body.endsOn <= body.startsOn) throw new CompaniesException(CompaniesCode.ContractDates);
    await this.access.complex(user, Permission.PropertyManage, body.complexId);
    if (body.hiringDecisionId)
      await this.references.reach(user, Permission.PropertyManage, { decision: body.hiringDecisionId });
    return this.transactions.run(async (manager) => {
      const complex = await this.directory.units.anchor(manager, body.complexId);
      if (!(await this.companies.company(body.companyId, manager))) throw new NotFoundProblem('该物业服务企业');
      if (body.hiringDecisionId) {
        const decision = await this.companies.decision(manager, body.hiringDecisionId);
        if (
          !decision ||
          decision.complex_id !== complex.id ||
          decision.matter !== 'company_hiring' ||
          decision.status !== 'closed' ||
          decision.outcome !== 'passed'
        )
          throw new CompaniesException(CompaniesCode.ContractDecisionInvalid);
      }
      const running = await this.companies.runningFrom(manager, complex.id, body.startsOn);
      if (running.some((contract) => contract.starts_on >= body.startsOn))
        throw new CompaniesException(CompaniesCode.ContractOverlap);
      for (const contract of running)
        await this.companies.endContract(manager, contract.id, dayBefore(body.startsOn), '由新合同接替');
      const id = await this.companies.insertContract(manager, {
        companyId: body.companyId,
        complexId: complex.id,
        unitPath: complex.path,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        hiringDecisionId: body.hiringDecisionId ?? null,
        userId: user.userId,
        now: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'property.contract-signed',
          targetType: 'property-contract',
          targetId: id,
          unitId: complex.id,
          unitPath: complex.path,
          data: {
            companyId: body.companyId,
            startsOn: body.startsOn,
            replaced: running.map((contract) => contract.id),
          },
        },
        manager,
      );
      return contractView((await this.companies.contract(manager, id)) as ContractRow);
    });
  }

  async end(user: AuthenticatedUser, id: string, body: EndPropertyContractDto): Promise<PropertyContractDto> {
    await this.references.reachOne(user, Permission.PropertyManage, 'contract', id);
    return this.transactions.run(async (manager) => {
      const contract = await this.companies.contract(manager, id, true);
      if (!contract) throw new NotFoundProblem('该物业服务合同');
      if (contract.ended_reason !== null) throw new CompaniesException(CompaniesCode.ContractEnded);
      if (body.endsOn <= contract.starts_on) throw new CompaniesException(CompaniesCode.ContractDates);
      await this.companies.endContract(manager, id, body.endsOn, body.reason.trim());
      await this.audit.record(
        {
          action: 'property.contract-ended',
          targetType: 'property-contract',
          targetId: id,
          unitId: contract.complex_id,
          unitPath: contract.unit_path,
          data: { endsOn: body.endsOn },
        },
        manager,
      );
      return contractView((await this.companies.contract(manager, id)) as ContractRow);
    });
  }

  async list(user: AuthenticatedUser, query: PropertyContractsQueryDto): Promise<PropertyContractPageDto> {
    if (query.complexId) {
      const unit = (await this.directory.units.byIds([query.complexId])).get(query.complexId);
      if (!unit) throw new NotFoundProblem('该小区');
      await this.access.assertCanSee(user, unit.path, '该小区');
    }
    const limit = query.limit ?? 20;
    const rows = await this.companies.contracts(await this.access.visibility(user, 'c.unit_path'), {
      complexId: query.complexId,
      after: query.cursor ? decodeTimeIdCursor(query.cursor) : undefined,
      limit,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(contractView),
      nextCursor: rows.length > limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
    };
  }
}
