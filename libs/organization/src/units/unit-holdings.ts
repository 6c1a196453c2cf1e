/** What a unit still holds; a unit is deleted only when every count is zero. */
export interface UnitHoldings {
  childUnits: number;
  people: number;
  anchoredOrganizations: number;
  coveringOrganizations: number;
  institutions: number;
  staffRoles: number;
  dualRegistrations: number;
  accounts: number;
  grants: number;
}

const LABELS: Record<keyof UnitHoldings, (count: number) => string> = {
  childUnits: (n) => `下级单位 ${n} 个`,
  people: (n) => `居住人员 ${n} 人`,
  anchoredOrganizations: (n) => `设在该单位的党组织 ${n} 个`,
  coveringOrganizations: (n) => `覆盖该单位的党组织 ${n} 个`,
  institutions: (n) => `驻区单位 ${n} 个`,
  staffRoles: (n) => `网格员、楼栋长等任职记录 ${n} 条`,
  dualRegistrations: (n) => `双报到记录 ${n} 条`,
  accounts: (n) => `归属该单位的账号 ${n} 个`,
  grants: (n) => `在该单位授予的角色 ${n} 个`,
};

export function isEmptyUnit(holdings: UnitHoldings): boolean {
  return Object.values(holdings).every((count) => count === 0);
}

/** `「社区A」仍有下级单位 2 个、居住人员 5 人，不能删除` (only the non-zero counts, in a fixed order). */
export function describeHoldings(unitName: string, holdings: UnitHoldings): string {
  const parts = (Object.keys(LABELS) as (keyof UnitHoldings)[])
    .filter((key) => holdings[key] > 0)
    .map((key) => LABELS[key](holdings[key]));
  return `「${unitName}」仍有${parts.join('、')}，不能删除；请先移走或删除这些内容`;
}
