/** neighbour: 邻里活动; party_day: 主题党日; service: 志愿服务日 (its verified hours count as service hours). */
export const ACTIVITY_KINDS = ['neighbour', 'party_day', 'service'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_KIND_DISPLAY: Record<ActivityKind, string> = {
  neighbour: '邻里活动',
  party_day: '主题党日',
  service: '志愿服务日',
};

export const SIGNUP_STATUSES = ['confirmed', 'waitlisted', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
