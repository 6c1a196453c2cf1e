import {
  bootApi,
  createLoggedInUser,
  createPeople,
  createUnitTree,
  resetState,
  ScenarioUnit,
  smallDistrict,
  TestApi,
  withTestDb,
} from '@linli/testing';

/** smallDistrict: 社区A › 网格A1 › 小区A1 › 楼栋A1-1 and 社区B › 网格B1 › 小区B1 › 楼栋B1-1. */
describe('revealing a person’s full personal data', () => {
  let api: TestApi;
  let units: Map<string, ScenarioUnit>;
  let gridWorkerA1: { token: string; id: string };
  let gridWorkerB1: { token: string; id: string };
  let auditorA: { token: string };
  let person: { id: string };
  const unit = (name: string): ScenarioUnit => {
    const found = units.get(name);
    if (!found) throw new Error(`no unit ${name}`);
    return found;
  };
  const at = (name: string) => ({ unitId: unit(name).id, unitPath: unit(name).path });
  const reveals = () =>
    withTestDb(
      async (client) =>
        (
          await client.query(
            `SELECT actor_user_id, request_id, target_id, unit_path, data FROM audit_log WHERE action = 'pii.revealed' ORDER BY seq`,
          )
        ).rows,
    );

  beforeAll(async () => {
    await resetState();
    api = await bootApi();
    units = await createUnitTree(smallDistrict());
    gridWorkerA1 = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格A1') });
    gridWorkerB1 = await createLoggedInUser(api, { role: 'grid_worker', ...at('网格B1') });
    auditorA = await createLoggedInUser(api, { role: 'auditor', ...at('社区A') });
    const created = await api.post(
      '/api/v1/people',
      { name: '刘红', phone: '13812345678', idNumber: '11010519491231002X', residenceUnitId: unit('楼栋A1-1').id },
      gridWorkerA1.token,
    );
    expect(created.status).toBe(201);
    person = created.body;
  });
  afterAll(() => api.close());

  it('refuses the grid worker of another grid with 404 and records nothing', async () => {
    const response = await api.post(`/api/v1/people/${person.id}/reveal`, {}, gridWorkerB1.token);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('resource.not-found');
    expect(JSON.stringify(response.body)).not.toContain('13812345678');
    expect(await reveals()).toEqual([]);
  });

  it('refuses a role without people.reveal (the auditor) with 403', async () => {
    const response = await api.post(`/api/v1/people/${person.id}/reveal`, {}, auditorA.token);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('auth.forbidden');
  });

  it('reveals to the grid worker of the person’s grid and records who, what, where and the request id', async () => {
    const response = await api.request('POST', `/api/v1/people/${person.id}/reveal`, {
      token: gridWorkerA1.token,
      body: { reason: '入户走访核实联系方式' },
      headers: { 'x-request-id': 'reveal-test-1' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: person.id,
      name: '刘红',
      phone: '13812345678',
      idNumber: '11010519491231002X',
      birthDate: null,
    });
    expect(response.headers['x-request-id']).toBe('reveal-test-1');
    expect(await reveals()).toEqual([
      {
        actor_user_id: gridWorkerA1.id,
        request_id: 'reveal-test-1',
        target_id: person.id,
        unit_path: unit('楼栋A1-1').path,
        data: { fields: ['phone', 'idNumber'], reason: '入户走访核实联系方式' },
      },
    ]);
  });

  it('records only the fields a person actually has, and reveals without a body', async () => {
    const [quiet] = await createPeople([{ name: '无电话', residence: unit('小区A1') }]);
    const response = await api.request('POST', `/api/v1/people/${quiet.id}/reveal`, { token: gridWorkerA1.token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: quiet.id, name: '无电话', phone: null, idNumber: null, birthDate: null });
    const entries = await reveals();
    expect(entries[entries.length - 1]).toMatchObject({ target_id: quiet.id, data: { fields: [] } });
  });

  it('fails the reveal, showing nothing, when the audit entry cannot be written', async () => {
    const before = (await reveals()).length;
    // Make the audit log refuse this one kind of entry for the duration of the request.
    await withTestDb((client) =>
      client.query(
        `ALTER TABLE audit_log ADD CONSTRAINT audit_log_no_reveal CHECK (action <> 'pii.revealed') NOT VALID`,
      ),
    );
    try {
      const response = await api.post(`/api/v1/people/${person.id}/reveal`, {}, gridWorkerA1.token);
      expect(response.status).toBe(500);
      expect(JSON.stringify(response.body)).not.toContain('13812345678');
    } finally {
      await withTestDb((client) => client.query('ALTER TABLE audit_log DROP CONSTRAINT audit_log_no_reveal'));
    }
    expect(await reveals()).toHaveLength(before);
  });
});
