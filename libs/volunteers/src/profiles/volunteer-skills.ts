/** The built-in skill taxonomy (a city adds its own through the API); codes never change. */
export const BUILTIN_SKILLS = [
  { code: 'legal', name: '法律咨询' },
  { code: 'medical', name: '医疗健康' },
  { code: 'teaching', name: '教育辅导' },
  { code: 'electrical', name: '电工维修' },
  { code: 'plumbing', name: '水暖维修' },
  { code: 'elderly_care', name: '养老照护' },
  { code: 'it', name: '信息技术' },
  { code: 'translation', name: '翻译' },
  { code: 'psychology', name: '心理疏导' },
  { code: 'housekeeping', name: '家政保洁' },
] as const;

/** A skill code: lower-case letters, digits and underscores. */
export const SKILL_CODE_PATTERN = /^[a-z][a-z0-9_]{1,47}$/;
