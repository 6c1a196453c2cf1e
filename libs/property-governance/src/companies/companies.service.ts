import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  AuthenticatedUser,
  Clock,
  decodeCursor,
  encodeCursor,
  NotFoundProblem,
  Permission,
  ScopedReferences,
  TransactionRunner,
} from '@linli/platform';
import { PropertyAccess } from '../access/property-access';
import { CompaniesCode, CompaniesException } from './companies.exception';
import { CompaniesRepository, contractView } from './companies.repository';
import { isValidCreditCode } from './credit-code';
import { CreatePropertyCompanyDto } from './dto/create-property-company.dto';
import { PropertyCompanyDetailDto, PropertyCompanyDto, PropertyCompanyPageDto } from './dto/property-company.dto';
import { PropertyCompaniesQueryDto } from './dto/property-contracts-query.dto';

/**
 * The register of property companies (物业服务企业): deployment-wide records (a company serves
 * complexes anywhere), registered by property.companies.manage, seen by any staff with property.read.
 * Their contracts and scores shown are those at complexes in the caller's scope.
 */
@Injectable()
export class CompaniesService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly references: ScopedReferences,
    private readonly companies: CompaniesRepository,
    private readonly access: PropertyAccess,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthenticatedUser, body: CreatePropertyCompanyDto): Promise<PropertyCompanyDto> {
    if (!isValidCreditCode(body.creditCode)) throw new CompaniesException(CompaniesCode.CreditCodeInvalid);
    return this.transactions.run(async (manager) => {
      if (body.partyOrganizationId)
        await this.references.reach(
          user,
          Permission.PropertyCompaniesManage,
          { organization: body.partyOrganizationId },
          manager,
        );
      const company = await this.companies.insertCompany(manager, {
        name: body.name.trim(),
        creditCode: body.creditCode,
        partyOrganizationId: body.partyOrganizationId ?? null,
        userId: user.userId,
        now: this.clock.now(),
      });
      if (!company) throw new CompaniesException(CompaniesCode.CompanyExists);
      await this.audit.record(
        {
          action: 'property.company-registered',
          targetType: 'property-company',
          targetId: company.id,
          data: { creditCode: company.creditCode },
        },
        manager,
      );
      return company;
    });
  }

  async list(query: PropertyCompaniesQueryDto): Promise<PropertyCompanyPageDto> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
    const rows = await this.companies.companies(after ? { name: after[0], id: after[1] } : undefined, limit);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
  }

  async get(user: AuthenticatedUser, id: string): Promise<PropertyCompanyDetailDto> {
    const company = await this.companies.company(id);
    if (!company) throw new NotFoundProblem('该物业服务企业');
    const visible = await this.access.visibility(user, 'c.unit_path');
    const contracts = await this.companies.contracts(visible, { companyId: id, limit: 200 });
    const scores = await this.companies.latestScores(id, await this.access.visibility(user, 'r.unit_path'));
    return { ...company, contracts: contracts.slice(0, 200).map(contractView), latestScores: scores };
  }
}
