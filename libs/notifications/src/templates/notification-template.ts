export type { NotificationTemplate, NotificationTemplateMap } from '@linli/platform';

/** What a channel delivers: the rendered texts plus what a receiver needs to identify them. */
export interface RenderedNotification {
  templateKey: string;
  dedupeKey: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  /** When the notification was first processed; stable across retries. */
  createdAt: Date;
}
