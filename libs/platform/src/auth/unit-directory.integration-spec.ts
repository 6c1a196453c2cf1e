import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createUser,
  InMemoryUnitDirectory,
  resetState,
  unitDirectoryModule,
  withTestDb,
} from '@linli/testing';
import { UnitDirectory } from './unit-directory';
import { UnitPathMaintenance } from './unit-path-maintenance';

describe('the unit directory', () => {
  beforeEach(() => resetState());

  it('knows no unit in the kernel alone, so every unit id answers 404', async () => {
    const api = await bootApi();
    try {
      const admin = await createLoggedInUser(api, { role: 'admin' });
      const response = await api.post(
        '/api/v1/users',
        { username: 'somewhere', password: 'password-123456', unitId: randomUUID() },
        admin.token,
      );
      expect(response.status).toBe(404);
      expect(await api.app.get(UnitDirectory).resolvePaths([randomUUID()])).toEqual(new Map());
    } finally {
      await api.close();
    }
  });

  it('is supplied by a module without editing the kernel and may learn units after boot', async () => {
    const directory = new InMemoryUnitDirectory();
    const api = await bootApi({ modules: [unitDirectoryModule(directory)] });
    try {
      const admin = await createLoggedInUser(api, { role: 'admin' });
      const unitId = randomUUID();
      expect(
        (await api.post('/api/v1/users', { username: 'late', password: 'password-123456', unitId }, admin.token))
          .status,
      ).toBe(404);
      directory.set(unitId, 'city.late');
      const created = await api.post(
        '/api/v1/users',
        { username: 'late', password: 'password-123456', unitId },
        admin.token,
      );
      expect(created.status).toBe(201);
      const { rows } = await withTestDb((client) =>
        client.query('SELECT unit_path FROM users WHERE id = $1', [created.body.id]),
      );
      expect(rows).toEqual([{ unit_path: 'city.late' }]);
    } finally {
      await api.close();
    }
  });

  it('lets the unit owner move a subtree: accounts and grants follow, scope follows them', async () => {
    const [a, b, x] = [randomUUID(), randomUUID(), randomUUID()];
    const directory = new InMemoryUnitDirectory({ [a]: 'city.a', [b]: 'city.b', [x]: 'city.a.x' });
    const api = await bootApi({ modules: [unitDirectoryModule(directory)] });
    try {
      const adminB = await createLoggedInUser(api, { role: 'admin', unitId: b, unitPath: 'city.b' });
      const worker = await createUser(api, { role: 'grid_worker', unitId: x, unitPath: 'city.a.x' });
      const lookalike = await createUser(api, { unitId: randomUUID(), unitPath: 'city.ab' });
      expect((await api.get(`/api/v1/users/${worker.id}`, adminB.token)).status).toBe(404);

      await api.app.get(UnitPathMaintenance).moveSubtree('city.a', 'city.b.a');
      directory.set(a, 'city.b.a').set(x, 'city.b.a.x');

      expect((await api.get(`/api/v1/users/${worker.id}`, adminB.token)).status).toBe(200);
      const { rows } = await withTestDb((client) =>
        client.query(
          `SELECT u.id, u.unit_path, g.unit_path AS grant_path FROM users u LEFT JOIN role_grants g ON g.user_id = u.id WHERE u.id = ANY($1)`,
          [[worker.id, lookalike.id]],
        ),
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: worker.id, unit_path: 'city.b.a.x', grant_path: 'city.b.a.x' },
          { id: lookalike.id, unit_path: 'city.ab', grant_path: null },
        ]),
      );
    } finally {
      await api.close();
    }
  });
});
