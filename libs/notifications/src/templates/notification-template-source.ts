import { NotificationTemplate } from './notification-template';

/**
 * Where the worker looks templates up. Injected, so that the registry can move to the kernel (or
 * gain a database-backed override) without touching the worker.
 */
export abstract class NotificationTemplateSource {
  abstract find(key: string): NotificationTemplate | undefined;
}
