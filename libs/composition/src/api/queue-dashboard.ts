import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { JwtService } from '@nestjs/jwt';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  AuthenticatedUser,
  Authenticator,
  ForbiddenProblem,
  JobQueue,
  LinliConfig,
  MonitoredQueues,
  Permission,
  ProblemException,
  roleHas,
  sendProblem,
} from '@linli/platform';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'linli_queues_session';
/** Lifetime of the dashboard's cookie; POST the session again to extend it. */
export const QUEUE_DASHBOARD_SESSION_SECONDS = 15 * 60;
const SESSION_PATH = `${QUEUE_DASHBOARD_PATH}/session`;

function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${QUEUE_DASHBOARD_COOKIE}=([A-Za-z0-9._-]+)`).exec(header);
  return match?.[1];
}

function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}

/** Queues are the whole deployment's: only a grant of `queues.manage` without a unit (deployment-wide) opens them. */
function isDeploymentWideOperator(user: AuthenticatedUser): boolean {
  return user.grants.some((grant) => grant.unitId === null && roleHas(grant.role, Permission.QueuesManage));
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return [
    `${QUEUE_DASHBOARD_COOKIE}=${value}`,
    `Path=${QUEUE_DASHBOARD_PATH}`,
    `Max-Age=${maxAge}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/**
 * Bull Board at /admin/queues, for deployment-wide holders of `queues.manage` (an admin granted at a
 * unit gets 403). Credentials never travel in a URL:
 *
 * - scripts send `Authorization: Bearer <access token>` on every request;
 * - a browser (Bull Board's UI cannot add headers) first sends `POST /admin/queues/session` with
 *   `Authorization: Bearer <access token>` (e.g. `fetch` from the admin front end, same origin); the
 *   answer, 204, sets `linli_queues_session`, a 15-minute token in an HttpOnly, SameSite=Strict cookie
 *   scoped to `/admin/queues` (Secure in production); then it opens `/admin/queues`.
 *   `DELETE /admin/queues/session` clears it. The cookie cannot mint a new one: POST needs the header.
 *
 * Every request re-checks the account (active, token version, grants), so a revoked admin loses the
 * dashboard within the request, not at the cookie's expiry.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(Authenticator);
  const jobQueue = app.get(JobQueue);
  const jwt = app.get(JwtService, { strict: false });
  const secure = app.get(LinliConfig).nodeEnv === 'production';
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(MonitoredQueues)
      .names.map((name) => new BullMQAdapter(jobQueue.get(name), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Linli 邻里 queues' } },
  });

  const operator = async (request: FastifyRequest, fromCookie: boolean): Promise<AuthenticatedUser> => {
    const token = fromCookie ? cookieToken(request) : undefined;
    const user = await authenticator.authenticate(request.headers.authorization ?? (token && `Bearer ${token}`));
    if (!isDeploymentWideOperator(user)) throw new ForbiddenProblem('任务队列仅限全域管理员查看');
    return user;
  };

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        // The session routes check for themselves: opening one needs the header, never the cookie.
        if (pathOf(request.url) === SESSION_PATH) return undefined;
        try {
          await operator(request, true);
        } catch (error) {
          if (error instanceof ProblemException) return sendProblem(reply, request, error);
          throw error;
        }
        return undefined;
      });
      scope.post('/session', async (request, reply) => {
        try {
          const user = await operator(request, false);
          const presented = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
          const { ver } = jwt.decode<{ ver: number }>(presented);
          const token = await jwt.signAsync(
            { sub: user.userId, username: user.username, ver },
            { expiresIn: QUEUE_DASHBOARD_SESSION_SECONDS },
          );
          return reply
            .header('set-cookie', cookie(token, QUEUE_DASHBOARD_SESSION_SECONDS, secure))
            .header('cache-control', 'no-store')
            .status(204)
            .send();
        } catch (error) {
          if (error instanceof ProblemException) return sendProblem(reply, request, error);
          throw error;
        }
      });
      scope.delete('/session', async (_request, reply) =>
        reply
          .header('set-cookie', cookie('', 0, secure))
          .status(204)
          .send(),
      );
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
