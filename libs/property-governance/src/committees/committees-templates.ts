import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of owners' committees. Keys never change once released. */
export const CommitteesTemplate = {
  /** To the community secretary: a committee missed a deadline or its term ends within 90 days. data: { complex, flag (in Chinese), dueOn } */
  Flagged: 'property.committee-flagged',
} as const;

defineNotificationTemplates({
  [CommitteesTemplate.Flagged]: {
    title: '业主委员会事项提醒',
    body: '{{complex}}业主委员会：{{flag}}（期限 {{dueOn}}），请督促办理',
  },
});
