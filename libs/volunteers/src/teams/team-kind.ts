/** Kinds of volunteer team (服务队); codes never change. */
export const TEAM_KINDS = ['party_member', 'red_vest', 'professional', 'other'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const TEAM_KIND_DISPLAY: Record<TeamKind, string> = {
  party_member: '党员志愿服务队',
  red_vest: '红马甲',
  professional: '专业服务队',
  other: '其他服务队',
};

/** Roles in a team: at most one leader per team. */
export const TEAM_ROLES = ['leader', 'deputy', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_DISPLAY: Record<TeamRole, string> = {
  leader: '队长',
  deputy: '副队长',
  member: '队员',
};
