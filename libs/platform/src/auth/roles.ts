/**
 * The roles of Linli, kept in this one place. Adding a role: add it here (with its Chinese name),
 * give it permissions in `permissions.ts`, and add a migration that widens the `role_grants_role_check`
 * constraint.
 */
export const ROLES = ['admin', 'secretary', 'grid_worker', 'store_clerk', 'auditor'] as const;

export type Role = (typeof ROLES)[number];

/** Chinese display names, as users see them. */
export const ROLE_DISPLAY: Record<Role, string> = {
  admin: '管理员',
  secretary: '书记',
  grid_worker: '网格员',
  store_clerk: '兑换员',
  auditor: '审计员',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
