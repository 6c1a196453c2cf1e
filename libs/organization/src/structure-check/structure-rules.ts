/**
 * The thresholds of the structure check (DOMAIN.md §2; 《中国共产党支部工作条例（试行）》 第四条 and
 * ch. 6; 《党和国家机关基层组织工作条例》 第五、六条), as defaults a deployment can change through the
 * `organization_structure_rules` table (one row per key; see docs/modules/organization/structure-check.md).
 */
export interface StructureRules {
  /** `branch.missing`: a complex where at least this many full members live needs a branch of its own. */
  branchMinFullMembers: number;
  /** `branch.committee-missing`: a branch with at least this many full members needs a branch committee. */
  committeeMinFullMembers: number;
  /** `branch.oversized`: a branch normally has at most this many members. */
  branchMaxMembers: number;
  /** `organization.should-be-general-branch`: from this many members (and below `committeeMinMembers`) a general branch. */
  generalBranchMinMembers: number;
  /** `organization.should-be-committee`: from this many members a grassroots committee. */
  committeeMinMembers: number;
  /** `joint-branch.too-many-units`: a joint branch normally covers at most this many units. */
  jointBranchMaxUnits: number;
  /** `officer.term-ending`: terms ending within this many days of today. */
  termEndingWithinDays: number;
  /** `community.understaffed`: community workers needed per 10,000 declared residents. */
  communityWorkersPer10000: number;
}

export const DEFAULT_STRUCTURE_RULES: Readonly<StructureRules> = Object.freeze({
  branchMinFullMembers: 3,
  committeeMinFullMembers: 7,
  branchMaxMembers: 50,
  generalBranchMinMembers: 50,
  committeeMinMembers: 100,
  jointBranchMaxUnits: 5,
  termEndingWithinDays: 90,
  communityWorkersPer10000: 18,
});

export type StructureRuleKey = keyof StructureRules;

export const STRUCTURE_RULE_KEYS = Object.keys(DEFAULT_STRUCTURE_RULES) as StructureRuleKey[];

export function isStructureRuleKey(key: string): key is StructureRuleKey {
  return (STRUCTURE_RULE_KEYS as string[]).includes(key);
}
