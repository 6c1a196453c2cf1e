import PinoPretty from 'pino-pretty';
import { LogDestination } from './log-redaction';

interface LogFields {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  context?: string;
}

/** A request as `GET /api/v1/me 200 4 ms`; any other entry as its message, after its Nest context if it has one. */
export function prettyMessage(log: Record<string, unknown>, messageKey: string): string {
  const { req, res, responseTime, context } = log as LogFields;
  if (req?.method && res?.statusCode !== undefined) {
    return `${req.method} ${req.url} ${res.statusCode}${responseTime === undefined ? '' : ` ${responseTime} ms`}`;
  }
  const message = String(log[messageKey] ?? '');
  return context ? `[${context}] ${message}` : message;
}

/**
 * `LOG_FORMAT=pretty`: pino-pretty in the app's own thread (a worker transport could not take the
 * `messageFormat` function), one line per entry with time and level; an error keeps its stack below.
 * The app's name is left out: `npm start` prefixes each line with it.
 */
export function prettyLogStream(destination?: LogDestination): PinoPretty.PrettyStream {
  return PinoPretty({
    destination: destination ?? 1,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,app,req,res,responseTime,context',
    messageFormat: prettyMessage,
    singleLine: true,
  });
}
