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
