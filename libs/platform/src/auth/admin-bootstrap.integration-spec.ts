import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bootApi, resetState, TEST_ADMIN, TestApi, withTestDb } from '@linli/testing';
import { AuditLog } from '../audit/audit-log.service';
import { LinliConfig } from '../config/linli-config';
import { AdminBootstrap } from './admin-bootstrap';
import { PasswordHasher } from './password-hasher';

async function accounts(): Promise<{ username: string; role: string; unit_id: string | null }[]> {
  const { rows } = await withTestDb((client) =>
    client.query(
      `SELECT u.username, g.role, g.unit_id FROM users u LEFT JOIN role_grants g ON g.user_id = u.id ORDER BY u.username`,
    ),
  );
  return rows;
}

describe('the first administrator', () => {
  const started: TestApi[] = [];

  beforeEach(() => resetState());
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(started.splice(0).map((api) => api.close()));
  });

  it('is created on first start from LINLI_ADMIN_USERNAME and LINLI_ADMIN_PASSWORD, deployment-wide and audited', async () => {
    const api = await bootApi();
    started.push(api);
    expect(await accounts()).toEqual([{ username: TEST_ADMIN.username, role: 'admin', unit_id: null }]);
    expect((await api.post('/api/v1/auth/login', TEST_ADMIN)).status).toBe(200);
    const { rows } = await withTestDb((client) =>
      client.query(`SELECT actor_user_id, action, data FROM audit_log WHERE action <> 'auth.login-succeeded'`),
    );
    expect(rows).toEqual([
      { actor_user_id: null, action: 'users.created', data: { username: 'admin', bootstrap: true, role: 'admin' } },
    ]);
  });

  it('is created once when two api processes start together', async () => {
    started.push(...(await Promise.all([bootApi(), bootApi(), bootApi()])));
    expect(await accounts()).toEqual([{ username: TEST_ADMIN.username, role: 'admin', unit_id: null }]);
  });

  it('gets a generated password in development, logged once as a warning', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn');
    const env = { NODE_ENV: 'development', LINLI_ADMIN_USERNAME: 'chief', LINLI_ADMIN_PASSWORD: undefined };
    const api = await bootApi({ env });
    started.push(api);
    const messages = warn.mock.calls.map((call) => String(call[0])).filter((m) => m.includes('generated password'));
    expect(messages).toHaveLength(1);
    const password = /generated password (\S+) /.exec(messages[0])?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect((await api.post('/api/v1/auth/login', { username: 'chief', password })).status).toBe(200);

    started.push(await bootApi({ env }));
    expect(warn.mock.calls.filter((call) => String(call[0]).includes('generated password'))).toHaveLength(1);
    expect(await accounts()).toEqual([{ username: 'chief', role: 'admin', unit_id: null }]);
  });

  it('refuses to start in production without LINLI_ADMIN_PASSWORD while no account exists', async () => {
    const api = await bootApi();
    started.push(api);
    await withTestDb((client) => client.query('TRUNCATE users CASCADE'));
    // What Nest runs at start-up, with a production configuration that lacks the password.
    const production = Object.assign(new LinliConfig(), api.config, {
      nodeEnv: 'production',
      adminPassword: undefined,
    });
    const bootstrap = new AdminBootstrap(
      production,
      api.app.get(DataSource),
      api.app.get(PasswordHasher),
      api.app.get(AuditLog),
    );
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(bootstrap.onApplicationBootstrap()).rejects.toThrow(
      /No account exists yet and LINLI_ADMIN_PASSWORD is not set/,
    );
    expect(await accounts()).toEqual([]);
  });

  it('needs no password in production once an account exists', async () => {
    started.push(await bootApi());
    const production = await bootApi({ env: { NODE_ENV: 'production', LINLI_ADMIN_PASSWORD: undefined } });
    started.push(production);
    expect((await production.post('/api/v1/auth/login', TEST_ADMIN)).status).toBe(200);
  });
});
