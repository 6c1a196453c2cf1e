import { Injectable } from '@nestjs/common';
import { AuditLog, AuthenticatedUser, TransactionRunner } from '@linli/platform';
import { CategoriesCode, CategoriesException } from './categories.exception';
import { CategoriesRepository, CategoryRow } from './categories.repository';
import { CaseCategoryDto, CaseCategoryListDto, CreateCaseCategoryDto } from './dto/case-category.dto';

/** The deployment's category tree with each category's time limits. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<CaseCategoryListDto> {
    return { items: (await this.categories.all()).map(categoryView) };
  }

  async create(user: AuthenticatedUser, body: CreateCaseCategoryDto): Promise<CaseCategoryDto> {
    if (body.resolveWorkingDays === undefined && body.resolveHours === undefined)
      throw new CategoriesException(CategoriesCode.CategoryLimits);
    return this.transactions.run(async (manager) => {
      let parentId: string | null = null;
      if (body.parentCode) {
        const parent = (await this.categories.byCodes([body.parentCode], manager)).get(body.parentCode);
        if (!parent)
          throw new CategoriesException(CategoriesCode.CategoryUnknown, {
            extensions: { categoryCode: body.parentCode },
          });
        parentId = parent.id;
      }
      const id = await this.categories.insert(manager, {
        code: body.code,
        name: body.name.trim(),
        parentId,
        responseHours: body.responseHours,
        resolveWorkingDays: body.resolveWorkingDays ?? null,
        resolveHours: body.resolveHours ?? null,
        userId: user.userId,
      });
      if (!id)
        throw new CategoriesException(CategoriesCode.CategoryExists, { extensions: { categoryCode: body.code } });
      await this.audit.record(
        { action: 'cases.category-created', targetType: 'case-category', targetId: id, data: { code: body.code } },
        manager,
      );
      return categoryView((await this.categories.byIds([id], manager)).get(id) as CategoryRow);
    });
  }
}

export function categoryView(row: CategoryRow): CaseCategoryDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentCode: row.parent_code,
    responseHours: row.response_hours,
    resolveWorkingDays: row.resolve_working_days,
    resolveHours: row.resolve_hours,
  };
}
