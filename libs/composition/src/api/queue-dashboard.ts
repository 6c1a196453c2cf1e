import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  Authenticator,
  ForbiddenProblem,
  hasPermission,
  JobQueue,
  MonitoredQueues,
  Permission,
  ProblemException,
  sendProblem,
} from '@linli/platform';
import { FastifyInstance, FastifyRequest } from 'fastify';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'linli_queues_token';

function cookieToken(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]+)`).exec(header);
  return match?.[1];
}

/**
 * Bull Board at /admin/queues, for holders of `queues.manage` (admins). A browser opens
 * `/admin/queues?token=<access token>` once: the token moves to an HttpOnly cookie scoped to the
 * dashboard, so its own API calls authenticate too. Scripts may send `Authorization: Bearer …`.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(Authenticator);
  const jobQueue = app.get(JobQueue);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(MonitoredQueues)
      .names.map((name) => new BullMQAdapter(jobQueue.get(name), { readOnlyMode: false })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Linli 邻里 queues' } },
  });

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request, reply) => {
        const query = request.query as { token?: string } | undefined;
        const token = query?.token ?? cookieToken(request);
        const authorization = request.headers.authorization ?? (token ? `Bearer ${token}` : undefined);
        try {
          const user = await authenticator.authenticate(authorization);
          if (!hasPermission(user, Permission.QueuesManage)) throw new ForbiddenProblem('无权查看任务队列');
        } catch (error) {
          if (error instanceof ProblemException) return sendProblem(reply, request, error);
          throw error;
        }
        if (query?.token) {
          await reply
            .header('set-cookie', `${COOKIE}=${query.token}; Path=${QUEUE_DASHBOARD_PATH}; HttpOnly; SameSite=Strict`)
            .redirect(QUEUE_DASHBOARD_PATH, 303);
        }
        return undefined;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_DASHBOARD_PATH },
  );
}
