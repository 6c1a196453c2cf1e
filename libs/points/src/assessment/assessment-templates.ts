import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the quarterly assessment. Keys never change once released. */
export const AssessmentTemplate = {
  /** data: { period, organizationName, score, leadershipReview } */
  Ineffective: 'points.assessment-ineffective',
} as const;

defineNotificationTemplates({
  [AssessmentTemplate.Ineffective]: {
    title: '季度考核结果：抓党建工作不力',
    body: '{{organizationName}} {{period}} 季度双积分考核得分 {{score}}，评定为不合格，被认定为抓党建工作不力，请及时整改',
  },
});
