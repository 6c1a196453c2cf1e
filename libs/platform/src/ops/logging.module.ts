import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { LinliConfig } from '../config/linli-config';

/** Structured JSON logs (pino); every HTTP log line carries the request id. */
@Module({})
export class LoggingModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [LinliConfig],
          useFactory: (config: LinliConfig) => ({
            // Nest 11 path syntax; the default '*' is reported as a legacy route at boot.
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              base: { app },
              genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdOf(req),
              customProps: () => ({ app }),
              autoLogging: {
                ignore: (req: IncomingMessage) => ['/health', '/ready', '/metrics'].includes(req.url ?? ''),
              },
              redact: ['req.headers.authorization', 'req.headers.cookie'],
            },
          }),
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
