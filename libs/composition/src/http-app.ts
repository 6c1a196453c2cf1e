import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createValidationPipe,
  LinliConfig,
  MetricsRegistry,
  ProblemJsonFilter,
  registerHttpMetrics,
  requestIdOf,
} from '@linli/platform';
import { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';

/** One Fastify-based Nest app, the same way for api, scheduler and notifier. */
export async function createHttpApp(root: Type | DynamicModule, config: LinliConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req: IncomingMessage) => {
      const id = requestIdOf(req);
      (req as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemJsonFilter());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerHttpMetrics(fastify, app.get(MetricsRegistry));
  app.enableShutdownHooks();
  return app;
}

/** Initializes the app; if a module refuses to start, closes what already opened (database pool, Redis) before rethrowing. */
export async function initOrClose(app: NestFastifyApplication): Promise<void> {
  try {
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}
