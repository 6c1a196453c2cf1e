import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the activities area (rendered by the notifier). Keys never change once released. */
export const ActivitiesTemplate = {
  /** A place freed and the person moved up from the waitlist. data: { title, startsAt (business time), place } */
  Promoted: 'volunteers.activity-promoted',
  /** About a day before the start. data: { title, startsAt (business time), place } */
  Reminder: 'volunteers.activity-reminder',
  /** data: { date, hours } */
  HourRequestApproved: 'volunteers.hour-request-approved',
  /** data: { date, hours, reason } */
  HourRequestRejected: 'volunteers.hour-request-rejected',
} as const;

defineNotificationTemplates({
  [ActivitiesTemplate.Promoted]: {
    title: '候补转为正式报名',
    body: '有人取消了报名，您已从候补转为活动「{{title}}」的正式参加者。活动于 {{startsAt}} 开始，地点：{{place}}',
  },
  [ActivitiesTemplate.Reminder]: {
    title: '活动提醒',
    body: '您报名的活动「{{title}}」将于 {{startsAt}} 开始，地点：{{place}}，请准时参加',
  },
  [ActivitiesTemplate.HourRequestApproved]: {
    title: '服务时长已认定',
    body: '您申报的 {{date}} 志愿服务已审核通过，认定时长 {{hours}} 小时',
  },
  [ActivitiesTemplate.HourRequestRejected]: {
    title: '服务时长申报未通过',
    body: '您申报的 {{date}} 志愿服务（{{hours}} 小时）未通过审核：{{reason}}',
  },
});
