import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { AuditContext } from './audit-context';

/**
 * Runs each api request's handler (its guards, pipes and the handler itself) inside an
 * `AuditContext` holding the request id; the auth guard adds the caller (`AuditContext.identify`).
 * A Fastify `preHandler` hook rather than a Nest interceptor: the route handler is called from
 * the hook's `done`, inside the context, and routes pay no interceptor chain.
 */
@Injectable()
export class AuditContextHook implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addHook) return;
    fastify.addHook('preHandler', (request, _reply, done) =>
      AuditContext.run({ requestId: request.id ?? null, actorUserId: null }, done),
    );
  }
}
