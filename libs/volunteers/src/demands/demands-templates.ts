import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the demands area (rendered by the notifier). Keys never change once released. */
export const DemandsTemplate = {} as const;

defineNotificationTemplates({});
