export const STAFF_ROLES = ['grid_worker', 'building_head', 'central_household', 'community_worker'] as const;
export type StaffRoleKind = (typeof STAFF_ROLES)[number];

export const STAFF_ROLE_DISPLAY: Record<StaffRoleKind, string> = {
  grid_worker: '网格员',
  building_head: '楼栋长',
  central_household: '党员中心户',
  community_worker: '社区工作者',
};
