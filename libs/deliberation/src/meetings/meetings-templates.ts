import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the meetings area (rendered by the notifier). Keys never change once released. */
export const MeetingsTemplate = {
  /** About a day before the start. data: { title, kind (display name), startsAt (business time), place } */
  Reminder: 'deliberation.meeting-reminder',
} as const;

defineNotificationTemplates({
  [MeetingsTemplate.Reminder]: {
    title: '会议提醒',
    body: '{{kind}}「{{title}}」将于 {{startsAt}} 召开，地点：{{place}}，请准时参加',
  },
});
