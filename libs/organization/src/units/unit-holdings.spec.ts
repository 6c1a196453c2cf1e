import { describeHoldings, isEmptyUnit, UnitHoldings } from './unit-holdings';

const none: UnitHoldings = {
  childUnits: 0,
  people: 0,
  anchoredOrganizations: 0,
  coveringOrganizations: 0,
  institutions: 0,
  staffRoles: 0,
  dualRegistrations: 0,
  accounts: 0,
  grants: 0,
};

describe('unit holdings', () => {
  it('counts a unit as empty only when it holds nothing at all', () => {
    expect(isEmptyUnit(none)).toBe(true);
    expect(isEmptyUnit({ ...none, grants: 1 })).toBe(false);
  });

  it('names only what the unit still holds, in Chinese', () => {
    const detail = describeHoldings('社区A', { ...none, childUnits: 2, people: 5, institutions: 1 });
    expect(detail).toBe('「社区A」仍有下级单位 2 个、居住人员 5 人、驻区单位 1 个，不能删除；请先移走或删除这些内容');
  });
});
