import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import {
  bootApi,
  createUnitTree,
  createUser,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';
import { createLinliClient, LinliClient, LinliProblemError, login, problemOf } from './index';

/** The api listening on a free local port: openapi-fetch speaks real HTTP, not Fastify's `inject`. */
async function listeningApi(): Promise<{ api: TestApi; baseUrl: string }> {
  const api = await bootApi();
  await api.app.listen(0, '127.0.0.1');
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return { api, baseUrl: `http://127.0.0.1:${port}` };
}

async function insertNotification(userId: string, title: string, body: string): Promise<string> {
  return withTestDb(async (db) => {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO notifications (recipient_user_id, template_key, title, body, data, dedupe_key, created_at)
       VALUES ($1, 'system.test', $2, $3, '{}', $4, now()) RETURNING id`,
      [userId, title, body, `client-spec-${randomUUID()}`],
    );
    return rows[0].id;
  });
}

describe('@linli/client against the running api', () => {
  let api: TestApi;
  let baseUrl: string;
  let client: LinliClient;
  let units: Map<string, ScenarioUnit>;
  let userId: string;
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name} in the scenario`);
    return found;
  };

  beforeAll(async () => {
    await resetState();
    ({ api, baseUrl } = await listeningApi());
    units = await createUnitTree(smallDistrict());
    const community = unit('社区A');
    const user = await createUser(api, { role: 'secretary', unitId: community.id, unitPath: community.path });
    userId = user.id;
    client = createLinliClient({ baseUrl: `${baseUrl}/api/v1/` });
    await login(client, user.username, user.password);
  });
  afterAll(() => api.close());

  it('logs in and reads a unit in scope, typed from the document', async () => {
    const grid = unit('网格A1');
    const { data, response } = await client.GET('/api/v1/units/{id}', { params: { path: { id: grid.id } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: grid.id, kind: 'grid', name: '网格A1', parentId: unit('社区A').id });
  });

  it('answers a unit outside the scope with a 404 problem+json', async () => {
    const { data, error, response } = await client.GET('/api/v1/units/{id}', {
      params: { path: { id: unit('网格B1').id } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(problemOf(error)?.code).toBe('resource.not-found');
  });

  it('lists my notifications and marks one read', async () => {
    const id = await insertNotification(userId, '会议通知', '周五下午三点社区议事会');
    const { data: page } = await client.GET('/api/v1/me/notifications', { params: { query: { unread: true } } });
    expect(page?.items.map((n) => [n.title, n.body, n.readAt])).toEqual([['会议通知', '周五下午三点社区议事会', null]]);
    expect(page?.nextCursor).toBeNull();

    const { data: read } = await client.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } });
    expect(read?.readAt).toEqual(expect.any(String));
    const { data: unread } = await client.GET('/api/v1/me/notifications/unread-count');
    expect(unread?.count).toBe(0);
  });

  it('sends no token for an anonymous client, and login refuses a wrong password with the problem', async () => {
    const anonymous = createLinliClient({ baseUrl });
    const { error, response } = await anonymous.GET('/api/v1/me');
    expect(response.status).toBe(401);
    expect(problemOf(error)?.code).toBe('auth.unauthenticated');

    const refused = await login(anonymous, 'nobody-here', 'wrong-password-123').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LinliProblemError);
    expect((refused as LinliProblemError).problem?.code).toBe('auth.invalid-credentials');
    expect(anonymous.token).toBeUndefined();
  });

  it('refuses, at type-check time, a path the document does not name', async () => {
    // @ts-expect-error -- no such route in the OpenAPI document: `npm run typecheck` fails without this line
    const { response } = await client.GET('/api/v1/no-such-route', {});
    expect(response.status).toBe(404);
  });
});
