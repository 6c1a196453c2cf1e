/** One deployment-wide setting of cases: its default, the range an admin may set, what it sets (in Chinese). */
export interface CasesSettingDefinition {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

/**
 * The deployment settings of cases (the one home of these figures). The composite score weighs
 * the three rates of 接诉即办 30/35/35 by default (as one city does, ../shared/DOMAIN.md §8); the
 * on-time close rate and the rework rate (counted as 1 − rework) weigh nothing unless set.
 */
export const CASES_SETTINGS = {
  'warning.share-percent': { default: 80, min: 1, max: 99, description: '办理时限用去此百分比时提醒办理人' },
  'weights.response': { default: 30, min: 0, max: 100, description: '综合得分中响应率的权重' },
  'weights.resolution': { default: 35, min: 0, max: 100, description: '综合得分中解决率的权重' },
  'weights.satisfaction': { default: 35, min: 0, max: 100, description: '综合得分中满意率的权重' },
  'weights.on-time': { default: 0, min: 0, max: 100, description: '综合得分中按期结案率的权重' },
  'weights.rework': { default: 0, min: 0, max: 100, description: '综合得分中返工率（按 1 − 返工率计）的权重' },
} as const satisfies Record<string, CasesSettingDefinition>;

export type CasesSettingKey = keyof typeof CASES_SETTINGS;

export const CASES_SETTING_KEYS = Object.keys(CASES_SETTINGS) as CasesSettingKey[];

export function isCasesSettingKey(key: string): key is CasesSettingKey {
  return Object.prototype.hasOwnProperty.call(CASES_SETTINGS, key);
}
