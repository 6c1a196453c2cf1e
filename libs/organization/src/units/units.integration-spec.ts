import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  TestResponse,
  withTestDb,
} from '@linli/testing';
import { UnitKind } from './unit-kind';
import { UnitsService } from './units.service';

async function unitCount(): Promise<number> {
  return withTestDb(async (client) => Number((await client.query('SELECT count(*) AS n FROM units')).rows[0].n));
}

describe('the unit tree: creating, reading and changing units', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let root: { token: string; id: string };
  let streetAdmin: { token: string };
  let communityAAdmin: { token: string };
  let secretaryA: { token: string };
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    root = await createLoggedInUser(api, { role: 'admin' });
    const street = unit('示范街道');
    streetAdmin = await createLoggedInUser(api, { role: 'admin', unitId: street.id, unitPath: street.path });
    communityAAdmin = await createLoggedInUser(api, {
      role: 'admin',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
    secretaryA = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('社区A').id,
      unitPath: unit('社区A').path,
    });
  });
  afterAll(() => api.close());

  describe('creating', () => {
    it('creates a city for a deployment-wide administrator, as the root of a new tree', async () => {
      const response = await api.post(
        '/api/v1/units',
        { kind: 'city', name: '新城市', code: 'CITY-NEW', residents: 100, households: 40, areaM2: 1200.5 },
        root.token,
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'city',
        displayKind: '市',
        name: '新城市',
        parentId: null,
        depth: 0,
        code: 'CITY-NEW',
        residents: 100,
        households: 40,
        areaM2: 1200.5,
      });
      expect(response.body.path).toMatch(/^\d+$/);
      const audit = await withTestDb((client) =>
        client.query(
          `SELECT actor_user_id, unit_path FROM audit_log WHERE action = 'units.created' AND target_id = $1`,
          [response.body.id],
        ),
      );
      expect(audit.rows).toEqual([{ actor_user_id: root.id, unit_path: response.body.path }]);
    });

    it('refuses a city to an administrator of a unit', async () => {
      const before = await unitCount();
      const response = await api.post('/api/v1/units', { kind: 'city', name: '越权市' }, streetAdmin.token);
      expectProblem(response, 403, 'organization.unit-parent-forbidden');
      expect(await unitCount()).toBe(before);
    });

    it('creates a community under a street with its path below the street and displayKind 社区', async () => {
      const street = unit('示范街道');
      const response = await api.post(
        '/api/v1/units',
        { kind: 'community', name: '新社区', parentId: street.id, residents: 4000 },
        streetAdmin.token,
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        kind: 'community',
        displayKind: '社区',
        parentId: street.id,
        depth: 3,
        residents: 4000,
        households: 0,
        areaM2: null,
        code: null,
      });
      expect(response.body.path).toMatch(new RegExp(`^${street.path.replace(/\./g, '\\.')}\\.\\d+$`));
    });

    const wrongParents: [UnitKind, string, string][] = [
      ['city', '示范区', '市是根单位，不能有上级单位'],
      ['district', '示范街道', '区的上级单位只能是市，所选上级单位是街道'],
      ['street', '示范市', '街道的上级单位只能是区，所选上级单位是市'],
      ['community', '示范区', '社区的上级单位只能是街道，所选上级单位是区'],
      ['grid', '示范街道', '网格的上级单位只能是社区，所选上级单位是街道'],
      ['complex', '楼栋A1-1', '小区的上级单位只能是社区或网格，所选上级单位是楼栋'],
      ['building', '社区A', '楼栋的上级单位只能是小区或网格，所选上级单位是社区'],
    ];

    it.each(wrongParents)('refuses a %s under %s, naming the allowed parents', async (kind, parentName, detail) => {
      const before = await unitCount();
      const response = await api.post(
        '/api/v1/units',
        { kind, name: `错误的${kind}`, parentId: unit(parentName).id },
        root.token,
      );
      expectProblem(response, 400, 'organization.unit-parent-kind');
      expect(response.body.detail).toBe(detail);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'parentId', constraint: 'unitParentKind' }),
      ]);
      expect(await unitCount()).toBe(before);
    });

    it('accepts a complex under a grid and a building directly under a grid (open neighbourhoods)', async () => {
      const grid = unit('网格A1');
      const complex = await api.post(
        '/api/v1/units',
        { kind: 'complex', name: '网格下的小区', parentId: grid.id },
        communityAAdmin.token,
      );
      expect(complex.status).toBe(201);
      expect(complex.body).toMatchObject({ displayKind: '小区', parentId: grid.id, depth: 5 });
      const building = await api.post(
        '/api/v1/units',
        { kind: 'building', name: '张家胡同 3 号院', parentId: grid.id },
        communityAAdmin.token,
      );
      expect(building.status).toBe(201);
      expect(building.body).toMatchObject({ displayKind: '楼栋', parentId: grid.id, depth: 5 });
    });

    it('refuses a unit without a parent unless it is a city', async () => {
      const response = await api.post('/api/v1/units', { kind: 'community', name: '无上级社区' }, root.token);
      expectProblem(response, 400, 'organization.unit-parent-required');
      expect(response.body.detail).toContain('街道');
    });

    it('refuses a code another unit already has, with 409', async () => {
      const parentId = unit('网格A1').id;
      expect(
        (await api.post('/api/v1/units', { kind: 'complex', name: '编码小区一', parentId, code: 'C-001' }, root.token))
          .status,
      ).toBe(201);
      const before = await unitCount();
      const duplicate = await api.post(
        '/api/v1/units',
        { kind: 'complex', name: '编码小区二', parentId, code: 'C-001' },
        root.token,
      );
      expectProblem(duplicate, 409, 'organization.unit-code-taken');
      expect(await unitCount()).toBe(before);
    });

    it('answers 404 for a parent outside the caller’s scope and writes nothing', async () => {
      const before = await unitCount();
      const response = await api.post(
        '/api/v1/units',
        { kind: 'grid', name: '越界网格', parentId: unit('社区B').id },
        communityAAdmin.token,
      );
      expectProblem(response, 404, 'resource.not-found');
      expect(
        (await api.post('/api/v1/units', { kind: 'grid', name: '无处网格', parentId: randomUUID() }, root.token))
          .status,
      ).toBe(404);
      expect(await unitCount()).toBe(before);
    });

    it('refuses bad input with field errors: unknown kind, negative count, unknown field', async () => {
      const parentId = unit('社区A').id;
      const response = await api.post(
        '/api/v1/units',
        { kind: 'village', name: '', parentId, residents: -1, mayor: '张三' },
        root.token,
      );
      expectProblem(response, 400, 'validation.failed');
      const fields = (response.body.errors as { field: string; constraint: string }[]).map(
        (e) => `${e.field}:${e.constraint}`,
      );
      expect(fields).toEqual(
        expect.arrayContaining(['kind:isIn', 'name:isNotEmpty', 'residents:min', 'mayor:unknown']),
      );
    });
  });

  describe('reading', () => {
    it('answers a unit in scope with its path and display kind', async () => {
      const complex = unit('小区A1');
      const response = await api.get(`/api/v1/units/${complex.id}`, secretaryA.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        id: complex.id,
        kind: 'complex',
        displayKind: '小区',
        name: '小区A1',
        path: complex.path,
        depth: 5,
        parentId: unit('网格A1').id,
      });
    });

    it('answers 404 for a unit of a sibling community, as for an unknown one, and 400 for a malformed id', async () => {
      expectProblem(await api.get(`/api/v1/units/${unit('小区B1').id}`, secretaryA.token), 404, 'resource.not-found');
      expectProblem(
        await api.get(`/api/v1/units/${unit('社区B').id}/children`, secretaryA.token),
        404,
        'resource.not-found',
      );
      expectProblem(await api.get(`/api/v1/units/${randomUUID()}`, secretaryA.token), 404, 'resource.not-found');
      expectProblem(await api.get('/api/v1/units/not-a-uuid', secretaryA.token), 400, 'validation.failed');
    });

    it('lists the children of a unit by name, a page at a time, optionally of one kind', async () => {
      const community = await api.post(
        '/api/v1/units',
        { kind: 'community', name: '分页社区', parentId: unit('示范街道').id },
        root.token,
      );
      for (const name of ['丙网格', '甲网格', '乙网格']) {
        expect(
          (await api.post('/api/v1/units', { kind: 'grid', name, parentId: community.body.id }, root.token)).status,
        ).toBe(201);
      }
      expect(
        (
          await api.post(
            '/api/v1/units',
            { kind: 'complex', name: '直属小区', parentId: community.body.id },
            root.token,
          )
        ).status,
      ).toBe(201);

      const names = (page: { items: { name: string }[] }): string[] => page.items.map((u) => u.name);
      const whole = await api.get(`/api/v1/units/${community.body.id}/children?limit=100`, root.token);
      expect(whole.status).toBe(200);
      expect(names(whole.body).sort()).toEqual(['丙网格', '乙网格', '甲网格', '直属小区'].sort());
      expect(names(whole.body)).toEqual([...names(whole.body)].sort());
      const first = await api.get(`/api/v1/units/${community.body.id}/children?limit=3`, root.token);
      expect(first.body.items).toHaveLength(3);
      const second = await api.get(
        `/api/v1/units/${community.body.id}/children?limit=3&cursor=${first.body.nextCursor}`,
        root.token,
      );
      expect(second.body.nextCursor).toBeNull();
      expect([...names(first.body), ...names(second.body)]).toEqual(names(whole.body));

      const complexes = await api.get(`/api/v1/units/${community.body.id}/children?kind=complex`, root.token);
      expect(complexes.body.items.map((u: { name: string; displayKind: string }) => [u.name, u.displayKind])).toEqual([
        ['直属小区', '小区'],
      ]);
      expectProblem(
        await api.get(`/api/v1/units/${community.body.id}/children?kind=village`, root.token),
        400,
        'validation.failed',
      );
    });
  });

  describe('changing', () => {
    it('renames and recounts a unit, clears its area, and audits the change', async () => {
      const created = await api.post(
        '/api/v1/units',
        { kind: 'complex', name: '旧名小区', parentId: unit('社区A').id, areaM2: 100 },
        communityAAdmin.token,
      );
      const response = await api.request('PATCH', `/api/v1/units/${created.body.id}`, {
        token: communityAAdmin.token,
        body: { name: '新名小区', residents: 820, households: 300, areaM2: null, code: 'XM-01' },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        name: '新名小区',
        residents: 820,
        households: 300,
        areaM2: null,
        code: 'XM-01',
        path: created.body.path,
      });
      const audit = await withTestDb((client) =>
        client.query(`SELECT data FROM audit_log WHERE action = 'units.updated' AND target_id = $1`, [created.body.id]),
      );
      expect(audit.rows[0].data.changes).toMatchObject({ name: '新名小区', residents: 820 });
    });

    it('refuses to change a unit outside the caller’s scope, or to take another unit’s code', async () => {
      const response = await api.request('PATCH', `/api/v1/units/${unit('社区B').id}`, {
        token: communityAAdmin.token,
        body: { name: '被改名' },
      });
      expectProblem(response, 404, 'resource.not-found');
      expect((await api.get(`/api/v1/units/${unit('社区B').id}`, root.token)).body.name).toBe('社区B');

      await api.post(
        '/api/v1/units',
        { kind: 'complex', name: '有码小区', parentId: unit('社区A').id, code: 'TAKEN-1' },
        root.token,
      );
      const taken = await api.request('PATCH', `/api/v1/units/${unit('小区A1').id}`, {
        token: root.token,
        body: { code: 'TAKEN-1' },
      });
      expectProblem(taken, 409, 'organization.unit-code-taken');
    });

    it('refuses a kind or parent change through PATCH (those are moves)', async () => {
      const response = await api.request('PATCH', `/api/v1/units/${unit('小区A1').id}`, {
        token: root.token,
        body: { kind: 'building', parentId: unit('社区B').id },
      });
      expectProblem(response, 400, 'validation.failed');
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'parentId']);
    });
  });

  describe('the domain face other areas use', () => {
    it('finds the ancestors of a unit in one query, root first, and the nearest one of a kind', async () => {
      const service = api.app.get(UnitsService);
      const line = await service.ancestors(unit('楼栋A1-1').path);
      expect(line.map((u) => u.name)).toEqual([
        '示范市',
        '示范区',
        '示范街道',
        '社区A',
        '网格A1',
        '小区A1',
        '楼栋A1-1',
      ]);
      expect((await service.ancestorOfKind(unit('楼栋A1-1').path, 'community'))?.id).toBe(unit('社区A').id);
      expect((await service.ancestorOfKind(unit('社区A').path, 'community'))?.id).toBe(unit('社区A').id);
      expect(await service.ancestorOfKind(unit('社区A').path, 'grid')).toBeUndefined();
    });

    it('checks kinds and scope with the same problems the api answers', async () => {
      const service = api.app.get(UnitsService);
      const complex = await service.get(unit('小区A1').id);
      expect(() => service.assertKind(complex, ['community'], 'communityUnitId')).toThrow(
        expect.objectContaining({ code: 'organization.unit-kind', status: 400 }),
      );
      expect(() => service.assertKind(complex, ['complex', 'grid'])).not.toThrow();
      await expect(service.get(randomUUID())).rejects.toMatchObject({ code: 'resource.not-found' });
    });
  });
});
