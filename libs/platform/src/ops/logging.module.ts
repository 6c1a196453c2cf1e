import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { LinliConfig } from '../config/linli-config';
import { leanResponse, LOG_DESTINATION, LogDestination, redactError, redactRequest } from './log-redaction';
import { prettyLogStream } from './pretty-log-stream';

const QUIET_PATHS = ['/health', '/ready', '/metrics'];

/**
 * Structured JSON logs (pino); every HTTP log line carries the request id, method, URL, status and
 * time. With `LOG_FORMAT=pretty` (the default outside production) they are printed as one short
 * line each instead (pretty-log-stream.ts). Nothing personal or secret is logged: no request or
 * response headers, query string values redacted (`redactUrl`), database errors without their bound
 * parameters (`redactError`).
 */
@Module({})
export class LoggingModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [LinliConfig, { token: LOG_DESTINATION, optional: true }],
          useFactory: (config: LinliConfig, destination?: LogDestination) => {
            const options = {
              level: config.logLevel,
              base: { app },
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
              autoLogging: {
                ignore: (req: IncomingMessage) => QUIET_PATHS.includes((req.url ?? '').split('?')[0]),
              },
              serializers: { req: redactRequest, res: leanResponse, err: redactError },
            };
            const stream = config.logFormat === 'pretty' ? prettyLogStream(destination) : destination;
            return {
              // Nest 11 path syntax; the default '*' is reported as a legacy route at boot.
              forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
              pinoHttp: stream ? [options, stream] : options,
            };
          },
        }),
      ],
    };
  }
}

/** Request id: the caller's `x-request-id` if it is sane, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._-]{1,128}$/.test(given) ? given : randomUUID();
}

export { LOG_DESTINATION, redactUrl } from './log-redaction';
