import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createUser,
  CreatedUser,
  inMemoryUnitTree,
  resetState,
  TestApi,
  unitDirectoryModule,
  withTestDb,
} from '@linli/testing';

/** city ─┬─ a ── a1
 *        └─ b            (a and b are sibling units) */
const tree = inMemoryUnitTree(['city', 'city.a', 'city.a.a1', 'city.b']);
const { city, a, a1, b } = tree.units;

describe('unit scope: a grant reaches its subtree and nothing else', () => {
  let api: TestApi;
  let adminA: CreatedUser & { token: string };
  let auditorA: CreatedUser & { token: string };
  let cityAdmin: CreatedUser & { token: string };
  let userAtB: CreatedUser;
  let userAtA1: CreatedUser;

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [unitDirectoryModule(tree.directory)] });
    adminA = await createLoggedInUser(api, { username: 'admin-a', role: 'admin', unitId: a.id, unitPath: a.path });
    auditorA = await createLoggedInUser(api, {
      username: 'auditor-a',
      role: 'auditor',
      unitId: a.id,
      unitPath: a.path,
    });
    cityAdmin = await createLoggedInUser(api, {
      username: 'admin-city',
      role: 'admin',
      unitId: city.id,
      unitPath: city.path,
    });
    userAtB = await createUser(api, { username: 'worker-b', role: 'grid_worker', unitId: b.id, unitPath: b.path });
    userAtA1 = await createUser(api, { username: 'worker-a1', role: 'grid_worker', unitId: a1.id, unitPath: a1.path });
    // Something happened at B and at A: the audit log has an entry at each.
    expect(
      (await api.post(`/api/v1/users/${userAtB.id}/grants`, { role: 'secretary', unitId: b.id }, cityAdmin.token))
        .status,
    ).toBe(201);
    expect(
      (await api.post(`/api/v1/users/${userAtA1.id}/grants`, { role: 'store_clerk', unitId: a.id }, cityAdmin.token))
        .status,
    ).toBe(201);
  });
  afterAll(() => api.close());

  it('answers 404 for reading an account at a sibling unit, as for a missing one', async () => {
    const sibling = await api.get(`/api/v1/users/${userAtB.id}`, adminA.token);
    const missing = await api.get(`/api/v1/users/${randomUUID()}`, adminA.token);
    expect(sibling.status).toBe(404);
    expect(sibling.body.code).toBe('resource.not-found');
    expect({ ...sibling.body, instance: undefined, requestId: undefined }).toEqual({
      ...missing.body,
      instance: undefined,
      requestId: undefined,
    });
    expect((await api.get(`/api/v1/users/${userAtB.id}`, auditorA.token)).status).toBe(404);
  });

  it('answers 404 for granting a role to an account at a sibling unit', async () => {
    const response = await api.post(
      `/api/v1/users/${userAtB.id}/grants`,
      { role: 'secretary', unitId: a.id },
      adminA.token,
    );
    expect(response.status).toBe(404);
  });

  it('answers 404 for granting a role at a sibling unit, even to an account in scope', async () => {
    const response = await api.post(
      `/api/v1/users/${userAtA1.id}/grants`,
      { role: 'secretary', unitId: b.id },
      adminA.token,
    );
    expect(response.status).toBe(404);
  });

  it('answers 404 for revoking a grant of an account at a sibling unit', async () => {
    const response = await api.request('DELETE', `/api/v1/users/${userAtB.id}/grants/${userAtB.grantIds[0]}`, {
      token: adminA.token,
    });
    expect(response.status).toBe(404);
    const still = await withTestDb((client) =>
      client.query('SELECT 1 FROM role_grants WHERE id = $1', [userAtB.grantIds[0]]),
    );
    expect(still.rowCount).toBe(1);
  });

  it('answers 404 for creating an account at a sibling unit and at an unknown unit', async () => {
    const sibling = await api.post(
      '/api/v1/users',
      { username: 'new-at-b', password: 'password-123456', unitId: b.id },
      adminA.token,
    );
    expect(sibling.status).toBe(404);
    const unknown = await api.post(
      '/api/v1/users',
      { username: 'new-nowhere', password: 'password-123456', unitId: randomUUID() },
      adminA.token,
    );
    expect(unknown.status).toBe(404);
    const created = await withTestDb((client) =>
      client.query(`SELECT 1 FROM users WHERE username IN ('new-at-b', 'new-nowhere')`),
    );
    expect(created.rowCount).toBe(0);
  });

  it('answers 404 for filtering lists by a sibling unit', async () => {
    expect((await api.get(`/api/v1/users?unitId=${b.id}`, adminA.token)).status).toBe(404);
    expect((await api.get(`/api/v1/audit-log?unitId=${b.id}`, adminA.token)).status).toBe(404);
    expect((await api.get(`/api/v1/audit-log?unitId=${b.id}`, auditorA.token)).status).toBe(404);
  });

  it("never shows the sibling unit's accounts or audit entries in the unit's lists", async () => {
    const users = await api.get('/api/v1/users?limit=100', adminA.token);
    expect(users.status).toBe(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).toEqual([
      'admin-a',
      'auditor-a',
      'worker-a1',
    ]);
    const audit = await api.get('/api/v1/audit-log?limit=100', auditorA.token);
    expect(audit.status).toBe(200);
    type Entry = { action: string; unitId: string; targetId: string };
    const items = audit.body.items as Entry[];
    expect(items.filter((e) => !e.action.startsWith('auth.login-'))).toEqual([
      expect.objectContaining({ action: 'grants.created', unitId: a.id, targetId: userAtA1.id }),
    ]);
    // Logins are audited at the account's home unit: A's own accounts only, never the city admin's.
    expect(new Set(items.filter((e) => e.action.startsWith('auth.login-')).map((e) => e.targetId))).toEqual(
      new Set([adminA.id, auditorA.id]),
    );
    const all = await withTestDb((client) => client.query(`SELECT 1 FROM audit_log WHERE unit_id = $1`, [b.id]));
    expect(all.rowCount).toBe(1);
  });

  it('lets a grant at the parent reach both units', async () => {
    expect((await api.get(`/api/v1/users/${userAtB.id}`, cityAdmin.token)).status).toBe(200);
    expect((await api.get(`/api/v1/users/${userAtA1.id}`, cityAdmin.token)).status).toBe(200);
    const users = await api.get('/api/v1/users?limit=100', cityAdmin.token);
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['worker-a1', 'worker-b', 'admin-a']),
    );
    const atB = await api.get(`/api/v1/audit-log?unitId=${b.id}`, cityAdmin.token);
    expect(atB.status).toBe(200);
    expect(atB.body.items).toEqual([expect.objectContaining({ action: 'grants.created', unitId: b.id })]);
    const created = await api.post(
      '/api/v1/users',
      { username: 'new-at-b', password: 'password-123456', unitId: b.id },
      cityAdmin.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.unitId).toBe(b.id);
  });

  it('lets a unit admin manage accounts below the unit', async () => {
    const granted = await api.post(
      `/api/v1/users/${userAtA1.id}/grants`,
      { role: 'secretary', unitId: a1.id },
      adminA.token,
    );
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ role: 'secretary', roleDisplay: '书记', unitId: a1.id });
    const revoked = await api.request('DELETE', `/api/v1/users/${userAtA1.id}/grants/${granted.body.id}`, {
      token: adminA.token,
    });
    expect(revoked.status).toBe(204);
  });

  it("places a new account in the unit admin's own unit by default", async () => {
    const created = await api.post(
      '/api/v1/users',
      { username: 'default-home', password: 'password-123456' },
      adminA.token,
    );
    expect(created.status).toBe(201);
    expect(created.body.unitId).toBe(a.id);
  });

  it('refuses a deployment-wide grant from a unit admin', async () => {
    const response = await api.post(`/api/v1/users/${userAtA1.id}/grants`, { role: 'auditor' }, adminA.token);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('grants.deployment-wide-forbidden');
  });

  it("hides grants outside the reader's scope from the account view", async () => {
    const both = await createUser(api, {
      unitId: a.id,
      unitPath: a.path,
      grants: [
        { role: 'secretary', unitId: a.id, unitPath: a.path },
        { role: 'secretary', unitId: b.id, unitPath: b.path },
      ],
    });
    const seen = await api.get(`/api/v1/users/${both.id}`, adminA.token);
    expect(seen.body.grants).toEqual([expect.objectContaining({ unitId: a.id })]);
    const seenByCity = await api.get(`/api/v1/users/${both.id}`, cityAdmin.token);
    expect(seenByCity.body.grants).toHaveLength(2);
  });
});
