import { Writable } from 'node:stream';

/** A test (or an operator tool) may provide a stream for the logs; stdout otherwise. */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
export type LogDestination = Writable;

/** Query parameters whose values are logged as sent; every other value becomes `[redacted]`. */
const LOGGED_QUERY_PARAMS = new Set(['limit', 'sort', 'order', 'direction', 'status', 'kind', 'type', 'period']);
const REDACTED = '[redacted]';

/**
 * A request URL fit for the logs: the path as is, query values redacted but for a few harmless
 * ones (`?phone=[redacted]&limit=20`): phone and ID numbers, names, tokens, codes and cursors
 * (which carry sort values such as names) never reach the log.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const start = url.indexOf('?');
  if (start === -1) return url;
  const query = url
    .slice(start + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name] = pair.split('=', 1);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // keep the raw name
      }
      return LOGGED_QUERY_PARAMS.has(decoded) && pair.includes('=') ? pair : `${name}=${REDACTED}`;
    });
  return `${url.slice(0, start)}?${query.join('&')}`;
}

/** Fields of a database error that may carry the statement's values (TypeORM copies the driver's onto it). */
const VALUE_FIELDS = ['parameters', 'driverError', 'detail', 'where', 'hint', 'internalQuery', 'position'];

/** Quoted literals in a driver message (`invalid input syntax for type uuid: "…"`) are values too. */
function withoutLiterals(text: unknown): unknown {
  return typeof text === 'string' ? text.replace(/"[^"\n]*"/g, `"${REDACTED}"`) : text;
}

/**
 * pino's `err` serializer after the standard one: a database error (TypeORM `QueryFailedError`)
 * keeps its SQL text, SQLSTATE code, table, column and constraint, never its bound parameters or
 * the values the driver quotes back.
 */
export function redactError(serialized: Record<string, unknown>): Record<string, unknown> {
  if (!serialized || typeof serialized !== 'object') return serialized;
  const isDatabaseError =
    serialized.type === 'QueryFailedError' || 'parameters' in serialized || 'driverError' in serialized;
  if (!isDatabaseError) return serialized;
  const safe: Record<string, unknown> = { ...serialized };
  for (const field of VALUE_FIELDS) delete safe[field];
  safe.message = withoutLiterals(safe.message);
  safe.stack = withoutLiterals(safe.stack);
  return safe;
}

/**
 * pino-http's `req` serializer after the standard one: the request id, method and URL (no query
 * string values) only. Headers are not logged: they cost a copy of every header on every request
 * and carry tokens, cookies and client details the log has no use for.
 */
export function redactRequest(serialized: Record<string, unknown>): Record<string, unknown> {
  return { id: serialized.id, method: serialized.method, url: redactUrl(serialized.url as string | undefined) };
}

/** pino-http's `res` serializer: the status code only (no response headers). */
export function leanResponse(serialized: Record<string, unknown>): Record<string, unknown> {
  return { statusCode: serialized.statusCode };
}
