import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  createUser,
  CreatedUser,
  inMemoryUnitTree,
  resetState,
  TestApi,
  unitDirectoryModule,
  withTestDb,
} from '@linli/testing';

const tree = inMemoryUnitTree(['city', 'city.a', 'city.b']);

/** A person in the database (an account may only be linked to an existing person). */
async function somePerson(): Promise<string> {
  const units = await createUnitTree({ kind: 'city', name: '人员所在市' });
  const [person] = await createPeople([{ name: '王芳', residence: units.get('人员所在市')! }]);
  return person.id;
}
const { a, b } = tree.units;

describe('accounts and grants', () => {
  let api: TestApi;
  let admin: CreatedUser & { token: string };

  beforeAll(async () => {
    await resetState();
    api = await bootApi({ modules: [unitDirectoryModule(tree.directory)] });
  });
  beforeEach(async () => {
    await resetState();
    admin = await createLoggedInUser(api, { username: 'root', role: 'admin' });
  });
  afterAll(() => api.close());

  it('creates an account linked to a person and answers without the password hash', async () => {
    const personId = await somePerson();
    const response = await api.post(
      '/api/v1/users',
      { username: 'Wang.Fang', password: 'password-123456', displayName: '王芳', personId, unitId: a.id },
      admin.token,
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      username: 'wang.fang',
      displayName: '王芳',
      personId,
      unitId: a.id,
      isActive: true,
      createdAt: expect.any(String),
      grants: [],
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|argon/i);
    expect((await api.post('/api/v1/auth/login', { username: 'wang.fang', password: 'password-123456' })).status).toBe(
      200,
    );
  });

  it('makes a new account deployment-wide when a deployment-wide admin names no unit', async () => {
    const response = await api.post('/api/v1/users', { username: 'wide', password: 'password-123456' }, admin.token);
    expect(response.status).toBe(201);
    expect(response.body.unitId).toBeNull();
  });

  it('refuses a taken username with 409 users.username-taken, whatever its case', async () => {
    await createUser(api, { username: 'zhang.san' });
    const response = await api.post(
      '/api/v1/users',
      { username: 'ZHANG.SAN', password: 'password-123456' },
      admin.token,
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('users.username-taken');
  });

  it('refuses a second account for the same person', async () => {
    const personId = await somePerson();
    await createUser(api, { personId });
    const response = await api.post(
      '/api/v1/users',
      { username: 'again', password: 'password-123456', personId },
      admin.token,
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('users.person-already-linked');
  });

  it('rejects an invalid account with field problems', async () => {
    const response = await api.post(
      '/api/v1/users',
      { username: 'a', password: 'short', personId: 'nope', extra: 1 },
      admin.token,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'extra',
      'password',
      'personId',
      'username',
    ]);
  });

  it('asks an admin of several units which unit a new account belongs to', async () => {
    const twoUnits = await createLoggedInUser(api, {
      grants: [
        { role: 'admin', unitId: a.id, unitPath: a.path },
        { role: 'admin', unitId: b.id, unitPath: b.path },
      ],
    });
    const response = await api.post(
      '/api/v1/users',
      { username: 'where', password: 'password-123456' },
      twoUnits.token,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('users.unit-required');
    expect(
      (
        await api.post(
          '/api/v1/users',
          { username: 'where', password: 'password-123456', unitId: b.id },
          twoUnits.token,
        )
      ).status,
    ).toBe(201);
  });

  it('answers 404 for an unknown account id and 400 for a malformed one', async () => {
    const unknown = await api.get(`/api/v1/users/${randomUUID()}`, admin.token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('resource.not-found');
    const malformed = await api.get('/api/v1/users/not-a-uuid', admin.token);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ code: 'validation.failed', errors: [{ field: 'id' }] });
    expect((await api.post(`/api/v1/users/${randomUUID()}/grants`, { role: 'auditor' }, admin.token)).status).toBe(404);
    expect(
      (await api.request('DELETE', `/api/v1/users/${admin.id}/grants/${randomUUID()}`, { token: admin.token })).status,
    ).toBe(404);
  });

  it('lists accounts by username page by page and filters by text and unit', async () => {
    await createUser(api, { username: 'li.si', displayName: '李四', unitId: a.id, unitPath: a.path });
    await createUser(api, { username: 'li.wu', displayName: '李五', unitId: b.id, unitPath: b.path });
    await createUser(api, { username: 'zhao.liu', displayName: '赵六', unitId: a.id, unitPath: a.path });
    const first = await api.get('/api/v1/users?limit=2', admin.token);
    expect(first.status).toBe(200);
    expect(first.body.items.map((u: { username: string }) => u.username)).toEqual(['li.si', 'li.wu']);
    const second = await api.get(`/api/v1/users?limit=2&cursor=${first.body.nextCursor}`, admin.token);
    expect(second.body.items.map((u: { username: string }) => u.username)).toEqual(['root', 'zhao.liu']);
    expect(second.body.nextCursor).toBeNull();
    const named = await api.get(`/api/v1/users?q=${encodeURIComponent('李')}`, admin.token);
    expect(named.body.items.map((u: { username: string }) => u.username)).toEqual(['li.si', 'li.wu']);
    const atA = await api.get(`/api/v1/users?unitId=${a.id}&q=LI`, admin.token);
    expect(atA.body.items.map((u: { username: string }) => u.username)).toEqual(['li.si', 'zhao.liu']);
    const wildcard = await api.get('/api/v1/users?q=%25', admin.token);
    expect(wildcard.body.items).toEqual([]);
  });

  it('shows an account with its grants and Chinese role names', async () => {
    const user = await createUser(api, { role: 'grid_worker', unitId: a.id, unitPath: a.path });
    const response = await api.get(`/api/v1/users/${user.id}`, admin.token);
    expect(response.status).toBe(200);
    expect(response.body.grants).toEqual([
      { id: user.grantIds[0], role: 'grid_worker', roleDisplay: '网格员', unitId: a.id },
    ]);
  });

  it('grants a role once and refuses the same grant again with 409, deployment-wide grants included', async () => {
    const user = await createUser(api, { unitId: a.id, unitPath: a.path });
    expect(
      (await api.post(`/api/v1/users/${user.id}/grants`, { role: 'secretary', unitId: a.id }, admin.token)).status,
    ).toBe(201);
    const again = await api.post(`/api/v1/users/${user.id}/grants`, { role: 'secretary', unitId: a.id }, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('grants.duplicate');
    expect((await api.post(`/api/v1/users/${user.id}/grants`, { role: 'auditor' }, admin.token)).status).toBe(201);
    expect((await api.post(`/api/v1/users/${user.id}/grants`, { role: 'auditor' }, admin.token)).status).toBe(409);
  });

  it('refuses an unknown role and an unknown unit', async () => {
    const user = await createUser(api);
    const role = await api.post(`/api/v1/users/${user.id}/grants`, { role: 'mayor' }, admin.token);
    expect(role.status).toBe(400);
    expect(role.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
    expect(
      (await api.post(`/api/v1/users/${user.id}/grants`, { role: 'auditor', unitId: randomUUID() }, admin.token))
        .status,
    ).toBe(404);
  });

  it('gives and takes away power at once: a revoked grant no longer opens its routes', async () => {
    const user = await createLoggedInUser(api);
    expect((await api.get('/api/v1/audit-log', user.token)).status).toBe(403);
    const grant = await api.post(`/api/v1/users/${user.id}/grants`, { role: 'auditor' }, admin.token);
    expect((await api.get('/api/v1/audit-log', user.token)).status).toBe(200);
    expect(
      (await api.request('DELETE', `/api/v1/users/${user.id}/grants/${grant.body.id}`, { token: admin.token })).status,
    ).toBe(204);
    expect((await api.get('/api/v1/audit-log', user.token)).status).toBe(403);
  });

  it('refuses to revoke the last deployment-wide administrator', async () => {
    const last = await api.request('DELETE', `/api/v1/users/${admin.id}/grants/${admin.grantIds[0]}`, {
      token: admin.token,
    });
    expect(last.status).toBe(409);
    expect(last.body.code).toBe('grants.last-administrator');
    const other = await createUser(api, { role: 'admin' });
    expect(
      (await api.request('DELETE', `/api/v1/users/${other.id}/grants/${other.grantIds[0]}`, { token: admin.token }))
        .status,
    ).toBe(204);
  });

  it('keeps account management away from non-admins', async () => {
    const auditor = await createLoggedInUser(api, { role: 'auditor' });
    expect((await api.get('/api/v1/users', auditor.token)).status).toBe(200);
    const create = await api.post('/api/v1/users', { username: 'sneaky', password: 'password-123456' }, auditor.token);
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('auth.forbidden');
    const count = await withTestDb((client) => client.query(`SELECT 1 FROM users WHERE username = 'sneaky'`));
    expect(count.rowCount).toBe(0);
  });
});
