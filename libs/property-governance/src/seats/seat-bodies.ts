/**
 * The bodies around a complex's party branch whose seats property governance records (交叉任职,
 * 一核三会), with their roles, as data. The branch itself (its secretary) is organization's record
 * and the owners' committee (chair, vice-chair, members) its own: both are read, never recorded as seats.
 */
export const SEAT_BODIES = {
  deliberation_council: { display: '议事会', roles: { chair: '主任', member: '成员' }, ownersOnly: false },
  supervisory_council: { display: '监事会', roles: { chair: '主任', member: '成员' }, ownersOnly: false },
  building_heads: { display: '楼栋长', roles: { head: '楼栋长' }, ownersOnly: false },
  owner_representatives: { display: '业主代表', roles: { representative: '业主代表' }, ownersOnly: true },
  company: { display: '物业服务企业', roles: { project_manager: '项目经理', manager: '管理人员' }, ownersOnly: false },
} as const;

export type SeatBody = keyof typeof SEAT_BODIES;
export const SEAT_BODY_KEYS = Object.keys(SEAT_BODIES) as SeatBody[];

/** Bodies a person may hold a position in at a complex, recorded or read. */
export const DERIVED_BODIES = { party_branch: '小区党支部', owners_committee: '业主委员会' } as const;
export type DerivedBody = keyof typeof DERIVED_BODIES;

export function isRoleOf(body: SeatBody, role: string): boolean {
  return Object.prototype.hasOwnProperty.call(SEAT_BODIES[body].roles, role);
}

export function roleDisplay(body: SeatBody, role: string): string {
  return (SEAT_BODIES[body].roles as Record<string, string>)[role] ?? role;
}
