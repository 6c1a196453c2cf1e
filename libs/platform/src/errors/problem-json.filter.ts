import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { errorCodes, FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { CommonCode } from './common-problems';
import { ProblemException } from './problem.exception';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
}

/** Nest re-wraps Fastify's own errors as plain HttpExceptions (code lost); their messages identify them. */
const MALFORMED_BODY_MESSAGES = new Set([
  new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY().message,
  new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY().message,
]);

/** Maps framework and driver errors onto the kernel's problem codes. */
function toProblem(error: unknown): ProblemException {
  if (error instanceof ProblemException) return error;
  const fastify = error as FastifyLikeError;
  switch (fastify?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemException({
        code: CommonCode.PayloadTooLarge,
        status: 413,
        title: 'Request body too large',
        detail: '请求体过大',
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemException({
        code: CommonCode.UnsupportedMediaType,
        status: 415,
        title: 'Unsupported media type',
        detail: '不支持的内容类型',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemException({
        code: CommonCode.MalformedBody,
        status: 400,
        title: 'Malformed request body',
        detail: '请求体不是合法的 JSON',
      });
  }
  if (error instanceof SyntaxError && fastify?.statusCode === 400) {
    return new ProblemException({
      code: CommonCode.MalformedBody,
      status: 400,
      title: 'Malformed request body',
      detail: '请求体不是合法的 JSON',
    });
  }
  if (error instanceof QueryFailedError) {
    const driverCode = (error as QueryFailedError & { code?: string }).code;
    if (driverCode === '23505') {
      return new ProblemException({
        code: CommonCode.Conflict,
        status: 409,
        title: 'Conflict',
        detail: '数据已存在或与现有记录冲突',
      });
    }
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status === 404) {
      return new ProblemException({
        code: CommonCode.RouteNotFound,
        status,
        title: 'Route not found',
        detail: '请求的接口不存在',
      });
    }
    if (status === 413) {
      return new ProblemException({
        code: CommonCode.PayloadTooLarge,
        status,
        title: 'Request body too large',
        detail: '请求体过大',
      });
    }
    if (status === 415) {
      return new ProblemException({
        code: CommonCode.UnsupportedMediaType,
        status,
        title: 'Unsupported media type',
        detail: '不支持的内容类型',
      });
    }
    if (status === 400 && MALFORMED_BODY_MESSAGES.has(error.message)) {
      return new ProblemException({
        code: CommonCode.MalformedBody,
        status,
        title: 'Malformed request body',
        detail: '请求体不是合法的 JSON',
      });
    }
    return new ProblemException({ code: `http.${status}`, status, title: error.message });
  }
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return new ProblemException({
      code: `http.${fastify.statusCode}`,
      status: fastify.statusCode,
      title: (error as Error).message,
    });
  }
  return new ProblemException({
    code: CommonCode.Internal,
    status: 500,
    title: 'Internal error',
    detail: '服务器内部错误',
  });
}

/**
 * The problem+json body of a problem, for `request`. Extensions come first: one named like a
 * standard member (`status`, `code`…) can never replace it.
 */
export function problemBody(problem: ProblemException, request: FastifyRequest | undefined): Record<string, unknown> {
  return {
    ...(problem.extensions ?? {}),
    type: `urn:linli:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    code: problem.code,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
    instance: request?.url,
    requestId: request?.id,
  };
}

/** Sends a problem+json answer; also for HTTP surfaces outside Nest's router (the queue dashboard). */
export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest | undefined,
  problem: ProblemException,
): FastifyReply {
  return reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problemBody(problem, request));
}

/** Renders every error as RFC 9457 problem+json with a stable `code`. */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const problem = toProblem(error);
    if (problem.status >= 500) this.logger.error({ err: error, requestId: request?.id }, 'unhandled error');
    void sendProblem(reply, request, problem);
  }
}
