/** The structure-check rules in contract order (issue 3), for listing the job's counts. */
export const STRUCTURE_CHECK_RULES_IN_ORDER = [
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
