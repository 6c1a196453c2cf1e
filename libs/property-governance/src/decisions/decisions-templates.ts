import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of owners' joint decisions. Keys never change once released. */
export const DecisionsTemplate = {
  /** To the decision's creator when it closes. data: { title, outcome (in Chinese), participation, approval } */
  Closed: 'property.decision-closed',
} as const;

defineNotificationTemplates({
  [DecisionsTemplate.Closed]: {
    title: '业主共同决定表决已结束',
    body: '您发起的业主共同决定「{{title}}」已结束：参与表决 {{participation}}，同意 {{approval}}，结果：{{outcome}}',
  },
});
