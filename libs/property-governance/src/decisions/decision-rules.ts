/**
 * The thresholds of owners' joint decisions (民法典 第二百七十八条), the one home of these rules:
 *
 * - **participation**: owners holding at least two-thirds of the exclusive area AND at least
 *   two-thirds of the heads take part (cast a ballot: agree, disagree or abstain);
 * - **approval**: matters (6)–(8) — raising the maintenance fund, rebuilding, changing the use of or
 *   running business on common parts — need at least three-quarters of the participating area AND
 *   of the participating heads to agree; every other matter more than half of both (exactly half
 *   fails).
 *
 * Everything is integer arithmetic: areas in hundredths of a square metre, heads as counts.
 */

export const DECISION_MATTERS = [
  'rules_of_procedure',
  'management_statute',
  'committee_election',
  'company_hiring',
  'fund_use',
  'fund_raising',
  'rebuilding',
  'common_parts',
  'other_major',
] as const;
export type DecisionMatter = (typeof DECISION_MATTERS)[number];

/** 第二百七十八条 (1)–(9), as users read them. */
export const DECISION_MATTER_DISPLAY: Record<DecisionMatter, string> = {
  rules_of_procedure: '制定和修改业主大会议事规则',
  management_statute: '制定和修改管理规约',
  committee_election: '选举业主委员会或者更换业主委员会成员',
  company_hiring: '选聘和解聘物业服务企业或者其他管理人',
  fund_use: '使用建筑物及其附属设施的维修资金',
  fund_raising: '筹集建筑物及其附属设施的维修资金',
  rebuilding: '改建、重建建筑物及其附属设施',
  common_parts: '改变共有部分的用途或者利用共有部分从事经营活动',
  other_major: '有关共有和共同管理权利的其他重大事项',
};

export type ApprovalRule = 'three_quarters' | 'more_than_half';

/** Items (6)–(8) need three-quarters; the rest more than half. */
export function approvalRuleOf(matter: DecisionMatter): ApprovalRule {
  return matter === 'fund_raising' || matter === 'rebuilding' || matter === 'common_parts'
    ? 'three_quarters'
    : 'more_than_half';
}

export const BALLOT_CHOICES = ['agree', 'disagree', 'abstain'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

export interface TallyInput {
  matter: DecisionMatter;
  electorate: { areaCenti: number; heads: number };
  /** Ballots cast (each one head), with the area they carry. */
  ballots: readonly { choice: BallotChoice; areaCenti: number }[];
}

export interface Figures {
  areaCenti: number;
  heads: number;
}

export interface Tally {
  electorate: Figures;
  participation: Figures & { met: boolean; areaMet: boolean; headsMet: boolean; needed: Figures };
  approval: Figures & { rule: ApprovalRule; met: boolean; areaMet: boolean; headsMet: boolean; needed: Figures };
  /** What the ballots so far decide: `not_valid` while participation is short. */
  outcome: 'passed' | 'rejected' | 'not_valid';
}

/** At least two-thirds: x / total ≥ 2/3. */
function atLeastTwoThirds(x: number, total: number): boolean {
  return x * 3 >= total * 2;
}

/** The least x with x / total ≥ 2/3. */
function twoThirdsOf(total: number): number {
  return Math.ceil((total * 2) / 3);
}

function approves(rule: ApprovalRule, agree: number, participating: number): boolean {
  return rule === 'three_quarters' ? agree * 4 >= participating * 3 : agree * 2 > participating;
}

/** The least agreeing count that meets the rule among `participating`. */
function approvalThreshold(rule: ApprovalRule, participating: number): number {
  return rule === 'three_quarters' ? Math.ceil((participating * 3) / 4) : Math.floor(participating / 2) + 1;
}

/** The art. 278 tally of ballots (one per head, weighted by the head's area). */
export function tally(input: TallyInput): Tally {
  const participating: Figures = { areaCenti: 0, heads: 0 };
  const agree: Figures = { areaCenti: 0, heads: 0 };
  for (const ballot of input.ballots) {
    participating.areaCenti += ballot.areaCenti;
    participating.heads += 1;
    if (ballot.choice === 'agree') {
      agree.areaCenti += ballot.areaCenti;
      agree.heads += 1;
    }
  }
  return tallyFromSums({ matter: input.matter, electorate: input.electorate, participating, agree });
}

/** The same tally from the ballots' sums (what the SQL aggregate gives): all heads that voted, and those that agreed. */
export function tallyFromSums(input: {
  matter: DecisionMatter;
  electorate: Figures;
  participating: Figures;
  agree: Figures;
}): Tally {
  const { electorate, participating, agree } = input;
  const areaMet = electorate.areaCenti > 0 && atLeastTwoThirds(participating.areaCenti, electorate.areaCenti);
  const headsMet = electorate.heads > 0 && atLeastTwoThirds(participating.heads, electorate.heads);
  const rule = approvalRuleOf(input.matter);
  const approvalAreaMet = participating.heads > 0 && approves(rule, agree.areaCenti, participating.areaCenti);
  const approvalHeadsMet = participating.heads > 0 && approves(rule, agree.heads, participating.heads);
  const participationMet = areaMet && headsMet;
  const approvalMet = approvalAreaMet && approvalHeadsMet;
  return {
    electorate: { areaCenti: electorate.areaCenti, heads: electorate.heads },
    participation: {
      ...participating,
      met: participationMet,
      areaMet,
      headsMet,
      needed: {
        areaCenti: Math.max(0, twoThirdsOf(electorate.areaCenti) - participating.areaCenti),
        heads: Math.max(0, twoThirdsOf(electorate.heads) - participating.heads),
      },
    },
    approval: {
      ...agree,
      rule,
      met: approvalMet,
      areaMet: approvalAreaMet,
      headsMet: approvalHeadsMet,
      needed: {
        areaCenti: Math.max(0, approvalThreshold(rule, participating.areaCenti) - agree.areaCenti),
        heads: Math.max(0, approvalThreshold(rule, participating.heads) - agree.heads),
      },
    },
    outcome: !participationMet ? 'not_valid' : approvalMet ? 'passed' : 'rejected',
  };
}
