import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of resident proposals. Keys never change once released. */
export const ProposalsTemplate = {
  /** The proposal reached its co-signer threshold and became a topic. data: { title, cosigners } */
  Adopted: 'deliberation.proposal-adopted',
} as const;

defineNotificationTemplates({
  [ProposalsTemplate.Adopted]: {
    title: '您的提案已转为议题',
    body: '您发起的居民提案「{{title}}」已获得 {{cosigners}} 位居民附议，正式转为议题进入意见收集阶段',
  },
});
