import { JwtService } from '@nestjs/jwt';
import {
  bootApi,
  createLoggedInUser,
  createUser,
  expectProblem,
  resetState,
  TEST_ADMIN,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';

describe('login and access tokens', () => {
  let api: TestApi;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  afterAll(() => api.close());

  it('issues a bearer token for the right username and password that opens GET /me', async () => {
    const login = await api.post('/api/v1/auth/login', {
      username: TEST_ADMIN.username,
      password: TEST_ADMIN.password,
    });
    expect(login.status).toBe(200);
    expect(login.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: api.config.jwtTtlSeconds,
      passwordChangeRequired: false,
    });
    const me = await api.get('/api/v1/me', login.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'admin',
      personId: null,
      unitId: null,
      grants: [{ role: 'admin', roleDisplay: '管理员', unitId: null }],
    });
    expect(me.body.permissions).toEqual(
      expect.arrayContaining(['users.manage', 'users.read', 'audit.read', 'queues.manage']),
    );
    expect(JSON.stringify(me.body)).not.toContain('argon2');
    const lowerCase = await api.request('GET', '/api/v1/me', {
      headers: { authorization: `bearer ${login.body.accessToken}` },
    });
    expect(lowerCase.status).toBe(200);
  });

  it('accepts the username in any case', async () => {
    const user = await createUser(api, { username: 'li.lei' });
    const login = await api.post('/api/v1/auth/login', { username: 'Li.Lei', password: user.password });
    expect(login.status).toBe(200);
  });

  it('refuses a wrong password with 401 auth.invalid-credentials', async () => {
    expectProblem(
      await api.post('/api/v1/auth/login', { username: TEST_ADMIN.username, password: 'wrong-password-1' }),
      401,
      'auth.invalid-credentials',
    );
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const unknown = await api.post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever-password' });
    const wrong = await api.post('/api/v1/auth/login', {
      username: TEST_ADMIN.username,
      password: 'whatever-password',
    });
    expectProblem(unknown, 401, 'auth.invalid-credentials');
    expect({ ...unknown.body, instance: undefined, requestId: undefined }).toEqual({
      ...wrong.body,
      instance: undefined,
      requestId: undefined,
    });
  });

  it('refuses a deactivated account at login with 403 auth.account-deactivated, but only for the right password', async () => {
    const user = await createUser(api, { isActive: false });
    expectProblem(
      await api.post('/api/v1/auth/login', { username: user.username, password: user.password }),
      403,
      'auth.account-deactivated',
    );
    expectProblem(
      await api.post('/api/v1/auth/login', { username: user.username, password: 'not-the-password' }),
      401,
      'auth.invalid-credentials',
    );
  });

  it('audits every login: successes with the account as actor, failures with their reason and never the password', async () => {
    await withTestDb((client) => client.query(`TRUNCATE audit_log`));
    const user = await createUser(api, { username: 'audited.login' });
    const inactive = await createUser(api, { isActive: false });
    await api.post('/api/v1/auth/login', { username: 'Audited.Login', password: user.password });
    await api.post('/api/v1/auth/login', { username: 'audited.login', password: 'wrong-password-1' });
    await api.post('/api/v1/auth/login', { username: 'no.such.user', password: 'secret-typed-here' });
    await api.post('/api/v1/auth/login', { username: inactive.username, password: inactive.password });
    const audit = await withTestDb((client) =>
      client.query(
        `SELECT action, actor_user_id, target_id, data FROM audit_log WHERE action LIKE 'auth.login-%' ORDER BY seq`,
      ),
    );
    expect(audit.rows).toEqual([
      {
        action: 'auth.login-succeeded',
        actor_user_id: user.id,
        target_id: user.id,
        data: { passwordChangeRequired: false },
      },
      { action: 'auth.login-failed', actor_user_id: null, target_id: user.id, data: { reason: 'wrong-password' } },
      { action: 'auth.login-failed', actor_user_id: null, target_id: null, data: { reason: 'unknown-username' } },
      { action: 'auth.login-failed', actor_user_id: null, target_id: inactive.id, data: { reason: 'deactivated' } },
    ]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/secret-typed-here|wrong-password-1|no\.such\.user/);
  });

  it('refuses a missing token with 401 auth.unauthenticated', async () => {
    expectProblem(await api.get('/api/v1/me'), 401, 'auth.unauthenticated');
  });

  it('refuses a malformed authorization header', async () => {
    expectProblem(
      await api.request('GET', '/api/v1/me', { headers: { authorization: 'Basic YWRtaW46YWRtaW4=' } }),
      401,
      'auth.unauthenticated',
    );
    expectProblem(
      await api.request('GET', '/api/v1/me', { headers: { authorization: 'Bearer not-a-jwt' } }),
      401,
      'auth.unauthenticated',
    );
  });

  it('refuses a token whose signature or payload was tampered with', async () => {
    const user = await createLoggedInUser(api, { role: 'auditor' });
    const [header, payload, signature] = user.token.split('.');
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    expectProblem(await api.get('/api/v1/me', `${header}.${payload}.${flipped}`), 401, 'auth.unauthenticated');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, username: 'admin' })).toString('base64url');
    expectProblem(await api.get('/api/v1/me', `${header}.${forged}.${signature}`), 401, 'auth.unauthenticated');
  });

  it('refuses an expired token', async () => {
    const user = await createUser(api, { role: 'auditor' });
    const expired = new JwtService({ secret: api.config.jwtSecret }).sign({
      sub: user.id,
      username: user.username,
      ver: 0,
      iat: Math.floor(Date.now() / 1000) - 7200,
      exp: Math.floor(Date.now() / 1000) - 3600,
    });
    expectProblem(await api.get('/api/v1/me', expired), 401, 'auth.unauthenticated');
    const fresh = new JwtService({ secret: api.config.jwtSecret }).sign(
      { sub: user.id, username: user.username, ver: 0 },
      { expiresIn: 60 },
    );
    expect((await api.get('/api/v1/me', fresh)).status).toBe(200);
  });

  it('refuses a token signed with another secret', async () => {
    const user = await createUser(api, { role: 'auditor' });
    const foreign = new JwtService({ secret: 'another-secret-0123456789abcdef0123456789' }).sign({
      sub: user.id,
      username: user.username,
      ver: 0,
    });
    expectProblem(await api.get('/api/v1/me', foreign), 401, 'auth.unauthenticated');
  });

  it('refuses the token of an account deactivated after login', async () => {
    const user = await createLoggedInUser(api, { role: 'auditor' });
    expect((await api.get('/api/v1/me', user.token)).status).toBe(200);
    await withTestDb((client) => client.query('UPDATE users SET is_active = false WHERE id = $1', [user.id]));
    expectProblem(await api.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
  });

  it('changes the own password: older tokens die, the new password and the returned token work', async () => {
    const user = await createLoggedInUser(api, { password: 'old-password-123' });
    const changed = await api.post(
      '/api/v1/auth/password',
      { currentPassword: 'old-password-123', newPassword: 'new-password-456' },
      user.token,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.tokenType).toBe('Bearer');
    expectProblem(await api.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
    expect((await api.get('/api/v1/me', changed.body.accessToken)).status).toBe(200);
    expectProblem(
      await api.post('/api/v1/auth/login', { username: user.username, password: 'old-password-123' }),
      401,
      'auth.invalid-credentials',
    );
    const relogin = await api.post('/api/v1/auth/login', { username: user.username, password: 'new-password-456' });
    expect(relogin.status).toBe(200);
    const audit = await withTestDb((client) =>
      client.query(`SELECT actor_user_id, target_id FROM audit_log WHERE action = 'auth.password-changed'`),
    );
    expect(audit.rows).toEqual([{ actor_user_id: user.id, target_id: user.id }]);
  });

  it('refuses a password change with a wrong current password or a short new one', async () => {
    const user = await createLoggedInUser(api, { password: 'old-password-123' });
    expectProblem(
      await api.post(
        '/api/v1/auth/password',
        { currentPassword: 'not-my-password', newPassword: 'new-password-456' },
        user.token,
      ),
      400,
      'auth.wrong-password',
    );
    const short = await api.post(
      '/api/v1/auth/password',
      { currentPassword: 'old-password-123', newPassword: 'short' },
      user.token,
    );
    expectProblem(short, 400, 'validation.failed');
    expect(short.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    expect((await api.get('/api/v1/me', user.token)).status).toBe(200);
  });
});
