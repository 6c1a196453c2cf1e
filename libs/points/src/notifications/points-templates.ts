import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the points module (rendered by the notifier). Keys never change once released. */
export const PointsTemplate = {
  /** data: { points, reason } */
  Earned: 'points.earned',
  /** data: { points, expiresOn (business-calendar date), reason } */
  Expiring: 'points.expiring',
} as const;

defineNotificationTemplates({
  [PointsTemplate.Earned]: { title: '积分到账', body: '您获得了 {{points}} 积分：{{reason}}' },
  [PointsTemplate.Expiring]: {
    title: '积分即将过期',
    body: '您有 {{points}} 积分将于 {{expiresOn}} 过期（{{reason}}），请及时使用',
  },
});
