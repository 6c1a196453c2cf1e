import { ProblemDefinition, ProblemException, problemFrom } from '@linli/platform';

/** Problem codes of staff roles. Never renamed once released. */
export enum StaffRoleCode {
  UnitKind = 'organization.staff-role-unit-kind',
  Exists = 'organization.staff-role-exists',
  Ended = 'organization.staff-role-ended',
}

const CATALOGUE: Record<StaffRoleCode, ProblemDefinition> = {
  [StaffRoleCode.UnitKind]: {
    status: 400,
    title: 'Wrong unit kind for the role',
    detail: '网格员须任命在网格，楼栋长和党员中心户须任命在楼栋，社区工作者须任命在社区',
  },
  [StaffRoleCode.Exists]: { status: 409, title: 'Role held already', detail: '该人员已在此单元担任该职务' },
  [StaffRoleCode.Ended]: { status: 409, title: 'Role ended already', detail: '该职务已经卸任' },
};

export class StaffRoleException extends ProblemException {
  constructor(code: StaffRoleCode) {
    super(problemFrom(code, CATALOGUE));
  }
}
