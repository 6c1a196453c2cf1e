import { defineNotificationTemplates } from '@linli/platform';

/** Sent to each responsible secretary after the monthly structure check (one per period and person). */
export const STRUCTURE_FINDINGS_TEMPLATE = 'organization.structure-findings';

defineNotificationTemplates({
  [STRUCTURE_FINDINGS_TEMPLATE]: {
    title: '{{period}} 月度组织结构体检：{{total}} 项待处理',
    body: '您负责的党组织或所在社区在 {{period}} 月度组织结构体检中有 {{total}} 项待处理：{{summary}}。请登录邻里平台查看明细，及时整改。',
  },
});
