/** One deployment-wide setting: its default, the range an admin may set, and what it sets (in Chinese). */
export interface PropertySettingDefinition {
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** Only odd values (a committee's size). */
  readonly odd?: true;
  readonly description: string;
}

/**
 * The deployment settings of property governance, each with its default (the one home of these
 * figures). 业主大会和业主委员会指导规则 第三十一条: an owners' committee has 5 to 11 members, an odd
 * number; a smaller complex may elect fewer where the local rules allow it. Off by default.
 */
export const PROPERTY_SETTINGS = {
  /** Complexes whose electorate has fewer heads than this may elect a smaller committee; 0 = never. */
  'committee.small-complex-heads': {
    default: 0,
    min: 0,
    max: 100000,
    description: '业主人数少于此数的小区可选举较小的业主委员会（0 为不适用）',
  },
  /** The smallest committee such a complex may elect (odd). */
  'committee.small-complex-minimum': {
    default: 3,
    min: 1,
    max: 5,
    odd: true,
    description: '较小小区业主委员会的最少委员人数（单数）',
  },
} as const satisfies Record<string, PropertySettingDefinition>;

export type PropertySettingKey = keyof typeof PROPERTY_SETTINGS;

export const PROPERTY_SETTING_KEYS = Object.keys(PROPERTY_SETTINGS) as PropertySettingKey[];

export function isPropertySettingKey(key: string): key is PropertySettingKey {
  return Object.prototype.hasOwnProperty.call(PROPERTY_SETTINGS, key);
}

export function propertySetting(key: PropertySettingKey): PropertySettingDefinition {
  return PROPERTY_SETTINGS[key];
}
