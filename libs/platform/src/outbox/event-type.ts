/**
 * Event types are dotted lower-case segments, at least two: `<domain>.<subject>.<verb in past tense>`,
 * e.g. `volunteers.service.verified`. The tense is a convention; the shape is enforced (also by a
 * check constraint on `outbox_events.type`).
 */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

export const EVENT_TYPE_MAX_LENGTH = 120;

export function isEventType(value: unknown): value is string {
  return typeof value === 'string' && value.length <= EVENT_TYPE_MAX_LENGTH && EVENT_TYPE_PATTERN.test(value);
}
