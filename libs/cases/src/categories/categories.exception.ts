import { ProblemDefinition, ProblemException, problemFrom, ProblemInit } from '@linli/platform';

/** Problem codes of the category tree and the departments. Never renamed once released. */
export enum CategoriesCode {
  /** The code is taken. */
  CategoryExists = 'cases.category-exists',
  /** A category code that names no category. */
  CategoryUnknown = 'cases.category-unknown',
  /** Neither a resolution limit in working days nor one in hours. */
  CategoryLimits = 'cases.category-limits',
  /** Departments sit at a street or a district. */
  DepartmentUnit = 'cases.department-unit',
  /** The unit has a department of that name. */
  DepartmentExists = 'cases.department-exists',
}

const CATALOGUE: Record<CategoriesCode, ProblemDefinition> = {
  [CategoriesCode.CategoryExists]: { status: 409, title: 'Category exists', detail: '该分类编码已存在' },
  [CategoriesCode.CategoryUnknown]: { status: 400, title: 'Unknown category', detail: '未找到该案件分类' },
  [CategoriesCode.CategoryLimits]: {
    status: 400,
    title: 'No resolution limit',
    detail: '请设置办结时限（工作日或小时，紧急类按小时）',
  },
  [CategoriesCode.DepartmentUnit]: {
    status: 400,
    title: 'Department at a street or district',
    detail: '职能部门应设在街道（乡镇）或区',
  },
  [CategoriesCode.DepartmentExists]: { status: 409, title: 'Department exists', detail: '该单位已有同名职能部门' },
};

export class CategoriesException extends ProblemException {
  constructor(code: CategoriesCode, extra?: Partial<ProblemInit>) {
    super(problemFrom(code, CATALOGUE, extra));
  }
}
