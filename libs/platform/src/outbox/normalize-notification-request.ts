import { SendNotificationJob } from '../messaging/job-names';
import { InvalidNotificationRequestError } from './invalid-notification-request.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The notifier's own rule for template keys (`SendNotificationCommand`). */
const TEMPLATE_KEY = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;
export const DEDUPE_KEY_MAX_LENGTH = 200;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Checks a requested notification against what the notifier accepts (`SendNotificationCommand`) and
 * returns it as it will be queued: only the job's own fields, `data` after a JSON round trip. A job
 * the notifier would refuse fails the request, and with it the caller's transaction.
 */
export function normalizeNotificationRequest(job: SendNotificationJob): SendNotificationJob {
  if (!isPlainObject(job)) throw new InvalidNotificationRequestError('a notification request must be an object');
  const { recipient, templateKey, data, dedupeKey, channels } = job;
  const what = typeof dedupeKey === 'string' ? `notification "${dedupeKey}"` : 'notification';
  if (typeof dedupeKey !== 'string' || dedupeKey.length === 0 || dedupeKey.length > DEDUPE_KEY_MAX_LENGTH)
    throw new InvalidNotificationRequestError(`${what}: dedupeKey must be 1 to ${DEDUPE_KEY_MAX_LENGTH} characters`);
  if (typeof templateKey !== 'string' || !TEMPLATE_KEY.test(templateKey))
    throw new InvalidNotificationRequestError(`${what}: templateKey must be dotted lower-case (e.g. "points.earned")`);
  if (!isPlainObject(recipient)) throw new InvalidNotificationRequestError(`${what}: recipient must be an object`);
  const userId: unknown = recipient.userId;
  const personId: unknown = recipient.personId;
  for (const [field, value] of [
    ['userId', userId],
    ['personId', personId],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || !UUID.test(value)))
      throw new InvalidNotificationRequestError(`${what}: recipient.${field} must be a UUID`);
  }
  if (!userId && !personId)
    throw new InvalidNotificationRequestError(`${what}: recipient needs a userId or a personId`);
  if (!isPlainObject(data)) throw new InvalidNotificationRequestError(`${what}: data must be an object`);
  let roundTripped: Record<string, unknown>;
  try {
    roundTripped = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  } catch (error) {
    throw new InvalidNotificationRequestError(`${what}: data must be plain JSON (${(error as Error).message})`);
  }
  if (
    channels !== undefined &&
    (!Array.isArray(channels) ||
      channels.length === 0 ||
      channels.length > 10 ||
      channels.some((c) => typeof c !== 'string'))
  )
    throw new InvalidNotificationRequestError(`${what}: channels must be 1 to 10 channel names`);
  return {
    recipient: {
      ...(typeof userId === 'string' ? { userId } : {}),
      ...(typeof personId === 'string' ? { personId } : {}),
    },
    templateKey,
    data: roundTripped,
    dedupeKey,
    ...(channels !== undefined ? { channels: [...channels] } : {}),
  };
}
