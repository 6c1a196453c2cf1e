import { createLoggedInUser, expectProblem, resetState, TestApi, bootApi, waitFor, withTestDb } from '@linli/testing';
import { AccountChangesListener } from './account-changes.listener';

/**
 * Two api processes (two apps, each with its own cache and listener) on one database: whatever
 * changes an account in one, or behind both with plain SQL, reaches the other's next requests.
 */
describe('cached callers across api processes', () => {
  let first: TestApi;
  let second: TestApi;

  beforeAll(async () => {
    await resetState();
    [first, second] = [await bootApi(), await bootApi()];
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const listening = (api: TestApi) => api.app.get(AccountChangesListener).listening;
  const statusOf = async (api: TestApi, url: string, token: string) => (await api.get(url, token)).status;

  it('refuses a token in the other process once an administrator deactivated its account in one', async () => {
    const admin = await createLoggedInUser(first, { role: 'admin' });
    const user = await createLoggedInUser(first, {});
    expect(await statusOf(second, '/api/v1/me', user.token)).toBe(200);
    await waitFor(async () => listening(second), { what: 'the second process listening' });
    expect(await statusOf(second, '/api/v1/me', user.token)).toBe(200);

    expect((await first.post(`/api/v1/users/${user.id}/deactivate`, {}, admin.token)).status).toBe(200);
    expectProblem(await first.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
    await waitFor(async () => (await statusOf(second, '/api/v1/me', user.token)) === 401, {
      timeoutMs: 5000,
      what: 'the deactivation in the second process',
    });
  });

  it('drops a grant revoked behind both processes with plain SQL', async () => {
    const admin = await createLoggedInUser(first, { role: 'admin' });
    await waitFor(async () => listening(first) && listening(second), { what: 'both listening' });
    for (const api of [first, second]) expect(await statusOf(api, '/api/v1/users', admin.token)).toBe(200);

    await withTestDb((client) => client.query(`DELETE FROM role_grants WHERE user_id = $1`, [admin.id]));
    for (const api of [first, second]) {
      await waitFor(async () => (await statusOf(api, '/api/v1/users', admin.token)) === 403, {
        timeoutMs: 5000,
        what: 'the revoked grant',
      });
    }
  });

  it('serves nothing it cached before its listener lost the connection: a change it could not hear is seen', async () => {
    const user = await createLoggedInUser(first, {});
    await waitFor(async () => listening(second), { what: 'the second process listening' });
    expect(await statusOf(second, '/api/v1/me', user.token)).toBe(200);

    // The listener's connection dies; the change's notice goes nowhere.
    await withTestDb((client) =>
      client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'linli-account-changes' AND datname = current_database()`,
      ),
    );
    await waitFor(async () => !listening(second), { what: 'the listener noticing' });
    await withTestDb((client) =>
      client.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [user.id]),
    );
    await waitFor(async () => listening(second), { timeoutMs: 10_000, what: 'the listener back' });
    expectProblem(await second.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
  });

  it('answers the new token at once after a password change in the same process, and refuses the old one', async () => {
    const user = await createLoggedInUser(first, { password: 'first-password-1' });
    await waitFor(async () => listening(first), { what: 'listening' });
    expect(await statusOf(first, '/api/v1/me', user.token)).toBe(200);
    const changed = await first.post(
      '/api/v1/auth/password',
      { currentPassword: 'first-password-1', newPassword: 'second-password-2' },
      user.token,
    );
    expect(changed.status).toBe(200);
    expectProblem(await first.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
    expect(await statusOf(first, '/api/v1/me', changed.body.accessToken as string)).toBe(200);
  });
});
