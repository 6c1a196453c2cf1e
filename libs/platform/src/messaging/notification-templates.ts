/** A notification text in Chinese; `{{variable}}` placeholders are filled from the job's `data`. */
export interface NotificationTemplate {
  title: string;
  body: string;
}

/** Templates by key, e.g. `{ 'points.earned': { title: '积分到账', body: '您获得了 {{points}} 积分：{{reason}}' } }`. */
export type NotificationTemplateMap = Record<string, NotificationTemplate>;

const TEMPLATE_KEY = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * Process-wide template registry, filled at module load by the code that owns each template
 * (`defineNotificationTemplates({...})` next to the domain that sends them), so that a domain
 * registers its texts without importing `@linli/notifications`; the notifier renders them.
 */
const registry = new Map<string, NotificationTemplate>();

/** Registers templates by key. Keys are dotted (`points.earned`); redefining a key with other texts is an error. */
export function defineNotificationTemplates(templates: NotificationTemplateMap): void {
  for (const [key, template] of Object.entries(templates)) {
    if (!TEMPLATE_KEY.test(key))
      throw new Error(`notification template key "${key}" must be dotted lower-case, e.g. "points.earned"`);
    if (!template.title.trim() || !template.body.trim())
      throw new Error(`notification template "${key}" needs a title and a body`);
    const existing = registry.get(key);
    if (existing && (existing.title !== template.title || existing.body !== template.body)) {
      throw new Error(`notification template "${key}" is already defined with other texts`);
    }
    registry.set(key, { title: template.title, body: template.body });
  }
}

export function findNotificationTemplate(key: string): NotificationTemplate | undefined {
  return registry.get(key);
}

export function notificationTemplateKeys(): string[] {
  return [...registry.keys()].sort();
}
