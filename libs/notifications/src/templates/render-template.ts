import { NotificationTemplate } from './notification-template';
import { TemplateRenderError } from './template-render.error';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}/g;

function lookup(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, part))
      return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function fill(text: string, data: Record<string, unknown>, missing: Set<string>): string {
  return text.replace(PLACEHOLDER, (_match, path: string) => {
    const value = lookup(data, path);
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    missing.add(path);
    return '';
  });
}

/**
 * Fills `{{variable}}` (or `{{nested.path}}`) placeholders from `data`. A placeholder without a
 * string, number or boolean value is an error: a user never receives a literal "{{x}}".
 */
export function renderTemplate(
  templateKey: string,
  template: NotificationTemplate,
  data: Record<string, unknown>,
): { title: string; body: string } {
  const missing = new Set<string>();
  const rendered = { title: fill(template.title, data, missing), body: fill(template.body, data, missing) };
  if (missing.size > 0) {
    const names = [...missing].map((m) => `"${m}"`).join(', ');
    throw new TemplateRenderError(templateKey, `missing variable${missing.size > 1 ? 's' : ''} ${names}`);
  }
  return rendered;
}
