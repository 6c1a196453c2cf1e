import { randomUUID } from 'node:crypto';
import {
  bootApi,
  countRows,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  createUser,
  CreatedUser,
  expectProblem,
  resetState,
  ScenarioPerson,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

type LoggedIn = CreatedUser & { token: string };

async function auditOf(action: string): Promise<{ actor_user_id: string | null; target_id: string; data: unknown }[]> {
  const result = await withTestDb((client) =>
    client.query(`SELECT actor_user_id, target_id, data FROM audit_log WHERE action = $1 ORDER BY seq`, [action]),
  );
  return result.rows;
}

describe('account administration: person links, deactivation, password reset', () => {
  let api: TestApi;
  let communityA: ScenarioUnit;
  let communityB: ScenarioUnit;
  let residentA: ScenarioPerson;
  let residentB: ScenarioPerson;
  let adminA: LoggedIn;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
  });
  beforeEach(async () => {
    await resetState();
    const units = await createUnitTree(smallDistrict());
    communityA = units.get('社区A')!;
    communityB = units.get('社区B')!;
    [residentA, residentB] = await createPeople([
      { name: '王芳', residence: units.get('楼栋A1-1')! },
      { name: '李雷', residence: units.get('楼栋B1-1')! },
    ]);
    adminA = await createLoggedInUser(api, { role: 'admin', unitId: communityA.id, unitPath: communityA.path });
  });
  afterAll(() => api.close());

  describe('linking an account to a person', () => {
    it('refuses to link a new account to a resident of another community: 404 and no account written', async () => {
      const response = await api.post(
        '/api/v1/users',
        { username: 'b.resident', password: 'password-123456', personId: residentB.id },
        adminA.token,
      );
      expectProblem(response, 404, 'resource.not-found');
      expect(
        await countRows(`SELECT count(*) FROM users WHERE username = 'b.resident' OR person_id = $1`, [residentB.id]),
      ).toBe(0);
      expect(await countRows(`SELECT count(*) FROM audit_log WHERE action = 'users.created'`)).toBe(0);
    });

    it('refuses a person id that does not exist with 404', async () => {
      const response = await api.post(
        '/api/v1/users',
        { username: 'ghost', password: 'password-123456', personId: randomUUID() },
        adminA.token,
      );
      expectProblem(response, 404, 'resource.not-found');
      expect(await countRows(`SELECT count(*) FROM users WHERE username = 'ghost'`)).toBe(0);
    });

    it('links a new account to a resident of the own community', async () => {
      const response = await api.post(
        '/api/v1/users',
        { username: 'a.resident', password: 'password-123456', personId: residentA.id },
        adminA.token,
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ personId: residentA.id, unitId: communityA.id });
    });

    it('links, relinks and unlinks an existing account, audited, and refuses a person out of scope', async () => {
      const account = await createUser(api, { unitId: communityA.id, unitPath: communityA.path });
      expectProblem(
        await api.request('PUT', `/api/v1/users/${account.id}/person`, {
          body: { personId: residentB.id },
          token: adminA.token,
        }),
        404,
        'resource.not-found',
      );
      expect(await countRows(`SELECT count(*) FROM users WHERE id = $1 AND person_id IS NULL`, [account.id])).toBe(1);

      const linked = await api.request('PUT', `/api/v1/users/${account.id}/person`, {
        body: { personId: residentA.id },
        token: adminA.token,
      });
      expect(linked.status).toBe(200);
      expect(linked.body.personId).toBe(residentA.id);
      const again = await api.request('PUT', `/api/v1/users/${account.id}/person`, {
        body: { personId: residentA.id },
        token: adminA.token,
      });
      expect(again.status).toBe(200);

      const unlinked = await api.request('DELETE', `/api/v1/users/${account.id}/person`, { token: adminA.token });
      expect(unlinked.status).toBe(204);
      expect(await countRows(`SELECT count(*) FROM users WHERE id = $1 AND person_id IS NULL`, [account.id])).toBe(1);

      expect(await auditOf('users.person-linked')).toEqual([
        { actor_user_id: adminA.id, target_id: account.id, data: { personId: residentA.id, previousPersonId: null } },
      ]);
      expect(await auditOf('users.person-unlinked')).toEqual([
        { actor_user_id: adminA.id, target_id: account.id, data: { personId: residentA.id } },
      ]);
    });

    it('refuses to link a person who already has an account, and an account outside the scope', async () => {
      await createUser(api, { personId: residentA.id, unitId: communityA.id, unitPath: communityA.path });
      const other = await createUser(api, { unitId: communityA.id, unitPath: communityA.path });
      expectProblem(
        await api.request('PUT', `/api/v1/users/${other.id}/person`, {
          body: { personId: residentA.id },
          token: adminA.token,
        }),
        409,
        'users.person-already-linked',
      );
      const inB = await createUser(api, { unitId: communityB.id, unitPath: communityB.path });
      expectProblem(
        await api.request('DELETE', `/api/v1/users/${inB.id}/person`, { token: adminA.token }),
        404,
        'resource.not-found',
      );
    });
  });

  describe('deactivating an account', () => {
    it('refuses its token on the next request and its login, until reactivated; old tokens stay dead', async () => {
      const user = await createLoggedInUser(api, { role: 'auditor', unitId: communityA.id, unitPath: communityA.path });
      expect((await api.get('/api/v1/me', user.token)).status).toBe(200);

      const deactivated = await api.post(`/api/v1/users/${user.id}/deactivate`, {}, adminA.token);
      expect(deactivated.status).toBe(200);
      expect(deactivated.body.isActive).toBe(false);
      expectProblem(await api.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
      expectProblem(
        await api.post('/api/v1/auth/login', { username: user.username, password: user.password }),
        403,
        'auth.account-deactivated',
      );

      const reactivated = await api.post(`/api/v1/users/${user.id}/reactivate`, {}, adminA.token);
      expect(reactivated.status).toBe(200);
      expect(reactivated.body.isActive).toBe(true);
      expectProblem(await api.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
      const token = await api.login(user.username, user.password);
      expect((await api.get('/api/v1/me', token)).status).toBe(200);

      expect(await auditOf('users.deactivated')).toEqual([{ actor_user_id: adminA.id, target_id: user.id, data: {} }]);
      expect(await auditOf('users.reactivated')).toEqual([{ actor_user_id: adminA.id, target_id: user.id, data: {} }]);
    });

    it('answers 404 for an account of another community and 409 for the own account', async () => {
      const inB = await createUser(api, { unitId: communityB.id, unitPath: communityB.path });
      expectProblem(await api.post(`/api/v1/users/${inB.id}/deactivate`, {}, adminA.token), 404, 'resource.not-found');
      expect(await countRows(`SELECT count(*) FROM users WHERE id = $1 AND is_active`, [inB.id])).toBe(1);
      expectProblem(
        await api.post(`/api/v1/users/${adminA.id}/deactivate`, {}, adminA.token),
        409,
        'users.own-account-deactivation',
      );
    });

    it('keeps one deployment-wide administrator when two deactivate each other at once', async () => {
      const first = await createLoggedInUser(api, { role: 'admin' });
      const second = await createLoggedInUser(api, { role: 'admin' });
      const answers = await Promise.all([
        api.post(`/api/v1/users/${second.id}/deactivate`, {}, first.token),
        api.post(`/api/v1/users/${first.id}/deactivate`, {}, second.token),
      ]);
      expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status !== 200)) {
        expect(['users.last-administrator', 'auth.unauthenticated']).toContain(answer.body.code);
      }
      expect(
        await countRows(`SELECT count(*) FROM users WHERE is_active AND id = ANY($1::uuid[])`, [[first.id, second.id]]),
      ).toBe(1);
    });
  });

  describe('resetting a password', () => {
    it('generates a temporary password; the owner may only change it until they do', async () => {
      const user = await createLoggedInUser(api, { role: 'auditor', unitId: communityA.id, unitPath: communityA.path });
      const reset = await api.post(`/api/v1/users/${user.id}/password-reset`, {}, adminA.token);
      expect(reset.status).toBe(200);
      expect(reset.body).toEqual({
        userId: user.id,
        temporaryPassword: expect.stringMatching(/^[A-Za-z2-9]{16}$/),
        passwordChangeRequired: true,
      });
      const temporary = reset.body.temporaryPassword as string;
      expectProblem(await api.get('/api/v1/me', user.token), 401, 'auth.unauthenticated');
      expectProblem(
        await api.post('/api/v1/auth/login', { username: user.username, password: user.password }),
        401,
        'auth.invalid-credentials',
      );

      const login = await api.post('/api/v1/auth/login', { username: user.username, password: temporary });
      expect(login.status).toBe(200);
      expect(login.body.passwordChangeRequired).toBe(true);
      const token = login.body.accessToken as string;
      expectProblem(await api.get('/api/v1/users', token), 403, 'auth.password-change-required');
      expectProblem(await api.get('/api/v1/audit-log', token), 403, 'auth.password-change-required');
      const me = await api.get('/api/v1/me', token);
      expect(me.status).toBe(200);
      expect(me.body.passwordChangeRequired).toBe(true);

      const changed = await api.post(
        '/api/v1/auth/password',
        { currentPassword: temporary, newPassword: 'my-own-password-1' },
        token,
      );
      expect(changed.status).toBe(200);
      expect(changed.body.passwordChangeRequired).toBe(false);
      expect((await api.get('/api/v1/users', changed.body.accessToken)).status).toBe(200);
      const relogin = await api.post('/api/v1/auth/login', { username: user.username, password: 'my-own-password-1' });
      expect(relogin.body.passwordChangeRequired).toBe(false);

      expect(await auditOf('users.password-reset')).toEqual([
        { actor_user_id: adminA.id, target_id: user.id, data: { generated: true } },
      ]);
      expect(await auditOf('auth.password-changed')).toEqual([
        { actor_user_id: user.id, target_id: user.id, data: { afterReset: true } },
      ]);
      const everything = await withTestDb((client) => client.query(`SELECT data FROM audit_log`));
      expect(JSON.stringify(everything.rows)).not.toContain(temporary);
    });

    it('sets a given temporary password, and refuses the own account and accounts out of scope', async () => {
      const user = await createUser(api, { unitId: communityA.id, unitPath: communityA.path });
      const given = await api.post(
        `/api/v1/users/${user.id}/password-reset`,
        { temporaryPassword: 'handed-over-123' },
        adminA.token,
      );
      expect(given.status).toBe(200);
      expect(given.body.temporaryPassword).toBeNull();
      expect(
        (await api.post('/api/v1/auth/login', { username: user.username, password: 'handed-over-123' })).status,
      ).toBe(200);
      expectProblem(
        await api.post(`/api/v1/users/${user.id}/password-reset`, { temporaryPassword: 'short' }, adminA.token),
        400,
        'validation.failed',
      );
      expectProblem(
        await api.post(`/api/v1/users/${adminA.id}/password-reset`, {}, adminA.token),
        409,
        'users.own-password-reset',
      );
      const inB = await createUser(api, { unitId: communityB.id, unitPath: communityB.path });
      expectProblem(
        await api.post(`/api/v1/users/${inB.id}/password-reset`, {}, adminA.token),
        404,
        'resource.not-found',
      );
    });
  });
});
