import { Injectable } from '@nestjs/common';
import { AuditLog, isUniqueViolation, queryRows, TransactionRunner } from '@linli/platform';
import { DataSource } from 'typeorm';
import { CategoryDto, CategoryListDto, CreateCategoryDto } from './dto/category.dto';
import { TopicsCode, TopicsException } from './topics.exception';

/** Topic categories: the built-in ones and those a deployment adds. */
@Injectable()
export class TopicCategoriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<CategoryListDto> {
    const items = await queryRows<CategoryDto>(
      this.dataSource.manager,
      `SELECT code, display_name AS "displayName", builtin FROM deliberation_categories ORDER BY builtin DESC, created_at, code`,
      [],
    );
    return { items };
  }

  async create(command: CreateCategoryDto): Promise<CategoryDto> {
    return this.transactions.run(async (manager) => {
      let rows: CategoryDto[];
      try {
        rows = await queryRows<CategoryDto>(
          manager,
          `INSERT INTO deliberation_categories (code, display_name) VALUES ($1, $2)
           RETURNING code, display_name AS "displayName", builtin`,
          [command.code, command.displayName.trim()],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new TopicsException(TopicsCode.CategoryExists);
        throw error;
      }
      await this.audit.record(
        {
          action: 'deliberation.category-created',
          targetType: 'deliberation-category',
          targetId: null,
          data: { code: command.code, displayName: command.displayName.trim() },
        },
        manager,
      );
      return rows[0];
    });
  }
}
