import {
  bootApi,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  smallDistrict,
  TestApi,
} from '@linli/testing';

describe('queue dashboard at /admin/queues', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  afterAll(() => api.close());

  const session = (token?: string) => api.request('POST', '/admin/queues/session', token ? { token } : {});
  const withCookie = (url: string, cookie: string) => api.request('GET', url, { headers: { cookie } });

  it('refuses anonymous callers with a 401 problem', async () => {
    expectProblem(await api.get('/admin/queues'), 401, 'auth.unauthenticated');
    expectProblem(await session(), 401, 'auth.unauthenticated');
  });

  it('refuses a role without queues.manage with a 403 problem', async () => {
    const auditor = await createLoggedInUser(api, { role: 'auditor' });
    expectProblem(await api.get('/admin/queues/api/queues', auditor.token), 403, 'auth.forbidden');
    expectProblem(await session(auditor.token), 403, 'auth.forbidden');
  });

  it('refuses an admin granted at one community: the queues are the whole deployment', async () => {
    const community = (await createUnitTree(smallDistrict())).get('社区A')!;
    const local = await createLoggedInUser(api, { role: 'admin', unitId: community.id, unitPath: community.path });
    expectProblem(await api.get('/admin/queues', local.token), 403, 'auth.forbidden');
    expectProblem(await api.get('/admin/queues/api/queues', local.token), 403, 'auth.forbidden');
    expectProblem(await session(local.token), 403, 'auth.forbidden');
  });

  it('shows a deployment-wide administrator every queue of the deployment', async () => {
    const admin = await createLoggedInUser(api, { role: 'admin' });
    const page = await api.get('/admin/queues', admin.token);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toContain('text/html');
    const queues = await api.get('/admin/queues/api/queues', admin.token);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['notifications', 'schedules']),
    );
  });

  it('opens a browser session by an authenticated POST: a short-lived HttpOnly cookie scoped to the dashboard', async () => {
    const admin = await createLoggedInUser(api, { role: 'admin' });
    const opened = await session(admin.token);
    expect(opened.status).toBe(204);
    const setCookie = String(opened.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^linli_queues_session=[\w-]+\.[\w-]+\.[\w-]+; Path=\/admin\/queues; Max-Age=900; HttpOnly; SameSite=Strict$/,
    );
    const cookie = setCookie.split(';')[0];
    expect(cookie.split('=')[1]).not.toBe(admin.token);
    const claims = JSON.parse(Buffer.from(cookie.split('=')[1].split('.')[1], 'base64url').toString('utf8'));
    expect(claims.exp - claims.iat).toBe(900);
    expect((await withCookie('/admin/queues', cookie)).status).toBe(200);
    expect((await withCookie('/admin/queues/api/queues', cookie)).status).toBe(200);
    // The cookie cannot renew itself: a new session needs the Authorization header.
    expectProblem(
      await api.request('POST', '/admin/queues/session', { headers: { cookie } }),
      401,
      'auth.unauthenticated',
    );
    const closed = await api.request('DELETE', '/admin/queues/session', { headers: { cookie } });
    expect(closed.status).toBe(204);
    expect(String(closed.headers['set-cookie'])).toMatch(/^linli_queues_session=; Path=\/admin\/queues; Max-Age=0;/);
  });

  it('accepts no token in the URL', async () => {
    const admin = await createLoggedInUser(api, { role: 'admin' });
    const response = await api.get(`/admin/queues?token=${admin.token}`);
    expectProblem(response, 401, 'auth.unauthenticated');
    expect(response.headers['set-cookie']).toBeUndefined();
  });
});
