import {
  MEMBER_CATEGORIES,
  MEMBER_CATEGORY_DISPLAY,
  MEMBER_STATUS_DISPLAY,
  MEMBER_STATUSES,
  MemberCategory,
  MemberStatus,
} from '../../members/member-category';

/** Category: the English value, the Chinese name (居民党员), or the name without 党员 (居民). */
export const MEMBER_CATEGORY_SPELLINGS: ReadonlyMap<string, MemberCategory> = new Map<string, MemberCategory>(
  MEMBER_CATEGORIES.flatMap((category) => {
    const display = MEMBER_CATEGORY_DISPLAY[category];
    return [
      [category, category],
      [display, category],
      [display.replace(/党员$/, ''), category],
    ] as [string, MemberCategory][];
  }),
);

/** Status: `full`/`probationary`, 正式/预备, 正式党员/预备党员. */
export const MEMBER_STATUS_SPELLINGS: ReadonlyMap<string, MemberStatus> = new Map<string, MemberStatus>(
  MEMBER_STATUSES.flatMap((status) => {
    const display = MEMBER_STATUS_DISPLAY[status];
    return [
      [status, status],
      [display, status],
      [display.replace(/党员$/, ''), status],
    ] as [string, MemberStatus][];
  }),
);

export const MEMBER_CATEGORY_HINT = MEMBER_CATEGORIES.map(
  (category) => `${MEMBER_CATEGORY_DISPLAY[category]}(${category})`,
).join('、');
export const MEMBER_STATUS_HINT = '正式(full)、预备(probationary)';
