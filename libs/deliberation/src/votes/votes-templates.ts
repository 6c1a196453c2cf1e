import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the votes area (rendered by the notifier). Keys never change once released. */
export const VotesTemplate = {
  /** To the vote's creator when it closes. data: { title, eligible, cast, outcome (in Chinese) } */
  Closed: 'deliberation.vote-closed',
} as const;

defineNotificationTemplates({
  [VotesTemplate.Closed]: {
    title: '表决已结束',
    body: '您发起的表决「{{title}}」已结束：应参加 {{eligible}}，实际投票 {{cast}}，结果：{{outcome}}',
  },
});
