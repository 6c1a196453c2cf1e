import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of evaluations and rectification orders. Keys never change once released. */
export const EvaluationsTemplate = {
  /** To the community secretary of a complex ordered to rectify. data: { complex, company, score, deadline } */
  RectificationOrdered: 'property.rectification-ordered',
  /** To the community secretary when an order is past its deadline, open. data: { complex, company, deadline } */
  RectificationOverdue: 'property.rectification-overdue',
} as const;

defineNotificationTemplates({
  [EvaluationsTemplate.RectificationOrdered]: {
    title: '物业服务整改通知',
    body: '{{complex}}的物业服务企业{{company}}本期评价得分 {{score}}，已下达整改通知，整改期限至 {{deadline}}，请跟踪督促。',
  },
  [EvaluationsTemplate.RectificationOverdue]: {
    title: '物业服务整改逾期',
    body: '{{complex}}的物业服务企业{{company}}整改期限（{{deadline}}）已过，整改尚未办结，请及时处理。',
  },
});
