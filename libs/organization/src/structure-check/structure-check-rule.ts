/** The rules of the structure check, in the order findings are listed. Values are part of the API contract. */
export const STRUCTURE_CHECK_RULES = [
  'branch.missing',
  'branch.committee-missing',
  'branch.oversized',
  'organization.should-be-general-branch',
  'organization.should-be-committee',
  'joint-branch.too-many-units',
  'officer.term-ending',
  'officer.term-ended',
  'grid.no-worker',
  'community.understaffed',
] as const;

export type StructureCheckRule = (typeof STRUCTURE_CHECK_RULES)[number];

/** What each rule means, in Chinese (shown next to the rule). */
export const STRUCTURE_CHECK_RULE_DISPLAY: Record<StructureCheckRule, string> = {
  'branch.missing': '小区应建未建党支部',
  'branch.committee-missing': '党支部应设未设支委会',
  'branch.oversized': '党支部党员人数超限',
  'organization.should-be-general-branch': '应当成立党总支',
  'organization.should-be-committee': '应当成立党委',
  'joint-branch.too-many-units': '联合党支部覆盖单位过多',
  'officer.term-ending': '班子任期即将届满',
  'officer.term-ended': '班子任期已届满未换届',
  'grid.no-worker': '网格无在岗网格员',
  'community.understaffed': '社区工作者配备不足',
};

export function isStructureCheckRule(value: string): value is StructureCheckRule {
  return (STRUCTURE_CHECK_RULES as readonly string[]).includes(value);
}
