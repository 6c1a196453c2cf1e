import { Injectable } from '@nestjs/common';
import { queryRows } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface CategoryRow {
  id: string;
  code: string;
  name: string;
  parent_code: string | null;
  response_hours: number;
  resolve_working_days: number | null;
  resolve_hours: number | null;
}

const COLUMNS = `c.id, c.code, c.name, p.code AS parent_code, c.response_hours, c.resolve_working_days, c.resolve_hours`;

/** SQL of the category tree (`case_categories`). */
@Injectable()
export class CategoriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async all(): Promise<CategoryRow[]> {
    return queryRows<CategoryRow>(
      this.dataSource.manager,
      `SELECT ${COLUMNS} FROM case_categories c LEFT JOIN case_categories p ON p.id = c.parent_id ORDER BY c.code`,
      [],
    );
  }

  async byCodes(codes: string[], manager?: EntityManager): Promise<Map<string, CategoryRow>> {
    const rows = await queryRows<CategoryRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM case_categories c LEFT JOIN case_categories p ON p.id = c.parent_id
       WHERE c.code = ANY($1::text[])`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row]));
  }

  async byIds(ids: string[], manager?: EntityManager): Promise<Map<string, CategoryRow>> {
    const rows = await queryRows<CategoryRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM case_categories c LEFT JOIN case_categories p ON p.id = c.parent_id
       WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The new category's id; undefined when the code is taken. */
  async insert(
    manager: EntityManager,
    category: {
      code: string;
      name: string;
      parentId: string | null;
      responseHours: number;
      resolveWorkingDays: number | null;
      resolveHours: number | null;
      userId: string;
    },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO case_categories (code, name, parent_id, response_hours, resolve_working_days, resolve_hours, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        category.code,
        category.name,
        category.parentId,
        category.responseHours,
        category.resolveWorkingDays,
        category.resolveHours,
        category.userId,
      ],
    );
    return rows[0]?.id;
  }
}
