import cors from '@fastify/cors';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommonCode, LinliConfig, ProblemException, sendProblem, UnauthenticatedProblem } from '@linli/platform';
import { createHash, timingSafeEqual } from 'node:crypto';
import { securityHeaders } from './security-headers';

/** API answers are data, never pages: nothing may load or frame them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Swagger UI (/docs): its own scripts, its inline styles, data: images (the logo). */
const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
/** Bull Board (/admin/queues): its bundles, inline styles, Google's IBM Plex font it links to. */
const DASHBOARD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' https://fonts.googleapis.com; " +
  "font-src 'self' https://fonts.gstatic.com; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; " +
  "base-uri 'self'; form-action 'self'; object-src 'none'";

function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

function cspFor(path: string): string {
  if (path === '/docs' || path.startsWith('/docs/') || path.startsWith('/docs-json')) return DOCS_CSP;
  if (path === '/admin/queues' || path.startsWith('/admin/queues/')) return DASHBOARD_CSP;
  return API_CSP;
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Security headers on every api answer (helmet: nosniff, `X-Frame-Options: DENY`, HSTS, referrer
 * policy, cross-origin policies; a Content-Security-Policy per surface), CORS for the configured
 * origins only (`CORS_ORIGINS`, off by default) and `/metrics` behind `METRICS_ENABLED` and
 * `METRICS_TOKEN`. Registered before any route so that every route and the 404 answer get them.
 */
export async function registerHttpSecurity(app: NestFastifyApplication, config: LinliConfig): Promise<void> {
  // CSP is set below per surface; helmet's single policy would break Swagger UI or the dashboard.
  const helmetHeaders = securityHeaders({ contentSecurityPolicy: false, xFrameOptions: { action: 'deny' } });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    reply.headers(helmetHeaders);
    reply.header('content-security-policy', cspFor(path));
    if (path !== '/metrics') return undefined;
    if (!config.metrics.enabled) {
      return sendProblem(
        reply,
        request,
        new ProblemException({
          code: CommonCode.RouteNotFound,
          status: 404,
          title: 'Route not found',
          detail: '请求的接口不存在',
        }),
      );
    }
    const token = config.metrics.token;
    if (token) {
      const match = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match || !sameSecret(match[1], token)) {
        return sendProblem(reply, request, new UnauthenticatedProblem('需要指标访问令牌'));
      }
    }
    return undefined;
  });
  if (config.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    });
  }
}
