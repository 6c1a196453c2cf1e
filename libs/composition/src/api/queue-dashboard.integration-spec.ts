import { bootApi, createLoggedInUser, resetState, TestApi } from '@linli/testing';

describe('queue dashboard at /admin/queues', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('refuses anonymous callers with a 401 problem', async () => {
    const response = await api.get('/admin/queues');
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.unauthenticated');
  });

  it('refuses a role without queues.manage with a 403 problem', async () => {
    const auditor = await createLoggedInUser(api, { role: 'auditor' });
    const response = await api.get('/admin/queues/api/queues', auditor.token);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('auth.forbidden');
  });

  it('shows an administrator every queue of the deployment', async () => {
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

  it('lets a browser trade a token in the link for a cookie scoped to the dashboard', async () => {
    const admin = await createLoggedInUser(api, { role: 'admin' });
    const handoff = await api.get(`/admin/queues?token=${admin.token}`);
    expect(handoff.status).toBe(303);
    const cookie = String(handoff.headers['set-cookie']);
    expect(cookie).toMatch(/^linli_queues_token=[^;]+; Path=\/admin\/queues; HttpOnly; SameSite=Strict$/);
    const withCookie = await api.request('GET', '/admin/queues/api/queues', {
      headers: { cookie: cookie.split(';')[0] },
    });
    expect(withCookie.status).toBe(200);
  });
});
