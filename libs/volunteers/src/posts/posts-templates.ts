import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the posts area (rendered by the notifier). Keys never change once released. */
export const PostsTemplate = {
  /** data: { title, startsAt (business time, `YYYY-MM-DD HH:mm`), unitName } */
  ShiftReminder: 'volunteers.shift-reminder',
} as const;

defineNotificationTemplates({
  [PostsTemplate.ShiftReminder]: {
    title: '岗位值守提醒',
    body: '您认领的志愿服务岗位「{{title}}」（{{unitName}}）将于 {{startsAt}} 开始，请准时到岗签到',
  },
});
