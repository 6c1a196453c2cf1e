import { StructureCandidates } from './structure-candidates';
import { STRUCTURE_CHECK_RULES, StructureCheckRule } from './structure-check-rule';
import { StructureRules } from './structure-rules';

/** One finding: the rule, the unit, the organization (if the rule is about one), a Chinese message and the numbers. */
export interface StructureFinding {
  rule: StructureCheckRule;
  unitId: string;
  unitPath: string;
  unitName: string;
  organizationId: string | null;
  organizationName: string | null;
  message: string;
  numbers: Record<string, number>;
}

const BRANCHES = ['branch', 'joint_branch'];
const RULE_ORDER = new Map<string, number>(STRUCTURE_CHECK_RULES.map((rule, i) => [rule, i]));

/** The order findings are listed in: rule, then tree order of the unit, then organization. */
export function findingSortKey(
  finding: Pick<StructureFinding, 'rule' | 'unitPath' | 'organizationId'>,
): [number, string] {
  return [RULE_ORDER.get(finding.rule) ?? 99, `${finding.unitPath}|${finding.organizationId ?? ''}`];
}

export function compareFindings(a: StructureFinding, b: StructureFinding): number {
  const [ra, ka] = findingSortKey(a);
  const [rb, kb] = findingSortKey(b);
  return ra - rb || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

/**
 * Applies the rules to the candidates the queries found (pure: the thresholds live here and in the
 * queries' loose pre-filters only). Returns the findings in listing order.
 */
export function evaluateStructure(candidates: StructureCandidates, rules: StructureRules): StructureFinding[] {
  const findings: StructureFinding[] = [];

  for (const complex of candidates.complexes) {
    if (complex.fullMembers < rules.branchMinFullMembers) continue;
    const joint = complex.jointBranches > 0 ? '，目前仅由联合党支部覆盖' : '';
    findings.push({
      rule: 'branch.missing',
      unitId: complex.unitId,
      unitPath: complex.unitPath,
      unitName: complex.unitName,
      organizationId: null,
      organizationName: null,
      message: `「${complex.unitName}」居住正式党员 ${complex.fullMembers} 名${joint}，尚未建立本小区党支部（正式党员 ${rules.branchMinFullMembers} 名以上应当成立党支部）`,
      numbers: { fullMembers: complex.fullMembers, threshold: rules.branchMinFullMembers },
    });
  }

  for (const org of candidates.organizations) {
    const base = {
      unitId: org.unitId,
      unitPath: org.unitPath,
      unitName: org.unitName,
      organizationId: org.organizationId,
      organizationName: org.name,
    };
    const isBranch = BRANCHES.includes(org.kind);
    if (isBranch && org.fullMembers >= rules.committeeMinFullMembers && org.committeeMembers === 0) {
      findings.push({
        ...base,
        rule: 'branch.committee-missing',
        message: `「${org.name}」有正式党员 ${org.fullMembers} 名，尚未设立支部委员会（正式党员 ${rules.committeeMinFullMembers} 名以上应当设立支委会）`,
        numbers: { fullMembers: org.fullMembers, committeeMembers: 0, threshold: rules.committeeMinFullMembers },
      });
    }
    if (isBranch && org.members > rules.branchMaxMembers) {
      findings.push({
        ...base,
        rule: 'branch.oversized',
        message: `「${org.name}」有党员 ${org.members} 名，超过党支部党员一般不超过 ${rules.branchMaxMembers} 名的规定`,
        numbers: { members: org.members, limit: rules.branchMaxMembers },
      });
    }
    if (isBranch && org.members >= rules.generalBranchMinMembers && org.members < rules.committeeMinMembers) {
      findings.push({
        ...base,
        rule: 'organization.should-be-general-branch',
        message: `「${org.name}」有党员 ${org.members} 名，党员 ${rules.generalBranchMinMembers} 名至 ${rules.committeeMinMembers} 名的应当成立党总支`,
        numbers: { members: org.members, threshold: rules.generalBranchMinMembers },
      });
    }
    if (org.kind !== 'committee' && org.kind !== 'party_group' && org.members >= rules.committeeMinMembers) {
      findings.push({
        ...base,
        rule: 'organization.should-be-committee',
        message: `「${org.name}」有党员 ${org.members} 名，党员 ${rules.committeeMinMembers} 名以上的应当报经批准成立基层党委`,
        numbers: { members: org.members, threshold: rules.committeeMinMembers },
      });
    }
    if (org.kind === 'joint_branch' && org.coveredUnits > rules.jointBranchMaxUnits) {
      findings.push({
        ...base,
        rule: 'joint-branch.too-many-units',
        message: `「${org.name}」联合覆盖 ${org.coveredUnits} 个单位，超过联合党支部一般不超过 ${rules.jointBranchMaxUnits} 个单位的规定`,
        numbers: { coveredUnits: org.coveredUnits, limit: rules.jointBranchMaxUnits },
      });
    }
  }

  for (const term of candidates.officerTerms) {
    const base = {
      unitId: term.unitId,
      unitPath: term.unitPath,
      unitName: term.unitName,
      organizationId: term.organizationId,
      organizationName: term.name,
    };
    if (term.ending > 0 && term.daysLeft !== null && term.daysLeft <= rules.termEndingWithinDays) {
      findings.push({
        ...base,
        rule: 'officer.term-ending',
        message: `「${term.name}」有 ${term.ending} 名班子成员的任期将于 ${term.endingOn} 届满（还有 ${term.daysLeft} 天），请及时做好换届准备`,
        numbers: { officers: term.ending, daysLeft: term.daysLeft },
      });
    }
    if (term.ended > 0 && term.daysOverdue !== null) {
      findings.push({
        ...base,
        rule: 'officer.term-ended',
        message: `「${term.name}」有 ${term.ended} 名班子成员的任期已于 ${term.endedOn} 届满（已超过 ${term.daysOverdue} 天），应当按期换届`,
        numbers: { officers: term.ended, daysOverdue: term.daysOverdue },
      });
    }
  }

  for (const grid of candidates.grids) {
    findings.push({
      rule: 'grid.no-worker',
      unitId: grid.unitId,
      unitPath: grid.unitPath,
      unitName: grid.unitName,
      organizationId: null,
      organizationName: null,
      message: `「${grid.communityName}${grid.unitName}」没有在岗的网格员`,
      numbers: { gridWorkers: 0 },
    });
  }

  for (const community of candidates.communities) {
    const rate = rules.communityWorkersPer10000;
    if (community.residents <= 0 || community.workers * 10000 >= rate * community.residents) continue;
    const required = Math.ceil((rate * community.residents) / 10000);
    findings.push({
      rule: 'community.understaffed',
      unitId: community.unitId,
      unitPath: community.unitPath,
      unitName: community.unitName,
      organizationId: null,
      organizationName: null,
      message: `「${community.unitName}」常住人口 ${community.residents} 人，在岗社区工作者 ${community.workers} 名，低于每万人 ${rate} 名的配备标准（至少需要 ${required} 名）`,
      numbers: { communityWorkers: community.workers, residents: community.residents, required },
    });
  }

  return findings.sort(compareFindings);
}
