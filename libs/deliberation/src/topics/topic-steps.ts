/**
 * The six-step method (小区六步议事法) as data: each step, its Chinese name, the actions it allows
 * and the step that follows. An action outside its step is refused with
 * `deliberation.action-not-allowed`; a topic leaves a step by `advance` only when the step's
 * condition holds (checked by the advance use case, listed here as `exit`), and by the jobs where
 * the step ends by time (public notice, evaluation). `closed` is the end: the evaluation result is
 * published.
 */
export const TOPIC_STEPS = ['collect', 'review', 'resolve', 'notice', 'execute', 'evaluate', 'closed'] as const;
export type TopicStep = (typeof TOPIC_STEPS)[number];

export const TOPIC_ACTIONS = [
  'opinion',
  'support',
  'review',
  'meeting',
  'vote',
  'decision',
  'objection',
  'milestone',
  'progress',
  'rating',
  'merge',
  'withdraw',
] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export interface StepDefinition {
  display: string;
  actions: readonly TopicAction[];
  next: TopicStep | null;
  /** What must hold before `advance` moves on (null: the step ends by time, only a job moves it). */
  exit: 'always' | 'reviews-complete' | 'decided' | 'notice-ended' | 'execution-ended' | null;
}

export const STEP_DEFINITIONS: Record<TopicStep, StepDefinition> = {
  collect: {
    display: '意见收集',
    actions: ['opinion', 'support', 'merge', 'withdraw'],
    next: 'review',
    exit: 'always',
  },
  review: { display: '联审', actions: ['review', 'withdraw'], next: 'resolve', exit: 'reviews-complete' },
  resolve: { display: '决议', actions: ['meeting', 'vote', 'decision', 'withdraw'], next: 'notice', exit: 'decided' },
  notice: { display: '公示', actions: ['objection'], next: 'execute', exit: 'notice-ended' },
  execute: { display: '执行', actions: ['milestone', 'progress'], next: 'evaluate', exit: 'execution-ended' },
  evaluate: { display: '评估', actions: ['rating'], next: 'closed', exit: null },
  closed: { display: '已办结', actions: [], next: null, exit: null },
};

export function allows(step: TopicStep, action: TopicAction): boolean {
  return STEP_DEFINITIONS[step].actions.includes(action);
}

/** The steps in which a given action is allowed (for the refusal's `allowedIn`). */
export function stepsAllowing(action: TopicAction): TopicStep[] {
  return TOPIC_STEPS.filter((step) => allows(step, action));
}

export const TOPIC_CATEGORIES_BUILTIN = [
  'old_complex_renovation',
  'lift_installation',
  'garbage_sorting',
  'parking',
  'property_management',
  'public_space',
  'other',
] as const;

export const TOPIC_SOURCES = [
  'resident_proposal',
  'grid_worker',
  'hotline_case',
  'party_organization',
  'residents_committee',
] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];

export const TOPIC_SOURCE_DISPLAY: Record<TopicSource, string> = {
  resident_proposal: '居民提案',
  grid_worker: '网格员收集',
  hotline_case: '12345 / 诉求转办',
  party_organization: '党组织提出',
  residents_committee: '居委会提出',
};

/** The parties of a joint review (联审). */
export const REVIEW_PARTIES = [
  'party_organization',
  'residents_committee',
  'owners_committee',
  'property_company',
  'co_building_unit',
  'department',
] as const;
export type ReviewParty = (typeof REVIEW_PARTIES)[number];

export const REVIEW_PARTY_DISPLAY: Record<ReviewParty, string> = {
  party_organization: '社区党组织',
  residents_committee: '居民委员会',
  owners_committee: '业主委员会',
  property_company: '物业服务企业',
  co_building_unit: '共建单位',
  department: '职能部门',
};

/** Required by default when the topic's creator names none: the community party organization and the residents' committee. */
export const DEFAULT_REQUIRED_PARTIES: readonly ReviewParty[] = ['party_organization', 'residents_committee'];

/** Unit kinds a topic, a vote, a proposal or a meeting may be located at. */
export const DELIBERATION_UNIT_KINDS = ['community', 'grid', 'complex', 'building'] as const;
