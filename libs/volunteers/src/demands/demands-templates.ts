import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the demands area (rendered by the notifier). Keys never change once released. */
export const DemandsTemplate = {
  /** To an invited volunteer. data: { title, unitName } */
  Invitation: 'volunteers.demand-invitation',
  /** To the requester when the claimant reports the demand done. data: { title } */
  Fulfilled: 'volunteers.demand-fulfilled',
  /** To the claimant when the requester rejects the fulfilment. data: { title, reason } */
  FulfilmentRejected: 'volunteers.demand-fulfilment-rejected',
  /** To the claimant whose claim lapsed. data: { title } */
  ClaimLapsed: 'volunteers.demand-claim-lapsed',
  /** To the community's secretaries: an open demand passed its deadline. data: { title, unitName, deadline } */
  Overdue: 'volunteers.demand-overdue',
  /** Weekly, to the community's secretaries. data: { communityName, count, titles } */
  WeeklyDigest: 'volunteers.weekly-demand-digest',
} as const;

defineNotificationTemplates({
  [DemandsTemplate.Invitation]: {
    title: '能帮忙吗？',
    body: '{{unitName}}有一项需求「{{title}}」正在寻找志愿者，如果您能帮忙，请在平台上认领。',
  },
  [DemandsTemplate.Fulfilled]: { title: '您的需求已完成', body: '「{{title}}」已由志愿者完成，请确认并评价。' },
  [DemandsTemplate.FulfilmentRejected]: {
    title: '完成情况未被确认',
    body: '「{{title}}」的完成情况未被发布人确认：{{reason}}。请继续跟进。',
  },
  [DemandsTemplate.ClaimLapsed]: {
    title: '认领已超时',
    body: '您认领的「{{title}}」已超过认领期限，已自动释放给其他志愿者。',
  },
  [DemandsTemplate.Overdue]: {
    title: '需求逾期无人认领',
    body: '{{unitName}}的需求「{{title}}」已过截止时间（{{deadline}}）仍无人认领，请协调处理。',
  },
  [DemandsTemplate.WeeklyDigest]: {
    title: '本周待认领需求',
    body: '{{communityName}}目前有 {{count}} 项需求待认领：{{titles}}',
  },
});
