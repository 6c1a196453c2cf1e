import { defineNotificationTemplates } from '@linli/platform';

/** Notification templates of the posts area (rendered by the notifier). Keys never change once released. */
export const PostsTemplate = {} as const;

defineNotificationTemplates({});
