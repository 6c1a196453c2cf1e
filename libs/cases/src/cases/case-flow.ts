/**
 * The flow of a case (the steps of digital city management, GB/T 30428: collect, register, dispatch,
 * handle, feed back, verify and close, evaluate) as data: statuses, the levels that handle them, and
 * which action moves a case from which status.
 */
export const CASE_STATUSES = [
  'reported',
  'registered',
  'rejected',
  'dispatched',
  'in_progress',
  'handled',
  'verified',
  'closed',
  'suspended',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_DISPLAY: Record<CaseStatus, string> = {
  reported: '待受理',
  registered: '已立案',
  rejected: '不予受理',
  dispatched: '已派遣',
  in_progress: '处置中',
  handled: '已反馈',
  verified: '已核查',
  closed: '已结案',
  suspended: '已挂起',
};

/** 小事不出网格、大事不出镇街、矛盾不上交: the levels from the lowest up. */
export const CASE_LEVELS = ['grid', 'community', 'street', 'district'] as const;
export type CaseLevel = (typeof CASE_LEVELS)[number];

export const LEVEL_DISPLAY: Record<CaseLevel, string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  district: '区',
};

export function nextLevel(level: CaseLevel): CaseLevel | undefined {
  return CASE_LEVELS[CASE_LEVELS.indexOf(level) + 1];
}

export function levelRank(level: CaseLevel): number {
  return CASE_LEVELS.indexOf(level);
}

export const CASE_CHANNELS = [
  'grid_patrol',
  'hotline_12345',
  'police_transfer',
  'resident',
  'mobile_grid',
  'household_visit',
  'other',
] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CHANNEL_DISPLAY: Record<CaseChannel, string> = {
  grid_patrol: '网格巡查',
  hotline_12345: '12345热线',
  police_transfer: '警情移交',
  resident: '居民反映',
  mobile_grid: '移动网格员',
  household_visit: '入户走访',
  other: '其他',
};

export const CASE_TYPES = ['demand', 'dispute', 'hazard', 'city_management'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const TYPE_DISPLAY: Record<CaseType, string> = {
  demand: '诉求',
  dispute: '矛盾纠纷',
  hazard: '安全隐患',
  city_management: '城市管理',
};

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const SATISFACTION_DISPLAY: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  unsatisfied: '不满意',
};

export const REJECT_REASONS = ['duplicate', 'not_in_jurisdiction', 'not_a_case', 'insufficient_information'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Statuses whose resolution clock runs (escalation and warnings watch these). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['registered', 'dispatched', 'in_progress'];

export type CaseAction =
  | 'register'
  | 'reject'
  | 'dispatch'
  | 'start'
  | 'escalate'
  | 'handle'
  | 'complete-task'
  | 'verify'
  | 'close'
  | 'visit'
  | 'suspend'
  | 'resume';

/** The statuses each action starts from; anything else is 409 `cases.status`. */
export const ALLOWED_FROM: Record<CaseAction, readonly CaseStatus[]> = {
  register: ['reported'],
  reject: ['reported'],
  dispatch: ['registered', 'dispatched', 'in_progress'],
  start: ['registered', 'dispatched'],
  escalate: OPEN_STATUSES,
  handle: ['in_progress'],
  'complete-task': ['in_progress'],
  verify: ['handled'],
  close: ['verified'],
  visit: ['closed'],
  suspend: OPEN_STATUSES,
  resume: ['suspended'],
};
