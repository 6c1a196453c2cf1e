export const MEMBER_CATEGORIES = ['resident', 'retired', 'in_service', 'floating', 'new_employment'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

export const MEMBER_CATEGORY_DISPLAY: Record<MemberCategory, string> = {
  resident: '居民党员',
  retired: '退休党员',
  in_service: '在职党员',
  floating: '流动党员',
  new_employment: '新就业群体党员',
};

export const MEMBER_STATUSES = ['full', 'probationary'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_DISPLAY: Record<MemberStatus, string> = { full: '正式党员', probationary: '预备党员' };
