import {
  bootApi,
  createLoggedInUser,
  createPerson,
  createUnitTree,
  expectProblem,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

describe("cases' part of a person's data: export, holds, erasure", () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let admin: string;
  let resident: { token: string; personId: string };
  let caseId: string;
  const unit = (name: string) => units.get(name) as ScenarioUnit;

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    admin = (await createLoggedInUser(api, { role: 'admin' })).token;
    await api.post(
      '/api/v1/cases/categories',
      { code: 'demand.repair', name: '维修诉求', responseHours: 2, resolveWorkingDays: 5 },
      admin,
    );
    const person = await createPerson({ name: '赵敏', residenceUnitId: unit('楼栋A1-1').id });
    resident = { token: (await createLoggedInUser(api, { personId: person.id })).token, personId: person.id };
    const reported = await api.post(
      '/api/v1/cases',
      {
        unitId: unit('楼栋A1-1').id,
        channel: 'resident',
        type: 'demand',
        categoryCode: 'demand.repair',
        title: '楼道灯坏了',
        description: '三单元五楼楼道灯不亮，我家老人晚上看不见',
        anonymous: true,
      },
      resident.token,
    );
    caseId = reported.body.id;
  });
  afterAll(() => api.close());

  it('exports the cases the person reported, with what they wrote', async () => {
    const data = (await api.get('/api/v1/me/data', resident.token)).body.domains.cases;
    expect(data.reported).toEqual([
      expect.objectContaining({ caseId, title: '楼道灯坏了', anonymous: true, status: 'reported' }),
    ]);
    expect(data.disputes).toEqual([]);
  });

  it('holds the identity while the case is open, then erases the description on anonymisation', async () => {
    const refused = await api.post(`/api/v1/privacy/people/${resident.personId}/anonymise`, {}, admin);
    expectProblem(refused, 409, 'privacy.identity-still-needed');
    expect(refused.body.holds).toContainEqual(
      expect.objectContaining({ domain: 'cases', code: 'cases.open-case', count: 1 }),
    );
    await withTestDb((client) => client.query(`UPDATE cases SET status = 'rejected' WHERE id = $1`, [caseId]));
    expect((await api.post(`/api/v1/privacy/people/${resident.personId}/anonymise`, {}, admin)).status).toBe(200);
    const row = await withTestDb(
      async (client) => (await client.query(`SELECT title, description FROM cases WHERE id = $1`, [caseId])).rows[0],
    );
    expect(row).toEqual({ title: '楼道灯坏了', description: '（内容已删除）' });
  });
});
