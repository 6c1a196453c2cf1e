import {
  bootApi,
  createLoggedInUser,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
} from '@linli/testing';

describe('cases catalog: the yearly calendar, the category tree and the departments', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let secretaryA: string;
  const unit = (name: string) => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    secretaryA = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('社区A').id, unitPath: unit('社区A').path })
    ).token;
  });
  afterAll(() => api.close());

  it('loads a year of holidays and make-up working days, refusing dates of another year or both at once', async () => {
    const put = (body: unknown, token = admin) => api.request('PUT', '/api/v1/cases/calendars/2026', { body, token });
    const calendar = await put({
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
      workdays: ['2026-09-27', '2026-10-10'],
    });
    expect(calendar.status).toBe(200);
    // 261 weekdays in 2026, 5 of the 7 holidays on weekdays, 2 make-up days: 258.
    expect(calendar.body).toMatchObject({ year: 2026, workingDays: 258, workdays: ['2026-09-27', '2026-10-10'] });
    expectProblem(await put({ holidays: ['2027-01-01'], workdays: [] }), 400, 'cases.calendar-year');
    expectProblem(await put({ holidays: ['2026-10-10'], workdays: ['2026-10-10'] }), 400, 'cases.calendar-conflict');
    expectProblem(await put({ holidays: ['2026-02-30'], workdays: [] }), 400, 'validation.failed');
    expect((await put({ holidays: [], workdays: [] }, secretaryA)).status).toBe(403);
    expect((await api.get('/api/v1/cases/calendars/2026', secretaryA)).body.holidays).toHaveLength(7);
    expectProblem(await api.get('/api/v1/cases/calendars/2031', secretaryA), 404, 'cases.calendar-missing');
    expectProblem(await api.get('/api/v1/cases/calendars/twenty', secretaryA), 400, 'validation.failed');
  });

  it('builds the category tree with its limits and registers departments at a street or district', async () => {
    const category = (body: Record<string, unknown>) => api.post('/api/v1/cases/categories', body, admin);
    expect(
      (await category({ code: 'dispute', name: '矛盾纠纷', responseHours: 24, resolveWorkingDays: 15 })).status,
    ).toBe(201);
    const child = await category({
      code: 'dispute.neighbour',
      name: '邻里纠纷',
      parentCode: 'dispute',
      responseHours: 2,
      resolveWorkingDays: 10,
      resolveHours: 48,
    });
    expect(child.body).toMatchObject({ parentCode: 'dispute', resolveWorkingDays: 10, resolveHours: 48 });
    expectProblem(
      await category({ code: 'dispute', name: '重复', responseHours: 1, resolveHours: 1 }),
      409,
      'cases.category-exists',
    );
    expectProblem(await category({ code: 'x', name: '无时限', responseHours: 1 }), 400, 'cases.category-limits');
    expectProblem(
      await category({ code: 'y', name: '无上级', parentCode: 'nothing', responseHours: 1, resolveHours: 1 }),
      400,
      'cases.category-unknown',
    );
    const listed = await api.get('/api/v1/cases/categories', secretaryA);
    expect(listed.body.items.map((item: { code: string }) => item.code)).toEqual(['dispute', 'dispute.neighbour']);

    const department = (body: Record<string, unknown>) => api.post('/api/v1/cases/departments', body, admin);
    const justice = await department({
      unitId: unit('示范街道').id,
      name: '司法所',
      categoryCodes: ['dispute.neighbour'],
    });
    expect(justice.status).toBe(201);
    expect(justice.body).toMatchObject({ unitName: '示范街道', categoryCodes: ['dispute.neighbour'] });
    expectProblem(
      await department({ unitId: unit('示范街道').id, name: '司法所', categoryCodes: ['dispute'] }),
      409,
      'cases.department-exists',
    );
    expectProblem(
      await department({ unitId: unit('社区A').id, name: '社区警务室', categoryCodes: ['dispute'] }),
      400,
      'cases.department-unit',
    );
    expectProblem(
      await department({ unitId: unit('示范区').id, name: '住建局', categoryCodes: ['housing'] }),
      400,
      'cases.category-unknown',
    );
    const street = (
      await createLoggedInUser(api, { role: 'secretary', unitId: unit('示范街道').id, unitPath: unit('示范街道').path })
    ).token;
    const seen = await api.get(`/api/v1/cases/departments?categoryCode=dispute.neighbour`, street);
    expect(seen.body.items.map((item: { name: string }) => item.name)).toEqual(['司法所']);
    expect((await api.get('/api/v1/cases/departments', secretaryA)).body.items).toEqual([]);
    expectProblem(
      await api.get(`/api/v1/cases/departments?unitId=${unit('示范街道').id}`, secretaryA),
      404,
      'resource.not-found',
    );
  });
});
