import { AuthenticatedUser } from './authenticated-user';
import { Role } from './roles';

/**
 * Every permission of the deployment, dotted `<area>.<verb>`. Permissions only a read-only role may
 * hold end in `.read` (the auditor holds nothing else). Domain modules add theirs here, with a row
 * in `PERMISSIONS` (the compiler insists) and a line in docs/auth-and-permissions.md.
 */
export enum Permission {
  UsersRead = 'users.read',
  UsersManage = 'users.manage',
  AuditRead = 'audit.read',
  QueuesManage = 'queues.manage',
  // organization (组织体系)
  UnitsRead = 'units.read',
  UnitsManage = 'units.manage',
  OrganizationsRead = 'organizations.read',
  OrganizationsManage = 'organizations.manage',
  PeopleRead = 'people.read',
  PeopleManage = 'people.manage',
  PeopleReveal = 'people.reveal',
  MembersManage = 'members.manage',
  InstitutionsManage = 'institutions.manage',
  DualRegistrationsManage = 'dual-registrations.manage',
  StaffRolesManage = 'staff-roles.manage',
  ImportsRun = 'imports.run',
  AnalyticsRead = 'analytics.read',
  // points (积分)
  PointsRead = 'points.read',
  PointsAdjust = 'points.adjust',
  PointsRulesManage = 'points.rules.manage',
  PointsStoreManage = 'points.store.manage',
  PointsRedeem = 'points.redeem',
  // volunteers (志愿服务)
  VolunteersRead = 'volunteers.read',
  VolunteersManage = 'volunteers.manage',
  VolunteersVerify = 'volunteers.verify',
  VolunteersSkillsManage = 'volunteers.skills.manage',
  // deliberation (协商议事)
  DeliberationRead = 'deliberation.read',
  DeliberationManage = 'deliberation.manage',
  DeliberationDecide = 'deliberation.decide',
  DeliberationSettingsManage = 'deliberation.settings.manage',
  // property governance (物业治理)
  PropertyRead = 'property.read',
  PropertyManage = 'property.manage',
  PropertyDecide = 'property.decide',
  PropertyCompaniesManage = 'property.companies.manage',
  PropertySettingsManage = 'property.settings.manage',
  // cases (诉求 / 矛盾纠纷 / 安全隐患)
  CasesRead = 'cases.read',
  CasesHandle = 'cases.handle',
  CasesReveal = 'cases.reveal',
  CasesManage = 'cases.manage',
}

export interface PermissionRule {
  /** Roles whose grants carry this permission (within the grant's unit subtree). */
  roles: readonly Role[];
  /** What it allows, in Chinese (shown in the API documentation). */
  description: string;
}

/** The permission matrix: the one place that says which role may do what. */
export const PERMISSIONS: Record<Permission, PermissionRule> = {
  [Permission.UsersRead]: { roles: ['admin', 'auditor'], description: '查看账号及其角色' },
  [Permission.UsersManage]: { roles: ['admin'], description: '创建账号、授予和撤销角色' },
  [Permission.AuditRead]: { roles: ['admin', 'auditor'], description: '查看审计日志' },
  [Permission.QueuesManage]: { roles: ['admin'], description: '查看和管理后台任务队列' },
  [Permission.UnitsRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看治理单元（市、区、街道、社区、网格、小区、楼栋）',
  },
  [Permission.UnitsManage]: { roles: ['admin'], description: '新建、修改、移动、删除治理单元' },
  [Permission.OrganizationsRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看党组织、班子成员和党员',
  },
  [Permission.OrganizationsManage]: { roles: ['admin', 'secretary'], description: '设立和调整党组织、任免班子成员' },
  [Permission.PeopleRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看人员（个人信息脱敏）',
  },
  [Permission.PeopleManage]: { roles: ['admin', 'secretary', 'grid_worker'], description: '登记和修改人员信息' },
  [Permission.PeopleReveal]: {
    roles: ['admin', 'secretary', 'grid_worker'],
    description: '查看完整个人信息（留痕审计）',
  },
  [Permission.MembersManage]: { roles: ['admin', 'secretary'], description: '党员登记与组织关系转接' },
  [Permission.InstitutionsManage]: { roles: ['admin', 'secretary'], description: '登记驻区单位和两新组织' },
  [Permission.DualRegistrationsManage]: { roles: ['admin', 'secretary'], description: '办理双报到和共建协议' },
  [Permission.StaffRolesManage]: { roles: ['admin'], description: '任命网格员、楼栋长、党员中心户、社区工作者' },
  [Permission.ImportsRun]: { roles: ['admin'], description: '批量导入单元、人员和党员' },
  [Permission.AnalyticsRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看统计、覆盖情况、空白点和结构体检',
  },
  [Permission.PointsRead]: {
    roles: ['admin', 'secretary', 'store_clerk', 'auditor'],
    description: '查看积分账户、流水和积分规则',
  },
  [Permission.PointsAdjust]: { roles: ['admin', 'secretary'], description: '手工奖励或扣减积分（留痕审计）' },
  [Permission.PointsRulesManage]: { roles: ['admin'], description: '设立和修改积分规则' },
  [Permission.PointsStoreManage]: { roles: ['admin', 'secretary'], description: '管理积分兑换超市的商品' },
  [Permission.PointsRedeem]: { roles: ['admin', 'store_clerk'], description: '办理积分兑换' },
  [Permission.VolunteersRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看志愿者、服务队、需求与微心愿、服务岗位和活动',
  },
  [Permission.VolunteersManage]: {
    roles: ['admin', 'secretary', 'grid_worker'],
    description: '登记志愿者、组建服务队、代居民发布需求、发布岗位和活动、代为报名',
  },
  [Permission.VolunteersVerify]: {
    roles: ['admin', 'secretary'],
    description: '核验服务时长、审批自报时长、调整志愿者成长阶段',
  },
  [Permission.VolunteersSkillsManage]: { roles: ['admin'], description: '维护志愿者技能目录' },
  [Permission.DeliberationRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看议题、会议、表决、提案、居民公约和议事月报',
  },
  [Permission.DeliberationManage]: {
    roles: ['admin', 'secretary', 'grid_worker'],
    description: '登记议题、召开会议、记录出席和联审意见、发起表决、录入纸质选票、报告执行进度',
  },
  [Permission.DeliberationDecide]: {
    roles: ['admin', 'secretary'],
    description: '推进议事步骤、记录决议、处理公示异议、关闭表决、通过和备案居民公约',
  },
  [Permission.DeliberationSettingsManage]: {
    roles: ['admin'],
    description: '设置公示期、评估期、提案附议人数等议事参数',
  },
  [Permission.PropertyRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看小区专有部分与业主、业主共同决定、业主委员会、交叉任职、物业服务企业和评价结果',
  },
  [Permission.PropertyManage]: {
    roles: ['admin', 'secretary', 'grid_worker'],
    description: '登记专有部分与业主、发起业主共同决定、录入纸质和委托投票、登记业委会和任职、录入评价',
  },
  [Permission.PropertyDecide]: {
    roles: ['admin', 'secretary'],
    description: '关闭表决、业委会备案、发布评价结果、下达和验收整改通知',
  },
  [Permission.PropertyCompaniesManage]: { roles: ['admin'], description: '登记物业服务企业、设置评价指标和权重' },
  [Permission.PropertySettingsManage]: {
    roles: ['admin'],
    description: '设置物业治理参数（业主委员会人数下限等）',
  },
  [Permission.CasesRead]: {
    roles: ['admin', 'secretary', 'grid_worker', 'auditor'],
    description: '查看诉求、矛盾纠纷和安全隐患案件及其办理过程、三率和排名',
  },
  [Permission.CasesHandle]: {
    roles: ['admin', 'secretary', 'grid_worker'],
    description: '登记、立案、派遣、办理、上报、核查、结案和回访案件',
  },
  [Permission.CasesReveal]: {
    roles: ['admin', 'secretary'],
    description: '查看匿名反映人和纠纷当事人的身份（留痕）',
  },
  [Permission.CasesManage]: {
    roles: ['admin'],
    description: '设置工作日历、案件分类和时限、职能部门、三率权重',
  },
};

export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}

export function roleHas(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].roles.includes(role);
}

/** Whether any of the caller's grants (at any unit) carries the permission; scope is checked separately. */
export function hasPermission(user: Pick<AuthenticatedUser, 'grants'>, permission: Permission): boolean {
  return user.grants.some((grant) => roleHas(grant.role, permission));
}

/** The permissions a role carries, in matrix order. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => roleHas(role, permission));
}
