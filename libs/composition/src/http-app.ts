import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createValidationPipe,
  LinliConfig,
  MetricsRegistry,
  ProblemException,
  ProblemJsonFilter,
  registerHttpMetrics,
  requestIdOf,
  sendProblem,
} from '@linli/platform';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';

/** One Fastify-based Nest app, the same way for api, scheduler and notifier. */
export async function createHttpApp(root: Type | DynamicModule, config: LinliConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Errors Fastify's router answers itself, before any hook or Nest filter: answer them as problems too.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      void sendProblem(reply, request, routerProblem(error.code)),
    genReqId: (req: IncomingMessage) => {
      const id = requestIdOf(req);
      (req as IncomingMessage & { id?: string }).id = id;
      return id;
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
    // The raw bytes of a JSON body (`request.rawBody`), for the routes that verify a signature over them.
    rawBody: true,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemJsonFilter());
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  registerHttpMetrics(fastify, app.get(MetricsRegistry));
  app.enableShutdownHooks();
  return app;
}

/** A path that is not valid percent-encoding (`FST_ERR_BAD_URL`) or a path parameter over Fastify's `maxParamLength`. */
function routerProblem(fastifyCode: string): ProblemException {
  return fastifyCode === 'FST_ERR_MAX_PARAM_LENGTH'
    ? new ProblemException({ code: 'request.uri-too-long', status: 414, title: 'URI too long', detail: '请求地址过长' })
    : new ProblemException({
        code: 'request.malformed',
        status: 400,
        title: 'Malformed request',
        detail: '请求地址格式有误',
      });
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
