import { DataSource } from 'typeorm';
import {
  bootApi,
  createLoggedInUser,
  CreatedUser,
  inMemoryUnitTree,
  resetState,
  TestApi,
  unitDirectoryModule,
  withTestDb,
} from '@linli/testing';
import { AuditContext } from './audit-context';
import { AuditLog } from './audit-log.service';

const tree = inMemoryUnitTree(['city', 'city.a', 'city.b']);
const { a, b } = tree.units;

/** Logging in is audited (`auth.login-succeeded`); these tests look at the entries written after the logins. */
const forgetLogins = () => withTestDb((client) => client.query('TRUNCATE audit_log'));

describe('the audit log', () => {
  let api: TestApi;
  let admin: CreatedUser & { token: string };

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [unitDirectoryModule(tree.directory)] });
  });
  beforeEach(async () => {
    await resetState();
    admin = await createLoggedInUser(api, { username: 'root', role: 'admin' });
    await forgetLogins();
  });
  afterAll(() => api.close());

  it('records who created which account and grant, where, and in which request', async () => {
    const created = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      body: { username: 'chen.jing', password: 'password-123456', unitId: a.id },
      headers: { 'x-request-id': 'req-create-user-1' },
    });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe('req-create-user-1');
    const granted = await api.post(
      `/api/v1/users/${created.body.id}/grants`,
      { role: 'grid_worker', unitId: a.id },
      admin.token,
    );
    expect(granted.status).toBe(201);
    const { rows } = await withTestDb((client) =>
      client.query(
        `SELECT actor_user_id, action, target_type, target_id, unit_id, unit_path, request_id, data FROM audit_log ORDER BY seq`,
      ),
    );
    expect(rows).toEqual([
      {
        actor_user_id: admin.id,
        action: 'users.created',
        target_type: 'user',
        target_id: created.body.id,
        unit_id: a.id,
        unit_path: a.path,
        request_id: 'req-create-user-1',
        data: { username: 'chen.jing', personId: null },
      },
      {
        actor_user_id: admin.id,
        action: 'grants.created',
        target_type: 'user',
        target_id: created.body.id,
        unit_id: a.id,
        unit_path: a.path,
        request_id: granted.headers['x-request-id'],
        data: { grantId: granted.body.id, role: 'grid_worker' },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('password-123456');
    const revoked = await api.request('DELETE', `/api/v1/users/${created.body.id}/grants/${granted.body.id}`, {
      token: admin.token,
    });
    const last = await withTestDb((client) =>
      client.query(`SELECT action, request_id, data FROM audit_log ORDER BY seq DESC LIMIT 1`),
    );
    expect(last.rows[0]).toEqual({
      action: 'grants.revoked',
      request_id: revoked.headers['x-request-id'],
      data: { grantId: granted.body.id, role: 'grid_worker' },
    });
  });

  it('refuses UPDATE and DELETE at the database', async () => {
    await api.post('/api/v1/users', { username: 'some.one', password: 'password-123456' }, admin.token);
    await withTestDb(async (client) => {
      await expect(client.query(`UPDATE audit_log SET action = 'users.forged'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
      const { rows } = await client.query(`SELECT action FROM audit_log`);
      expect(rows).toEqual([{ action: 'users.created' }]);
    });
  });

  it('writes nothing when the command it belongs to rolls back', async () => {
    const audit = api.app.get(AuditLog);
    const dataSource = api.app.get(DataSource);
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record({ action: 'things.done', targetType: 'thing' }, manager);
        throw new Error('the command fails');
      }),
    ).rejects.toThrow('the command fails');
    const { rowCount } = await withTestDb((client) =>
      client.query(`SELECT 1 FROM audit_log WHERE action = 'things.done'`),
    );
    expect(rowCount).toBe(0);
  });

  it('takes actor and request id from the audit context outside HTTP too', async () => {
    const audit = api.app.get(AuditLog);
    await AuditContext.run({ requestId: 'job-42', actorUserId: admin.id }, () =>
      audit.record({ action: 'things.done', targetType: 'thing', targetId: 't1' }),
    );
    await audit.record({ action: 'things.done', targetType: 'thing', targetId: 't2' });
    const { rows } = await withTestDb((client) =>
      client.query(`SELECT target_id, actor_user_id, request_id FROM audit_log ORDER BY seq`),
    );
    expect(rows).toEqual([
      { target_id: 't1', actor_user_id: admin.id, request_id: 'job-42' },
      { target_id: 't2', actor_user_id: null, request_id: null },
    ]);
  });

  it('lists entries newest first, page by page, filtered by action, actor, unit subtree and time', async () => {
    const audit = api.app.get(AuditLog);
    const other = await createLoggedInUser(api, { role: 'admin' });
    await forgetLogins();
    await audit.record({
      action: 'things.done',
      targetType: 'thing',
      targetId: '1',
      unitId: a.id,
      unitPath: a.path,
      actorUserId: admin.id,
    });
    await audit.record({
      action: 'things.done',
      targetType: 'thing',
      targetId: '2',
      unitId: b.id,
      unitPath: b.path,
      actorUserId: other.id,
    });
    await audit.record({
      action: 'things.undone',
      targetType: 'thing',
      targetId: '3',
      unitId: a.id,
      unitPath: `${a.path}`,
      actorUserId: other.id,
    });
    await audit.record({ action: 'things.done', targetType: 'thing', targetId: '4' });
    const targets = (body: { items: { targetId: string }[] }) => body.items.map((e) => e.targetId);

    const first = await api.get('/api/v1/audit-log?limit=3', admin.token);
    expect(first.status).toBe(200);
    expect(targets(first.body)).toEqual(['4', '3', '2']);
    const second = await api.get(`/api/v1/audit-log?limit=3&cursor=${first.body.nextCursor}`, admin.token);
    expect(targets(second.body)).toEqual(['1']);
    expect(second.body.nextCursor).toBeNull();

    expect(targets((await api.get('/api/v1/audit-log?action=things.undone', admin.token)).body)).toEqual(['3']);
    expect(targets((await api.get(`/api/v1/audit-log?actorUserId=${other.id}`, admin.token)).body)).toEqual(['3', '2']);
    expect(targets((await api.get(`/api/v1/audit-log?unitId=${a.id}`, admin.token)).body)).toEqual(['3', '1']);
    const { rows } = await withTestDb((client) =>
      client.query(`SELECT occurred_at FROM audit_log WHERE target_id = '3'`),
    );
    const at = (rows[0].occurred_at as Date).toISOString();
    expect(targets((await api.get(`/api/v1/audit-log?from=${at}&action=things.undone`, admin.token)).body)).toEqual([
      '3',
    ]);
    expect(targets((await api.get(`/api/v1/audit-log?to=${at}&action=things.undone`, admin.token)).body)).toEqual([]);
    const entry = (await api.get('/api/v1/audit-log?action=things.undone', admin.token)).body.items[0];
    expect(entry).toEqual({
      id: expect.any(String),
      occurredAt: at,
      actorUserId: other.id,
      action: 'things.undone',
      targetType: 'thing',
      targetId: '3',
      unitId: a.id,
      requestId: null,
      data: {},
    });
  });

  it('shows a unit auditor only the entries of the unit subtree, not deployment-wide ones', async () => {
    const audit = api.app.get(AuditLog);
    const auditorA = await createLoggedInUser(api, { role: 'auditor', unitId: a.id, unitPath: a.path });
    await forgetLogins();
    await audit.record({
      action: 'things.done',
      targetType: 'thing',
      targetId: 'at-a',
      unitId: a.id,
      unitPath: a.path,
    });
    await audit.record({
      action: 'things.done',
      targetType: 'thing',
      targetId: 'at-b',
      unitId: b.id,
      unitPath: b.path,
    });
    await audit.record({ action: 'things.done', targetType: 'thing', targetId: 'everywhere' });
    const seen = await api.get('/api/v1/audit-log', auditorA.token);
    expect(seen.body.items.map((e: { targetId: string }) => e.targetId)).toEqual(['at-a']);
  });

  it('rejects malformed filters with field problems', async () => {
    const response = await api.get('/api/v1/audit-log?from=yesterday&unitId=x&action=Bad', admin.token);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'from', 'unitId']);
  });
});
