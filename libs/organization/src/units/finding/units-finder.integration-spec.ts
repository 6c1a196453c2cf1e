import { randomUUID } from 'node:crypto';
import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  TestApi,
  UnitSpec,
} from '@linli/testing';

/** Two streets with look-alike names, so that a search shows whose units it ranks first and whose it hides. */
function twoStreets(): UnitSpec {
  const street = (side: '东' | '西', code: string): UnitSpec => ({
    kind: 'street',
    name: `${side}街道`,
    children: [
      {
        kind: 'community',
        name: `幸福社区${side}`,
        code,
        children: [
          {
            kind: 'grid',
            name: `幸福网格${side}`,
            children: [
              {
                kind: 'complex',
                name: `幸福小区${side}`,
                children: [{ kind: 'building', name: `幸福楼${side}` }],
              },
            ],
          },
        ],
      },
    ],
  });
  return {
    kind: 'city',
    name: '示范市',
    children: [{ kind: 'district', name: '示范区', children: [street('东', 'XF-E'), street('西', 'XF-W')] }],
  };
}

describe('finding units and people without knowing an id', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: { token: string };
  let eastSecretary: { token: string };
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };
  const names = (body: { items: { name: string }[] }) => body.items.map((item) => item.name);

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(twoStreets());
    admin = await createLoggedInUser(api, { role: 'admin' });
    eastSecretary = await createLoggedInUser(api, {
      role: 'secretary',
      unitId: unit('幸福社区东').id,
      unitPath: unit('幸福社区东').path,
    });
  });
  afterAll(() => api.close());

  describe('GET /units: where to start', () => {
    it('gives a deployment-wide administrator the cities', async () => {
      const response = await api.get('/api/v1/units', admin.token);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        items: [{ name: '示范市', kind: 'city', displayKind: '市' }],
        nextCursor: null,
      });
    });

    it('gives everyone else the units their grants are at, by name, and nothing above them', async () => {
      expect(names((await api.get('/api/v1/units', eastSecretary.token)).body)).toEqual(['幸福社区东']);
      const twoPlaces = await createLoggedInUser(api, {
        grants: [
          { role: 'secretary', unitId: unit('幸福网格西').id, unitPath: unit('幸福网格西').path },
          { role: 'secretary', unitId: unit('东街道').id, unitPath: unit('东街道').path },
          // Inside the street's subtree: already covered, not a top unit of its own.
          { role: 'secretary', unitId: unit('幸福小区东').id, unitPath: unit('幸福小区东').path },
        ],
      });
      expect(names((await api.get('/api/v1/units', twoPlaces.token)).body)).toEqual(['东街道', '幸福网格西']);
    });

    it('pages with a cursor', async () => {
      const twoPlaces = await createLoggedInUser(api, {
        grants: [
          { role: 'secretary', unitId: unit('幸福社区西').id, unitPath: unit('幸福社区西').path },
          { role: 'secretary', unitId: unit('东街道').id, unitPath: unit('东街道').path },
        ],
      });
      const first = await api.get('/api/v1/units?limit=1', twoPlaces.token);
      expect(names(first.body)).toEqual(['东街道']);
      const second = await api.get(`/api/v1/units?limit=1&cursor=${first.body.nextCursor}`, twoPlaces.token);
      expect(second.body).toMatchObject({ items: [{ name: '幸福社区西' }], nextCursor: null });
    });
  });

  describe('GET /units/search', () => {
    it("ranks a secretary's own community first, then down its line, and never shows the other street's look-alikes", async () => {
      const response = await api.get(`/api/v1/units/search?q=${encodeURIComponent('幸福')}`, eastSecretary.token);
      expect(response.status).toBe(200);
      expect(response.body.items.map((hit: { name: string; distance: number }) => [hit.name, hit.distance])).toEqual([
        ['幸福社区东', 0],
        ['幸福网格东', 1],
        ['幸福小区东', 2],
        ['幸福楼东', 3],
      ]);
      // The breadcrumb starts at the secretary's community: the street above it is out of scope.
      expect(response.body.items[3].trail).toEqual(['幸福社区东', '幸福网格东', '幸福小区东']);
    });

    it('ranks by closeness for a deployment-wide administrator too, with the whole breadcrumb', async () => {
      const response = await api.get(`/api/v1/units/search?q=${encodeURIComponent('幸福社区')}`, admin.token);
      expect(names(response.body)).toEqual(['幸福社区东', '幸福社区西']);
      expect(response.body.items[1]).toMatchObject({ distance: 3, trail: ['示范市', '示范区', '西街道'] });
    });

    it('puts a whole match before a start and a start before a match anywhere, at the same closeness', async () => {
      const streetAdmin = await createLoggedInUser(api, {
        role: 'admin',
        unitId: unit('西街道').id,
        unitPath: unit('西街道').path,
      });
      const body = { kind: 'grid', name: '网格', parentId: unit('幸福社区西').id };
      for (const name of ['老网格', '网格', '网格二']) {
        expect((await api.post('/api/v1/units', { ...body, name }, streetAdmin.token)).status).toBe(201);
      }
      const response = await api.get(
        `/api/v1/units/search?q=${encodeURIComponent('网格')}&kind=grid`,
        streetAdmin.token,
      );
      const found = names(response.body);
      expect(found.slice(0, 2)).toEqual(['网格', '网格二']);
      // Both match inside the name: by name between them (the database's collation).
      expect(found.slice(2).sort()).toEqual(['幸福网格西', '老网格'].sort());
    });

    it('finds a unit by its code, ignoring case, and filters by kind', async () => {
      expect(names((await api.get('/api/v1/units/search?q=xf-w', admin.token)).body)).toEqual(['幸福社区西']);
      expect(
        names((await api.get(`/api/v1/units/search?q=${encodeURIComponent('幸福')}&kind=building`, admin.token)).body),
      ).toEqual(['幸福楼东', '幸福楼西']);
      // The other street's code finds nothing for the east secretary.
      expect((await api.get('/api/v1/units/search?q=XF-W', eastSecretary.token)).body.items).toEqual([]);
    });

    it('pages through the ranking without repeating or skipping a unit', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { items: { name: string }[]; nextCursor: string | null } } = await api.get(
          `/api/v1/units/search?q=${encodeURIComponent('幸福')}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          admin.token,
        );
        seen.push(...names(response.body));
        cursor = response.body.nextCursor;
      } while (cursor);
      const all = await api.get(`/api/v1/units/search?q=${encodeURIComponent('幸福')}&limit=100`, admin.token);
      expect(seen).toEqual(names(all.body));
      expect(seen).toHaveLength(8);
    });

    it('refuses a missing query, an unknown kind and a crafted cursor as problems', async () => {
      expectProblem(await api.get('/api/v1/units/search', admin.token), 400, 'validation.failed');
      expectProblem(await api.get('/api/v1/units/search?q=a&kind=planet', admin.token), 400, 'validation.failed');
      const crafted = Buffer.from(JSON.stringify(['x', 0, 'a', 'b'])).toString('base64url');
      expectProblem(
        await api.get(`/api/v1/units/search?q=a&cursor=${crafted}`, admin.token),
        400,
        'pagination.invalid-cursor',
      );
    });
  });

  describe('GET /units/:id/ancestors', () => {
    it('gives the whole line from the city to a deployment-wide administrator', async () => {
      const response = await api.get(`/api/v1/units/${unit('幸福网格东').id}/ancestors`, admin.token);
      expect(names(response.body)).toEqual(['示范市', '示范区', '东街道', '幸福社区东', '幸福网格东']);
    });

    it("stops at a secretary's community and answers 404 outside it", async () => {
      const line = await api.get(`/api/v1/units/${unit('幸福楼东').id}/ancestors`, eastSecretary.token);
      expect(names(line.body)).toEqual(['幸福社区东', '幸福网格东', '幸福小区东', '幸福楼东']);
      expectProblem(
        await api.get(`/api/v1/units/${unit('幸福楼西').id}/ancestors`, eastSecretary.token),
        404,
        'resource.not-found',
      );
      expectProblem(
        await api.get(`/api/v1/units/${unit('东街道').id}/ancestors`, eastSecretary.token),
        404,
        'resource.not-found',
      );
      expectProblem(await api.get(`/api/v1/units/${randomUUID()}/ancestors`, admin.token), 404, 'resource.not-found');
    });
  });

  describe('GET /people/search', () => {
    beforeAll(async () => {
      await createPeople([
        { name: '王芳', residence: unit('幸福楼东') },
        { name: '李芳芳', residence: unit('幸福社区东') },
        { name: '王芳', residence: unit('幸福楼西') },
        { name: '芳华', residence: unit('幸福网格东') },
      ]);
    });

    it('finds people within the scope only, the closest to the caller first, masked', async () => {
      const response = await api.get(`/api/v1/people/search?q=${encodeURIComponent('芳')}`, eastSecretary.token);
      expect(response.status).toBe(200);
      expect(
        response.body.items.map((hit: { name: string; residenceUnitName: string; distance: number }) => [
          hit.name,
          hit.residenceUnitName,
          hit.distance,
        ]),
      ).toEqual([
        ['李芳芳', '幸福社区东', 0],
        ['芳华', '幸福网格东', 1],
        ['王芳', '幸福楼东', 3],
      ]);
      expect(response.body.items[0]).toMatchObject({ phone: null, idNumber: null });
    });

    it('narrows to a unit in scope and answers 404 for one outside it', async () => {
      const narrowed = await api.get(
        `/api/v1/people/search?q=${encodeURIComponent('王')}&unitId=${unit('幸福楼东').id}`,
        eastSecretary.token,
      );
      expect(narrowed.body.items).toMatchObject([{ name: '王芳', distance: 0 }]);
      expectProblem(
        await api.get(
          `/api/v1/people/search?q=${encodeURIComponent('王')}&unitId=${unit('幸福楼西').id}`,
          eastSecretary.token,
        ),
        404,
        'resource.not-found',
      );
      expect(
        (await api.get(`/api/v1/people/search?q=${encodeURIComponent('王芳')}`, admin.token)).body.items,
      ).toHaveLength(2);
    });
  });
});
