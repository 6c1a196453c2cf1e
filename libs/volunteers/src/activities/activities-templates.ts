import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the activities area (rendered by the notifier). Keys never change once released. */
export const ActivitiesTemplate = {} as const;

defineNotificationTemplates({});
