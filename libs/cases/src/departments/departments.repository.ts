import { Injectable } from '@nestjs/common';
import { descendantsPattern, Page, PageQueryDto, paginateRaw, queryRows, SqlCondition } from '@linli/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface DepartmentRow {
  id: string;
  unit_id: string;
  unit_path: string;
  name: string;
  category_codes: string[];
  created_at: Date;
}

const COLUMNS = `d.id, d.unit_id, d.unit_path, d.name, d.created_at,
  coalesce((SELECT array_agg(c.code ORDER BY c.code) FROM case_department_categories dc
            JOIN case_categories c ON c.id = dc.category_id WHERE dc.department_id = d.id), '{}') AS category_codes`;

/** SQL of the departments (`case_departments`) and the categories they handle. */
@Injectable()
export class DepartmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The new department's id; undefined when the unit has one of that name. */
  async insert(
    manager: EntityManager,
    department: { unitId: string; unitPath: string; name: string; categoryIds: string[]; userId: string },
  ): Promise<string | undefined> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO case_departments (unit_id, unit_path, name, created_by_user_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (unit_id, name) DO NOTHING RETURNING id`,
      [department.unitId, department.unitPath, department.name, department.userId],
    );
    if (!rows[0]) return undefined;
    await manager.query(
      `INSERT INTO case_department_categories (department_id, category_id) SELECT $1, unnest($2::uuid[])`,
      [rows[0].id, department.categoryIds],
    );
    return rows[0].id;
  }

  async byIds(ids: string[], manager?: EntityManager): Promise<Map<string, DepartmentRow>> {
    const rows = await queryRows<DepartmentRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COLUMNS} FROM case_departments d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  async page(
    visible: SqlCondition,
    filter: { unitPath?: string; categoryCode?: string },
    page: PageQueryDto,
  ): Promise<Page<DepartmentRow>> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select(COLUMNS)
      .from('case_departments', 'd')
      .where(visible.sql, visible.params);
    if (filter.unitPath)
      qb.andWhere(`(d.unit_path = :unitPath OR d.unit_path LIKE :unitPrefix)`, {
        unitPath: filter.unitPath,
        unitPrefix: descendantsPattern(filter.unitPath),
      });
    if (filter.categoryCode)
      qb.andWhere(
        `EXISTS (SELECT 1 FROM case_department_categories dc JOIN case_categories c ON c.id = dc.category_id
                 WHERE dc.department_id = d.id AND c.code = :categoryCode)`,
        { categoryCode: filter.categoryCode },
      );
    return paginateRaw<DepartmentRow>(qb, page, {
      sortColumn: 'd.created_at',
      sortKey: (row) => row.created_at,
      tieColumn: 'd.id',
      tieKey: (row) => row.id,
      direction: 'ASC',
    });
  }
}
