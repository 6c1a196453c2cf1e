import { OrganizationCandidate, StructureCandidates } from './structure-candidates';
import { evaluateStructure } from './structure-evaluator';
import { DEFAULT_STRUCTURE_RULES } from './structure-rules';

const none: StructureCandidates = { complexes: [], organizations: [], officerTerms: [], grids: [], communities: [] };

function organization(overrides: Partial<OrganizationCandidate>): OrganizationCandidate {
  return {
    organizationId: 'o1',
    name: '幸福里党支部',
    kind: 'branch',
    unitId: 'u1',
    unitPath: '1.2.3.4.5',
    unitName: '幸福里小区',
    members: 10,
    fullMembers: 10,
    coveredUnits: 1,
    committeeMembers: 3,
    ...overrides,
  };
}

const rulesOf = (candidates: Partial<StructureCandidates>) =>
  evaluateStructure({ ...none, ...candidates }, DEFAULT_STRUCTURE_RULES).map((f) => f.rule);

describe('structure rules at their thresholds', () => {
  it('sets up a branch from 3 full members, not 2', () => {
    const complex = { unitId: 'c', unitPath: '1.2.3.4.9', unitName: '小区', jointBranches: 0 };
    expect(rulesOf({ complexes: [{ ...complex, fullMembers: 3 }] })).toEqual(['branch.missing']);
    expect(rulesOf({ complexes: [{ ...complex, fullMembers: 2 }] })).toEqual([]);
  });

  it('asks for a committee from 7 full members without a committee member, in branches and joint branches only', () => {
    expect(rulesOf({ organizations: [organization({ fullMembers: 7, members: 7, committeeMembers: 0 })] })).toEqual([
      'branch.committee-missing',
    ]);
    expect(
      rulesOf({
        organizations: [organization({ kind: 'joint_branch', fullMembers: 7, members: 9, committeeMembers: 0 })],
      }),
    ).toEqual(['branch.committee-missing']);
    expect(rulesOf({ organizations: [organization({ fullMembers: 6, members: 9, committeeMembers: 0 })] })).toEqual([]);
    expect(
      rulesOf({
        organizations: [organization({ kind: 'general_branch', fullMembers: 30, members: 30, committeeMembers: 0 })],
      }),
    ).toEqual([]);
  });

  it('calls a branch oversized above 50 members and due for a general branch from 50 to 99', () => {
    expect(rulesOf({ organizations: [organization({ members: 50, fullMembers: 50 })] })).toEqual([
      'organization.should-be-general-branch',
    ]);
    expect(rulesOf({ organizations: [organization({ members: 51, fullMembers: 51 })] })).toEqual([
      'branch.oversized',
      'organization.should-be-general-branch',
    ]);
    expect(rulesOf({ organizations: [organization({ members: 99, fullMembers: 99 })] })).toEqual([
      'branch.oversized',
      'organization.should-be-general-branch',
    ]);
    expect(rulesOf({ organizations: [organization({ members: 100, fullMembers: 100 })] })).toEqual([
      'branch.oversized',
      'organization.should-be-committee',
    ]);
  });

  it('asks for a committee from 100 members for every kind but a committee', () => {
    expect(
      rulesOf({ organizations: [organization({ kind: 'general_branch', members: 100, fullMembers: 95 })] }),
    ).toEqual(['organization.should-be-committee']);
    expect(rulesOf({ organizations: [organization({ kind: 'committee', members: 300, fullMembers: 300 })] })).toEqual(
      [],
    );
  });

  it('lets a joint branch cover 5 units, not 6', () => {
    expect(rulesOf({ organizations: [organization({ kind: 'joint_branch', coveredUnits: 5 })] })).toEqual([]);
    expect(rulesOf({ organizations: [organization({ kind: 'joint_branch', coveredUnits: 6 })] })).toEqual([
      'joint-branch.too-many-units',
    ]);
  });

  it('counts a term ending in 90 days as ending and one ended yesterday as ended', () => {
    const term = {
      organizationId: 'o',
      name: '支部',
      unitId: 'u',
      unitPath: '1',
      unitName: '社区',
      ended: 0,
      endedOn: null,
      daysOverdue: null,
      ending: 0,
      endingOn: null,
      daysLeft: null,
    };
    expect(rulesOf({ officerTerms: [{ ...term, ending: 1, endingOn: '2027-02-20', daysLeft: 90 }] })).toEqual([
      'officer.term-ending',
    ]);
    expect(rulesOf({ officerTerms: [{ ...term, ending: 1, endingOn: '2027-02-21', daysLeft: 91 }] })).toEqual([]);
    expect(rulesOf({ officerTerms: [{ ...term, ended: 2, endedOn: '2026-11-21', daysOverdue: 1 }] })).toEqual([
      'officer.term-ended',
    ]);
  });

  it('needs 18 community workers per 10,000 residents, and nothing without residents', () => {
    const community = { unitId: 'c', unitPath: '1.2.3.4', unitName: '社区' };
    expect(rulesOf({ communities: [{ ...community, residents: 10000, workers: 18 }] })).toEqual([]);
    expect(rulesOf({ communities: [{ ...community, residents: 10000, workers: 17 }] })).toEqual([
      'community.understaffed',
    ]);
    expect(rulesOf({ communities: [{ ...community, residents: 5001, workers: 9 }] })).toEqual([
      'community.understaffed',
    ]);
    expect(rulesOf({ communities: [{ ...community, residents: 0, workers: 0 }] })).toEqual([]);
    const [finding] = evaluateStructure(
      { ...none, communities: [{ ...community, residents: 5001, workers: 9 }] },
      DEFAULT_STRUCTURE_RULES,
    );
    expect(finding.numbers).toEqual({ communityWorkers: 9, residents: 5001, required: 10 });
  });

  it("uses the deployment's thresholds", () => {
    const rules = { ...DEFAULT_STRUCTURE_RULES, branchMaxMembers: 60, generalBranchMinMembers: 61 };
    expect(
      evaluateStructure({ ...none, organizations: [organization({ members: 55, fullMembers: 55 })] }, rules),
    ).toEqual([]);
  });
});
