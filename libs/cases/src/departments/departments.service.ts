import { Injectable } from '@nestjs/common';
import { OrganizationDirectory } from '@linli/organization';
import {
  AuditLog,
  AuthenticatedUser,
  Permission,
  ScopedReferences,
  ScopeService,
  TransactionRunner,
} from '@linli/platform';
import { CategoriesCode, CategoriesException } from '../categories/categories.exception';
import { CategoriesRepository } from '../categories/categories.repository';
import { DepartmentRow, DepartmentsRepository } from './departments.repository';
import {
  CaseDepartmentDto,
  CaseDepartmentPageDto,
  CaseDepartmentsQueryDto,
  CreateCaseDepartmentDto,
} from './dto/case-department.dto';

const DEPARTMENT_KINDS = ['street', 'district'];

/** Departments (housing, justice, urban management, police station, …) at a street or district, with the categories they handle. */
@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly categories: CategoriesRepository,
    private readonly directory: OrganizationDirectory,
    private readonly references: ScopedReferences,
    private readonly scope: ScopeService,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async create(user: AuthenticatedUser, body: CreateCaseDepartmentDto): Promise<CaseDepartmentDto> {
    await this.references.reachOne(user, Permission.CasesManage, 'unit', body.unitId);
    return this.transactions.run(async (manager) => {
      const unit = await this.directory.units.anchor(manager, body.unitId);
      if (!DEPARTMENT_KINDS.includes(unit.kind))
        throw new CategoriesException(CategoriesCode.DepartmentUnit, { extensions: { kind: unit.kind } });
      const codes = [...new Set(body.categoryCodes)];
      const known = await this.categories.byCodes(codes, manager);
      const unknown = codes.filter((code) => !known.has(code));
      if (unknown.length > 0)
        throw new CategoriesException(CategoriesCode.CategoryUnknown, { extensions: { categoryCodes: unknown } });
      const name = body.name.trim();
      const id = await this.departments.insert(manager, {
        unitId: unit.id,
        unitPath: unit.path,
        name,
        categoryIds: [...known.values()].map((category) => category.id),
        userId: user.userId,
      });
      if (!id) throw new CategoriesException(CategoriesCode.DepartmentExists);
      await this.audit.record(
        {
          action: 'cases.department-created',
          targetType: 'case-department',
          targetId: id,
          unitId: unit.id,
          unitPath: unit.path,
          data: { name, categoryCodes: codes },
        },
        manager,
      );
      return (await this.views([(await this.departments.byIds([id], manager)).get(id) as DepartmentRow]))[0];
    });
  }

  async list(user: AuthenticatedUser, query: CaseDepartmentsQueryDto): Promise<CaseDepartmentPageDto> {
    const unitPath = query.unitId
      ? await this.scope.reachableUnitPath(user, Permission.CasesRead, query.unitId)
      : undefined;
    const page = await this.departments.page(
      this.scope.condition('d.unit_path', user, Permission.CasesRead),
      { unitPath, categoryCode: query.categoryCode },
      query,
    );
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async views(rows: DepartmentRow[]): Promise<CaseDepartmentDto[]> {
    const units = await this.directory.units.byIds(rows.map((row) => row.unit_id));
    return rows.map((row) => ({
      id: row.id,
      unitId: row.unit_id,
      unitName: units.get(row.unit_id)?.name ?? '',
      name: row.name,
      categoryCodes: row.category_codes,
    }));
  }
}
