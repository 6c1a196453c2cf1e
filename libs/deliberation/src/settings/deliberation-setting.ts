import { UnitKind } from '@linli/organization';

/**
 * The deployment settings of deliberation, each with its default (the one home of these figures).
 * The sources fix none of the six steps' durations; the public notice "commonly runs at least 5
 * working days" (DOMAIN §6). A deployment changes a value for all units (`unitKind` '*') or for
 * one unit kind (e.g. a lower co-signer threshold for buildings).
 */
export const DELIBERATION_SETTINGS = {
  /** 公示: the minimum notice period, in working days (Monday to Friday in the business time zone). */
  'notice.working-days': { default: 5, min: 1, max: 60, description: '公示期最短工作日数' },
  /** 评估: days after execution ends before residents' rating opens. */
  'evaluation.delay-days': { default: 7, min: 0, max: 180, description: '执行完成后开启评估的天数' },
  /** 评估: how long the rating stays open, in days. */
  'evaluation.period-days': { default: 14, min: 1, max: 90, description: '评估开放天数' },
  /** 居民提案制: co-signers (besides the proposer) that turn a proposal into a topic. */
  'proposal.cosigner-threshold': { default: 10, min: 1, max: 10000, description: '居民提案转为议题所需附议人数' },
  /** 居民公约: the public comment period of a draft, in days. */
  'convention.comment-days': { default: 15, min: 1, max: 90, description: '居民公约征求意见天数' },
} as const;

export type DeliberationSettingKey = keyof typeof DELIBERATION_SETTINGS;

export const DELIBERATION_SETTING_KEYS = Object.keys(DELIBERATION_SETTINGS) as DeliberationSettingKey[];

/** '*' (every unit kind) or one kind. */
export type SettingUnitKind = UnitKind | '*';
