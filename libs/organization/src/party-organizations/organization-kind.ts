/** Kinds of party organization (DOMAIN.md §2). Values are part of the API contract. */
export const ORGANIZATION_KINDS = ['committee', 'general_branch', 'branch', 'joint_branch', 'party_group'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_DISPLAY: Record<OrganizationKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  party_group: '党小组',
};

export const OFFICER_ROLES = ['secretary', 'deputy_secretary', 'committee_member'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const OFFICER_ROLE_DISPLAY: Record<OfficerRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
};
